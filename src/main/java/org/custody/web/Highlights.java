package org.custody.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Cuts a text into segments at the edges of highlighted spans (a claim's source sentence, the mentions
 * inside it), so a page can mark each segment with every span covering it. Spans may nest or overlap;
 * spans outside the text are clipped to it. Plain Java: the template escapes the segments' text.
 */
public final class Highlights {

    private Highlights() {}

    /** A highlighted span [start, end) with the CSS class it adds, a tooltip and an optional anchor id. */
    public record Span(int start, int end, String cssClass, String title, String anchor) {}

    /**
     * A run of text covered by the same spans.
     *
     * @param cssClass the classes of the covering spans, space-separated ("" when none)
     * @param title    their tooltips joined, outermost first ("" when none)
     * @param anchor   the anchor of a span starting here, or null
     */
    public record Segment(String text, String cssClass, String title, String anchor) {
        public boolean marked() {
            return !cssClass.isEmpty();
        }
    }

    public static List<Segment> segments(String text, List<Span> spans) {
        int n = text.length();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, n));
        List<Span> clipped = new ArrayList<>();
        for (Span s : spans) {
            int a = Math.max(0, Math.min(n, s.start()));
            int b = Math.max(0, Math.min(n, s.end()));
            if (b <= a) continue;
            clipped.add(new Span(a, b, s.cssClass(), s.title(), s.anchor()));
            cuts.add(a);
            cuts.add(b);
        }
        // outer spans first, so classes and tooltips read from the sentence to the word
        clipped.sort((x, y) -> x.start() != y.start() ? Integer.compare(x.start(), y.start()) : Integer.compare(y.end(), x.end()));
        List<Segment> out = new ArrayList<>();
        Integer prev = null;
        for (int cut : cuts) {
            if (prev != null && cut > prev) {
                List<String> classes = new ArrayList<>();
                List<String> titles = new ArrayList<>();
                String anchor = null;
                for (Span s : clipped) {
                    if (s.start() <= prev && s.end() >= cut) {
                        if (!classes.contains(s.cssClass())) classes.add(s.cssClass());
                        if (s.title() != null && !s.title().isBlank()) titles.add(s.title());
                        if (s.start() == prev && anchor == null && s.anchor() != null) anchor = s.anchor();
                    }
                }
                out.add(new Segment(text.substring(prev, cut), String.join(" ", classes), String.join(" · ", titles), anchor));
            }
            prev = cut;
        }
        return out;
    }
}
