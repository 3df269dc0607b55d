package org.custody.vetting;

import java.util.Locale;
import java.util.Objects;

/** Why a subject is vetted: a transfer (by case id), a training course, or something else, described. */
public record Purpose(Kind kind, String description) {
    public enum Kind { TRANSFER, TRAINING, OTHER }

    public Purpose {
        Objects.requireNonNull(kind, "kind");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a vetting purpose needs a description (case id, course name)");
        }
    }

    public static Kind parseKind(String text) {
        try {
            return Kind.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown purpose '" + text + "' (expected transfer, training or other)");
        }
    }
}
