package org.custody.screening;

import java.util.Objects;
import org.custody.lists.Schema;

/**
 * A name to screen. {@code schema}, {@code birthDate} and {@code nationality} are optional (null):
 * when present they add evidence for or against a hit.
 */
public record ScreeningQuery(String name, Schema schema, int limit, Double threshold,
                             String birthDate, String nationality) {
    public ScreeningQuery {
        Objects.requireNonNull(name, "name");
        if (limit <= 0) throw new IllegalArgumentException("limit must be positive, got " + limit);
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {   // also refuses NaN
            throw new IllegalArgumentException("threshold must be a number from 0 to 1, got " + threshold);
        }
    }

    public static ScreeningQuery of(String name) {
        return new ScreeningQuery(name, null, 10, null, null, null);
    }

    public ScreeningQuery withSchema(Schema s) {
        return new ScreeningQuery(name, s, limit, threshold, birthDate, nationality);
    }
}
