package org.custody.evidence;

import java.util.Map;
import java.util.Objects;

/**
 * A span of a document's text that names an article, actor, place, date or amount. {@code start} and
 * {@code end} are character offsets into {@link SourceDocument#text()} (end exclusive).
 *
 * @param resolved null when nothing in the registries matched
 * @param detail   type-specific values (article quantity, place coordinates, date value, amount value)
 */
public record Mention(MentionType type, String text, int start, int end, Resolution resolved,
                      Map<String, String> detail) {
    public Mention {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    public Mention(MentionType type, String text, int start, int end, Resolution resolved) {
        this(type, text, start, end, resolved, Map.of());
    }

    public boolean overlaps(int s, int e) {
        return start < e && s < end;
    }

    public boolean isResolved() {
        return resolved != null;
    }
}
