package org.custody.diversion;

import java.util.Locale;

/** The relation a claim states between a defense article and an actor. */
public enum ClaimKind {
    POSSESSION, USE, TRANSFER, SUPPLY, TRAINING;

    /** Possession, use and transfer put an article in the holder's hands; supply and training do not. */
    public boolean placesArticleWithHolder() {
        return this == POSSESSION || this == USE || this == TRANSFER;
    }

    public static ClaimKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "claim kind must be possession, use, transfer, supply or training, got '" + text + "'");
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
