package org.custody.diversion;

import java.util.Locale;
import java.util.Map;

/** Something a case rests on, with what was known about it when linked. */
public record CaseLink(Kind kind, String ref, Map<String, Object> detail, boolean current) {

    public enum Kind {
        EVIDENCE, TRANSFER, VETTING, SCREENING;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }
}
