package org.custody.server;

import io.javalin.http.Context;
import java.util.List;

/** {@code limit} and {@code offset} of a list request, and the page of results it selects. */
public record Pagination(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    /** Reads limit and offset from the query; a malformed or out-of-range value is a 400 naming the field. */
    public static Pagination of(Context ctx) {
        int limit = intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        return new Pagination(limit, offset);
    }

    public static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return defaultValue;
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, not '" + v + "'", name);
        }
        if (n < min || n > max) {
            throw ApiException.badRequest(name + " must be between " + min + " and " + max + ", not " + n, name);
        }
        return n;
    }

    /** One page of a list the caller has in full. */
    public <T> Page<T> page(List<T> all) {
        int from = (int) Math.min(all.size(), (long) offset);
        int to = (int) Math.min(all.size(), (long) from + limit);
        return new Page<>(all.subList(from, to), all.size(), limit, offset);
    }

    /** A page of items with the total they were taken from. */
    public record Page<T>(List<T> items, long total, int limit, int offset) {}
}
