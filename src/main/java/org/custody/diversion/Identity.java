package org.custody.diversion;

import java.util.List;
import java.util.Objects;

/**
 * The one canonical identity a holder resolves to, so that one real group is one case however it is
 * written: a registry actor that is a listed organisation is the list entity; spelling variants meet.
 *
 * @param key         the grouping key (a list entity id, a registry id, a ledger unit or the folded name)
 * @param name        the display name
 * @param listed      the watchlist entity the identity is, when it is one (null otherwise)
 * @param classes     the umbrellas and classes the holder belongs to (a PMF faction, a Shiite militia)
 * @param explanation in words, how the written name reached this identity
 */
public record Identity(String key, String name, Designation listed, List<Actor> classes, String explanation) {
    public Identity {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        classes = classes == null ? List.of() : List.copyOf(classes);
    }

    public Actor actor() {
        return new Actor(key, name);
    }
}
