package org.custody.catalog;

import java.util.List;
import java.util.Optional;

/**
 * What a mention of a defense article resolved to, and why. {@code matched} is the text as written,
 * {@code via} the catalogue name (designation, alias, family or category word) it matched.
 */
public sealed interface Resolution {

    Specificity specificity();

    Category category();

    String matched();

    String via();

    /** The single article, when the mention names one. */
    default Optional<Article> articleIfAny() {
        return this instanceof OfArticle a ? Optional.of(a.article) : Optional.empty();
    }

    /** The family, when the mention names one article or a family. */
    default Optional<String> familyIfAny() {
        return switch (this) {
            case OfArticle a -> Optional.of(a.article.family());
            case OfFamily f -> Optional.of(f.family);
            case OfCategory c -> Optional.empty();
        };
    }

    /** One sentence saying what matched. */
    default String explanation() {
        return switch (this) {
            case OfArticle a -> "'" + a.matched + "' names the article " + a.article.designation()
                    + " (via '" + a.via + "')";
            case OfFamily f -> "'" + f.matched + "' names the " + f.family + " family (via '" + f.via + "'), "
                    + f.members.size() + " catalogued variant(s), not one designation";
            case OfCategory c -> "'" + c.matched + "' is only a category word for " + c.category.label();
        };
    }

    record OfArticle(Article article, String matched, String via) implements Resolution {
        public Specificity specificity() {
            return Specificity.ARTICLE;
        }

        public Category category() {
            return article.category();
        }
    }

    record OfFamily(String family, Category category, List<Article> members, String matched, String via)
            implements Resolution {
        public OfFamily {
            members = List.copyOf(members);
        }

        public Specificity specificity() {
            return Specificity.FAMILY;
        }
    }

    record OfCategory(Category category, String matched, String via) implements Resolution {
        public Specificity specificity() {
            return Specificity.CATEGORY;
        }
    }
}
