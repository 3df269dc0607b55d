package org.custody.evidence;

import java.util.Objects;

/**
 * What a mention was resolved to: an id in the registry that knows it (catalogue, actor registry or
 * watchlist, gazetteer, calendar, currency) and its display name, with the resolver's explanation.
 */
public record Resolution(String id, String name, String source, String explanation) {
    public Resolution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
