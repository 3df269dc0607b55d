package org.custody.evidence.extract;

import java.util.List;
import java.util.Optional;
import org.custody.catalog.ArticleCatalog;
import org.custody.catalog.Specificity;
import org.custody.evidence.Resolution;

/**
 * Article resolution through the ledger's {@link ArticleCatalog}: a designation or alias resolves to the
 * article ({@code id} = catalogue article id), a family name to {@code family:NAME}, a category word
 * ("tanks", "rifles") to {@code category:NAME}.
 */
public final class CatalogArticleResolver implements ArticleResolver {

    private final ArticleCatalog catalog;

    public CatalogArticleResolver(ArticleCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<Resolution> resolve(String phrase) {
        return catalog.resolve(phrase).map(CatalogArticleResolver::convert);
    }

    @Override
    public List<Found> find(String text) {
        return catalog.mentions(text).stream()
                .filter(m -> m.resolution().specificity() != Specificity.CATEGORY)
                .map(m -> new Found(m.start(), m.end(), convert(m.resolution())))
                .toList();
    }

    static Resolution convert(org.custody.catalog.Resolution r) {
        return switch (r) {
            case org.custody.catalog.Resolution.OfArticle a -> new Resolution(a.article().id(), a.article().designation(),
                    "article catalogue", r.explanation());
            case org.custody.catalog.Resolution.OfFamily f -> new Resolution("family:" + f.family(), f.family(),
                    "article catalogue", r.explanation());
            case org.custody.catalog.Resolution.OfCategory c -> new Resolution("category:" + c.category().name()
                    .toLowerCase(java.util.Locale.ROOT), c.category().label(), "article catalogue", r.explanation());
        };
    }
}
