package org.custody.evidence.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.custody.catalog.Article;
import org.custody.evidence.nlp.AnalyzedText;
import org.custody.evidence.nlp.PhraseLexicon;
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
    /** Designations, aliases and family names as word keys, for spotting them in analysed text. */
    private final PhraseLexicon<String> names = new PhraseLexicon<>();
    private final Map<String, Optional<Resolution>> cache = new ConcurrentHashMap<>();

    public CatalogArticleResolver(ArticleCatalog catalog) {
        this.catalog = catalog;
        for (Article a : catalog.articles()) {
            addName(a.designation());
            a.aliases().forEach(this::addName);
            addName(a.family());
        }
        catalog.familyAliases().forEach((family, aliases) -> {
            addName(family);
            aliases.forEach(this::addName);
        });
    }

    private void addName(String name) {
        // short or all-lower-case names are category-like words that the extractor's own word lists cover
        if (name == null || name.length() < 3 || name.equals(name.toLowerCase(Locale.ROOT))) return;
        names.add(name, name);
    }

    @Override
    public Optional<Resolution> resolve(String phrase) {
        if (cache.size() > 100_000) cache.clear();
        return cache.computeIfAbsent(phrase, p -> catalog.resolve(p).map(CatalogArticleResolver::convert));
    }

    @Override
    public List<Found> find(AnalyzedText t) {
        List<Found> out = new ArrayList<>();
        for (PhraseLexicon.Match<String> m : names.findAll(t)) {
            if (!t.capitalized(m.from())) continue;
            int s = t.start(m.from());
            int e = t.end(m.to() - 1);
            catalog.resolve(t.text().substring(s, e)).filter(r -> r.specificity() != Specificity.CATEGORY)
                    .ifPresent(r -> out.add(new Found(s, e, convert(r))));
        }
        return out;
    }

    static Resolution convert(org.custody.catalog.Resolution r) {
        return switch (r) {
            case org.custody.catalog.Resolution.OfArticle a -> new Resolution(a.article().id(), a.article().designation(),
                    "article catalogue", r.explanation(), java.util.Map.of("designation", a.article().designation(),
                            "family", a.article().family(), "category", a.article().category().label()));
            case org.custody.catalog.Resolution.OfFamily f -> new Resolution("family:" + f.family(), f.family(),
                    "article catalogue", r.explanation(), java.util.Map.of("family", f.family(), "category",
                            f.category().label()));
            case org.custody.catalog.Resolution.OfCategory c -> new Resolution("category:" + c.category().name()
                    .toLowerCase(java.util.Locale.ROOT), c.category().label(), "article catalogue", r.explanation(),
                    java.util.Map.of("category", c.category().label()));
        };
    }
}
