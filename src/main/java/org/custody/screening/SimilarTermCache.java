package org.custody.screening;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The vocabulary terms similar to a query token, remembered per token. Screened names repeat their
 * tokens ("mohammed", "trading", "company" come back in every batch), and finding a token's neighbours
 * in the vocabulary is the dearest step of a query. Bounded: when full it starts afresh, which keeps
 * the frequent tokens (they come straight back) without the bookkeeping of an LRU on the hot path.
 */
final class SimilarTermCache {
    private final int capacity;
    private final Map<String, List<NameIndex.TermMatch>> entries;

    SimilarTermCache(int capacity) {
        this.capacity = capacity;
        this.entries = new ConcurrentHashMap<>(Math.max(16, Math.min(capacity, 1 << 16)));
    }

    List<NameIndex.TermMatch> get(String key, Supplier<List<NameIndex.TermMatch>> compute) {
        if (capacity == 0) return compute.get();
        List<NameIndex.TermMatch> found = entries.get(key);
        if (found != null) return found;
        List<NameIndex.TermMatch> fresh = List.copyOf(compute.get());
        if (entries.size() >= capacity) entries.clear();
        entries.put(key, fresh);
        return fresh;
    }

    int size() {
        return entries.size();
    }
}
