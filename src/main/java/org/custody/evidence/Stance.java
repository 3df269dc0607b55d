package org.custody.evidence;

import java.util.Locale;

/** How the text presents a claim. */
public enum Stance {
    /** stated as fact (by the text or by the source it credits) */
    ASSERTED,
    /** explicitly denied or negated ("denied", "no evidence", "not") */
    DENIED,
    /** qualified ("may be", "reportedly", "allegedly") */
    HEDGED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
