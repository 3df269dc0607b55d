package org.custody.evidence;

import java.util.List;

/**
 * Documents that re-report one origin (near-duplicates, shared quotes, the same credited outlet and
 * reporters). {@code independentSources} counts distinct origins, not documents.
 */
public record Story(String id, List<StoryDocument> documents, List<String> origins, int independentSources,
                    List<String> reasons) {
    public Story {
        documents = List.copyOf(documents);
        origins = List.copyOf(origins);
        reasons = List.copyOf(reasons);
    }

    public record StoryDocument(String id, String title, String outlet, String published, String nearDuplicateOf) {}
}
