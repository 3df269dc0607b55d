package org.custody.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custody.catalog.Article;
import org.custody.catalog.ArticleCatalog;
import org.custody.catalog.Category;

/** The ledger's article catalogue in a form Spark can broadcast (the core's records stay plain, not Serializable). */
record CatalogData(List<ArticleData> articles, Map<String, List<String>> familyAliases) implements Serializable {

    record ArticleData(String id, String category, String designation, String family, List<String> aliases,
                       String origin, boolean enhancedMonitoring) implements Serializable {}

    static CatalogData of(ArticleCatalog catalog) {
        List<ArticleData> out = new ArrayList<>();
        for (Article a : catalog.articles()) {
            out.add(new ArticleData(a.id(), a.category().name(), a.designation(), a.family(), new ArrayList<>(a.aliases()),
                    a.origin(), a.enhancedMonitoring()));
        }
        Map<String, List<String>> families = new LinkedHashMap<>();
        catalog.familyAliases().forEach((k, v) -> families.put(k, new ArrayList<>(v)));
        return new CatalogData(out, families);
    }

    ArticleCatalog catalog() {
        List<Article> list = new ArrayList<>();
        for (ArticleData a : articles) {
            list.add(new Article(a.id(), Category.valueOf(a.category()), a.designation(), a.family(), a.aliases(),
                    a.origin(), a.enhancedMonitoring()));
        }
        return new ArticleCatalog(list, familyAliases);
    }
}
