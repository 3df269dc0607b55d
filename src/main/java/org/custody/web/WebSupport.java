package org.custody.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.custody.server.ApiException;
import org.custody.server.Templates;

/** Small helpers the page handlers share: rendering with the frame, redirects after a form, parameters. */
final class WebSupport {

    private WebSupport() {}

    static void render(Context ctx, String template, Chrome chrome, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("chrome", chrome);
        Templates.render(ctx, template, all);
    }

    /** Post-redirect-get: back to the page with a notice (done) or an error shown at its top. */
    static void back(Context ctx, String path, String key, String message) {
        ctx.redirect(path + "?" + key + "=" + URLEncoder.encode(message, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    static String required(Context ctx, String field, String what) {
        String v = ctx.formParam(field);
        if (v == null || v.isBlank()) throw new IllegalArgumentException(what + " is required");
        return v.trim();
    }

    static long id(Context ctx, String param, String what) {
        String v = ctx.pathParam(param);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no " + what + " '" + v + "'");
        }
    }

    static LocalDate date(String text, String field, LocalDate fallback) {
        if (text == null || text.isBlank()) return fallback;
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a date as YYYY-MM-DD, not '" + text.trim() + "'");
        }
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
