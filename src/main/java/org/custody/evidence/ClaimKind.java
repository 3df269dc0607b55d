package org.custody.evidence;

import java.util.Locale;

/** The relation a claim states between an article (or weapons in general) and an actor. */
public enum ClaimKind {
    POSSESSION, USE, TRANSFER, SUPPLY, TRAINING;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
