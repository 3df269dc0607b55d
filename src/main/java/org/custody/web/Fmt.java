package org.custody.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number and time formats the templates use. */
public final class Fmt {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Fmt() {}

    public static String score(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    public static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    public static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    public static String time(Instant t) {
        return t == null ? "" : MINUTE.format(t);
    }

    public static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
