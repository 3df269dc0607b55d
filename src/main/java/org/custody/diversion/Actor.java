package org.custody.diversion;

import java.util.Locale;

/**
 * Who a claim says holds an article: the id the evidence intake resolved it to (an entity-registry,
 * watchlist or ledger-unit id; null when unresolved) and the name as written.
 */
public record Actor(String id, String name) {

    public Actor {
        if ((id == null || id.isBlank()) && (name == null || name.isBlank())) {
            throw new IllegalArgumentException("an actor needs an id or a name");
        }
    }

    /** Stable grouping key: the resolved id, else the folded name. */
    public String key() {
        if (id != null && !id.isBlank()) return id;
        return "name:" + name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
