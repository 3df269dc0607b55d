package org.custody.ledger;

import java.util.Locale;

/** The programme or funding authority a transfer went through. */
public enum Programme {
    /** Foreign Military Sales. */
    FMS,
    /** Foreign Military Financing (grant funds spent through FMS). */
    FMF,
    /** Excess Defense Articles. */
    EDA,
    /** Iraq Train and Equip Fund. */
    ITEF,
    /** Counter-ISIS Train and Equip Fund. */
    CTEF,
    /** Presidential Drawdown Authority. */
    PDA,
    /** Direct Commercial Sales. */
    DCS,
    /** Iraq Security Forces Fund. */
    ISFF,
    /** Other U.S. title-10 building-partner-capacity authorities (Section 333, 1206, ...). */
    BPC,
    OTHER,
    /** The source does not say (e.g. SIPRI rows). */
    UNKNOWN;

    public static Programme parse(String text) {
        String key = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return switch (key) {
            case "", "?" -> UNKNOWN;
            case "TRAIN_AND_EQUIP", "IRAQ_TRAIN_AND_EQUIP_FUND" -> ITEF;
            case "COUNTER_ISIS_TRAIN_AND_EQUIP_FUND" -> CTEF;
            case "EXCESS_DEFENSE_ARTICLES" -> EDA;
            case "FOREIGN_MILITARY_SALES" -> FMS;
            case "FOREIGN_MILITARY_FINANCING" -> FMF;
            case "SECTION_333", "SECTION_1206", "1206", "333" -> BPC;
            default -> {
                try {
                    yield valueOf(key);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown programme '" + text + "' (one of "
                            + java.util.Arrays.toString(values()) + ")");
                }
            }
        };
    }
}
