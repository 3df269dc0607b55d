package org.custody.photo.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.custody.photo.ImageText;

/**
 * What was read in one picture: the strings worth showing (each place once, its best read, only words read
 * with at least {@link #SHOWN_CONFIDENCE}) and the serials matched to the ledger (or reported ambiguous).
 */
public record PictureReading(List<ImageText> strings, List<SerialMatch> serials) {

    /** The lowest confidence of a word shown on a case or passed to the mention pipeline. */
    public static final double SHOWN_CONFIDENCE = 0.60;

    public PictureReading {
        strings = List.copyOf(strings);
        serials = List.copyOf(serials);
    }

    /** Reads a picture's lines: serials matched by {@code matcher}, strings kept as described above. */
    public static PictureReading of(List<ReadLine> lines, SerialMatcher matcher) {
        return new PictureReading(shown(lines), matcher.match(lines));
    }

    /** The text a document carries for its picture, one line per string ("" when nothing was read). */
    public String text() {
        return String.join("\n", strings.stream().map(ImageText::text).toList());
    }

    /** The strings worth showing of a picture's lines (see the class comment). */
    public static List<ImageText> shown(List<ReadLine> lines) {
        List<ImageText> kept = new ArrayList<>();
        for (ReadLine line : lines) {
            List<ImageText> words = line.words().stream()
                    .filter(w -> w.confidence() >= SHOWN_CONFIDENCE)
                    .filter(w -> w.text().codePoints().filter(Character::isLetterOrDigit).count() >= 2)
                    .toList();
            if (!words.isEmpty()) kept.add(new ReadLine(words).asText());
        }
        // one string per place: the most confident read of overlapping places of one script
        kept.sort(Comparator.comparingDouble(ImageText::confidence).reversed());
        List<ImageText> out = new ArrayList<>();
        for (ImageText t : kept) {
            boolean seen = out.stream().anyMatch(o -> o.script().equals(t.script()) && SerialMatcher.overlap(o.region(), t.region()));
            if (!seen) out.add(t);
        }
        out.sort(Comparator.comparingInt((ImageText t) -> t.region().y()).thenComparingInt(t -> t.region().x()));
        return out;
    }
}
