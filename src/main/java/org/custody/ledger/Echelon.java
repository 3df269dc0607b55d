package org.custody.ledger;

import java.util.Locale;

/** The level of a recipient organisation unit, from a ministry down to a company. */
public enum Echelon {
    MINISTRY, SERVICE, COMMAND, DIVISION, BRIGADE, REGIMENT, BATTALION, COMPANY, OTHER;

    public static Echelon parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown echelon '" + text + "' (one of "
                    + java.util.Arrays.toString(values()) + ")");
        }
    }
}
