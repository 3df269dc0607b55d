package org.custody.diversion;

import java.util.Locale;

/** A unit's vetting standing as unit risk sees it. */
public enum VettingStanding {
    APPROVED, RESTRICTED, PENDING, DENIED;

    /** Maps a vetting status word (approved, restricted, denied; anything else: unvetted / queued). */
    public static VettingStanding of(String status) {
        if (status == null) return PENDING;
        return switch (status.trim().toLowerCase(Locale.ROOT)) {
            case "approved" -> APPROVED;
            case "restricted" -> RESTRICTED;
            case "denied" -> DENIED;
            default -> PENDING;
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
