package org.custody.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One document as intake produced it: the readable text that every offset refers to, and its metadata.
 * {@code contentHash} is the SHA-256 of the normalised text; {@code id} is derived from it, so the same
 * text read twice (even from another file) is the same document.
 *
 * @param published publication date when the source says (null when unknown; relative dates then stay
 *                  unresolved)
 * @param captions  media captions of a social post (their text is also appended to {@code text})
 * @param items     items a structured input (a field report) states outright; each becomes a sighting claim
 */
public record SourceDocument(String id, SourceKind kind, String sourceName, String outlet, String url,
                             String title, String author, String platform, LocalDate published,
                             Instant retrieved, String contentHash, String text, List<String> captions,
                             List<StructuredItem> items) {
    public SourceDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contentHash, "contentHash");
        captions = captions == null ? List.of() : List.copyOf(captions);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A document with no structured items (prose, posts). */
    public SourceDocument(String id, SourceKind kind, String sourceName, String outlet, String url, String title,
                          String author, String platform, LocalDate published, Instant retrieved, String contentHash,
                          String text, List<String> captions) {
        this(id, kind, sourceName, outlet, url, title, author, platform, published, retrieved, contentHash, text,
                captions, List.of());
    }
}
