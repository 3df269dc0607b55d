package org.custody.evidence.intake;

import java.util.Objects;

/**
 * A picture a document references: a post's or field report's {@code media[k].file}, or an HTML page's
 * {@code <img src>} (a downloaded copy next to the page). {@code file} is as written, relative to the
 * referencing file; {@code field} names where it was given, for refusals ("media[0].file", "img[2] src").
 */
public record MediaRef(String file, String caption, String field) {
    public MediaRef {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
    }
}
