package org.custody.evidence.extract;

import java.util.List;
import java.util.Optional;
import org.custody.evidence.Resolution;

/** Resolves article phrases ("M1A1 Abrams tank") to catalogue entries; backed by the article catalogue. */
public interface ArticleResolver {

    Optional<Resolution> resolve(String phrase);

    /** Catalogue names found anywhere in {@code text} (designations and families the word lists may miss). */
    default List<Found> find(String text) {
        return List.of();
    }

    /** A catalogue name at [start, end) of a text. */
    record Found(int start, int end, Resolution resolution) {}

    ArticleResolver NONE = phrase -> Optional.empty();
}
