package org.custody.photo.ocr;

import java.util.Arrays;
import java.util.List;
import org.custody.photo.ImageText;
import org.custody.photo.Region;

/**
 * One line of text read from a picture, word by word (each word with its own box and confidence), as one pass
 * of a reader found it. A line's text is its words joined by spaces, its region their union, its confidence
 * their lowest.
 */
public record ReadLine(List<ImageText> words) {

    public ReadLine {
        if (words.isEmpty()) throw new IllegalArgumentException("a read line has at least one word");
        words = List.copyOf(words);
    }

    /** A line known only as a whole (a reader that gives no word boxes): every word gets the line's box. */
    public static ReadLine of(ImageText line) {
        return new ReadLine(Arrays.stream(line.text().trim().split("\\s+"))
                .map(w -> new ImageText(w, line.region(), line.confidence(), line.script())).toList());
    }

    public String text() {
        return String.join(" ", words.stream().map(ImageText::text).toList());
    }

    public double confidence() {
        return words.stream().mapToDouble(ImageText::confidence).min().orElse(0);
    }

    public String script() {
        return words.stream().anyMatch(w -> "Arabic".equals(w.script())) ? "Arabic" : words.get(0).script();
    }

    public Region region() {
        return union(words);
    }

    /** The line as one piece of read text. */
    public ImageText asText() {
        return new ImageText(text(), region(), confidence(), script());
    }

    public static Region union(List<ImageText> words) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
        for (ImageText w : words) {
            Region r = w.region();
            x0 = Math.min(x0, r.x());
            y0 = Math.min(y0, r.y());
            x1 = Math.max(x1, r.x() + r.w());
            y1 = Math.max(y1, r.y() + r.h());
        }
        return new Region(x0, y0, x1 - x0, y1 - y0);
    }
}
