package org.custody.evidence.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custody.evidence.SourceKind;
import org.custody.evidence.StructuredItem;

/** What a format reader extracted, before intake normalises the text and derives hash and id. */
record Draft(SourceKind kind, String outlet, String url, String title, String author, String platform,
             LocalDate published, Instant retrieved, String text, List<String> captions, List<StructuredItem> items,
             List<MediaRef> media) {

    Draft {
        media = media == null ? List.of() : List.copyOf(media);
    }

    Draft(SourceKind kind, String outlet, String url, String title, String author, String platform,
          LocalDate published, Instant retrieved, String text, List<String> captions, List<StructuredItem> items) {
        this(kind, outlet, url, title, author, platform, published, retrieved, text, captions, items, List.of());
    }

    Draft(SourceKind kind, String outlet, String url, String title, String author, String platform,
          LocalDate published, Instant retrieved, String text, List<String> captions) {
        this(kind, outlet, url, title, author, platform, published, retrieved, text, captions, List.of());
    }
}
