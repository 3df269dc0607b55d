package org.custody.diversion;

import java.util.Locale;
import java.util.Objects;

/**
 * A defense article as the catalogue knows it: designation ("M1A1 Abrams"), family ("M1 Abrams") and
 * category ("main battle tank"). Family and category may be null when the source says no more.
 */
public record ArticleRef(String designation, String family, String category) {

    public ArticleRef {
        if (designation == null && family == null && category == null) {
            throw new IllegalArgumentException("an article needs a designation, a family or a category");
        }
    }

    /** The key used to compare designations, families and categories: case and punctuation folded. */
    public static String key(String text) {
        if (text == null) return null;
        String k = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
        return k.isEmpty() ? null : k;
    }

    public String designationKey() {
        return key(designation);
    }

    public String familyKey() {
        return key(family);
    }

    public String categoryKey() {
        return key(category);
    }

    /** The most specific name there is, for display. */
    public String label() {
        return Objects.requireNonNullElse(designation, Objects.requireNonNullElse(family, category));
    }
}
