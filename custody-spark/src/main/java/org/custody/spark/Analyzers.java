package org.custody.spark;

import java.util.concurrent.ConcurrentHashMap;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.extract.CatalogArticleResolver;

/** The evidence analyser of one executor JVM, built once (NLP models, gazetteer, lists) and shared by its tasks. */
final class Analyzers {

    private static final ConcurrentHashMap<String, EvidenceAnalyzer> ANALYZERS = new ConcurrentHashMap<>();

    private Analyzers() {}

    static EvidenceAnalyzer of(CatalogData catalog, byte[] listsOrNull) {
        String key = catalog.hashCode() + ":" + (listsOrNull == null ? "-" : Watchlists.sha256(listsOrNull));
        return ANALYZERS.computeIfAbsent(key, k -> EvidenceAnalyzer.standard(new CatalogArticleResolver(catalog.catalog()),
                listsOrNull == null ? null : Watchlists.engine(listsOrNull)));
    }
}
