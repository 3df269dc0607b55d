package org.custody.lists;

import java.util.Objects;

/** One name under which a listed entity is known, with how much it can be trusted alone. */
public record Alias(String name, AliasStrength strength, String kind) {
    public Alias {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strength, "strength");
        kind = kind == null ? "" : kind;
    }

    public static Alias primary(String name) {
        return new Alias(name, AliasStrength.PRIMARY, "");
    }
}
