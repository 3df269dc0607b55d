package org.custody.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One defense article of the catalogue: "M1A1 Abrams" ({@code designation}) of the "M1 Abrams"
 * {@code family}, a {@link Category#MAIN_BATTLE_TANK}, with the spellings reporters use ({@code aliases}).
 * {@code enhancedMonitoring} marks items whose serial numbers must be inventoried (enhanced end-use
 * monitoring).
 */
public record Article(String id, Category category, String designation, String family, List<String> aliases,
                      String origin, boolean enhancedMonitoring) {

    public Article {
        Objects.requireNonNull(category, "category");
        id = requireText(id, "id");
        designation = requireText(designation, "designation");
        family = (family == null || family.isBlank()) ? designation : family.trim();
        aliases = aliases == null ? List.of() : aliases.stream().map(String::trim).filter(a -> !a.isEmpty())
                .distinct().toList();
        origin = origin == null ? "" : origin.trim();
        if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("article id '" + id
                    + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("article " + field + " is empty");
        return value.trim();
    }
}
