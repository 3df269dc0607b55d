package org.custody.evidence;

import java.util.Locale;

/** What a mention names. */
public enum MentionType {
    ARTICLE, ACTOR, PLACE, DATE, AMOUNT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MentionType parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
