package org.custody.evidence;

import java.util.Map;
import java.util.Objects;

/**
 * What a mention was resolved to: an id in the registry that knows it (catalogue, actor registry or
 * watchlist, gazetteer, calendar, currency) and its display name, with the resolver's explanation.
 * {@code attributes} carries what the registry adds (an article's designation, family and category).
 */
public record Resolution(String id, String name, String source, String explanation, Map<String, String> attributes) {
    public Resolution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public Resolution(String id, String name, String source, String explanation) {
        this(id, name, source, explanation, Map.of());
    }
}
