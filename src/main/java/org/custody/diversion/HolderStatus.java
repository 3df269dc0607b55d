package org.custody.diversion;

/** Whether the holder may have the article under the candidate deliveries' end-use terms. */
public enum HolderStatus {
    /** The holder is an approved end-user unit itself. */
    APPROVED_UNIT,
    /** The holder is a sub-unit of an approved end-user (a brigade of an approved division). */
    APPROVED_SUB_UNIT,
    /**
     * The delivery is a country-level record naming no end-user unit (e.g. a SIPRI row), and the holder is a
     * unit of the recipient country's forces.
     */
    RECIPIENT_FORCES,
    /** The holder is a ledger unit, but not an approved end-user (nor under one). */
    OTHER_UNIT,
    /** The holder is not a ledger unit at all: a militia, a foreign force, an unknown group. */
    UNKNOWN_ACTOR;

    public boolean approved() {
        return this == APPROVED_UNIT || this == APPROVED_SUB_UNIT || this == RECIPIENT_FORCES;
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
