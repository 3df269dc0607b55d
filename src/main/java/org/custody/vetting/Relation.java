package org.custody.vetting;

import java.util.Locale;

/**
 * How two nodes of the vetting graph are connected. The first four are recorded affiliations (each with
 * a source and a note); the last three come from the ledger (hierarchy and command posts).
 */
public enum Relation {
    MEMBER_OF(true),
    PART_OF(true),
    BACKED_BY(true),
    SUCCESSOR_OF(true),
    SUB_UNIT_OF(false),
    COMMANDED_BY(false),
    FORMERLY_COMMANDED_BY(false);

    private final boolean affiliation;

    Relation(boolean affiliation) {
        this.affiliation = affiliation;
    }

    /** True for relations a user records with {@code vet affiliation add}. */
    public boolean isAffiliation() {
        return affiliation;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Relation parseAffiliation(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Relation r : values()) {
            if (r.affiliation && r.name().equals(t)) return r;
        }
        throw new IllegalArgumentException("unknown affiliation relation '" + text
                + "' (expected member_of, part_of, backed_by or successor_of)");
    }
}
