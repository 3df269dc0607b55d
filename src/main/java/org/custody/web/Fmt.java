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

    /** A recorded event's JSON detail as "key value; key value" (the text itself when it is not a JSON object). */
    public static String detail(String json) {
        if (json == null || !json.startsWith("{")) return text(json);
        try {
            com.fasterxml.jackson.databind.JsonNode n = org.custody.server.ServerApp.JSON.readTree(json);
            java.util.List<String> parts = new java.util.ArrayList<>();
            n.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) parts.add(f.getKey() + " " + (f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
            });
            return String.join("; ", parts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json;
        }
    }

    public static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
