package org.custody.photo.ocr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custody.ledger.SerialKey;
import org.custody.photo.ImageText;

/**
 * Serial-shaped strings in a line read from a picture. A line's words lose their labels ("SN", "S/N",
 * "No.", "Serial", "Hull", "Reg"); then every run of up to {@link #MAX_WORDS} adjacent words is a candidate
 * joined without its separators (a stencil's gaps and a plate's hyphens split one serial into words), and
 * so is a word with a label glued on ("S/N:AB1234") both with and without it. A candidate has a digit as read and a
 * folded key between {@code minLength} and 32 characters; its region is the union of its words' and its
 * confidence the lowest of theirs.
 */
public final class SerialCandidates {

    /** The most adjacent words joined into one candidate. */
    public static final int MAX_WORDS = 4;
    private static final int MAX_LENGTH = 32;
    private static final Set<String> LABELS = Set.of("SN", "S/N", "S/NO", "SER", "SERIAL", "NO", "NR", "NUM",
            "NUMBER", "HULL", "REG", "REGN", "#");
    private static final List<String> GLUED = List.of("S/NO", "S/N", "SN", "NO", "NR", "N.", "#");

    private final int minLength;

    public SerialCandidates(int minLength) {
        if (minLength < 1) throw new IllegalArgumentException("minimum serial length must be at least 1, got " + minLength);
        this.minLength = minLength;
    }

    public int minLength() {
        return minLength;
    }

    /** The candidates of one line of read text, each once (by folded key), longest runs first. */
    public List<SerialCandidate> in(ReadLine line) {
        List<ImageText> words = new ArrayList<>();
        for (ImageText raw : line.words()) {
            for (String part : raw.text().trim().split("\\s+")) {
                String w = trimNonAlnum(part);
                if (w.isEmpty() || isLabel(w)) continue;
                words.add(new ImageText(w, raw.region(), raw.confidence(), raw.script()));
            }
        }
        Map<String, SerialCandidate> out = new LinkedHashMap<>();
        for (int len = Math.min(MAX_WORDS, words.size()); len >= 1; len--) {
            for (int from = 0; from + len <= words.size(); from++) {
                List<ImageText> run = words.subList(from, from + len);
                String read = String.join(" ", run.stream().map(ImageText::text).toList());
                add(out, read, run);
                if (len == 1) {
                    String unglued = unglue(read);
                    if (unglued != null) add(out, unglued, run);
                }
            }
        }
        return List.copyOf(out.values());
    }

    private void add(Map<String, SerialCandidate> out, String read, List<ImageText> run) {
        if (read.chars().noneMatch(Character::isDigit)) return;
        String key = SerialKey.of(read);
        if (key.length() < minLength || key.length() > MAX_LENGTH) return;
        String folded = ConfusionFold.foldKey(key);
        double confidence = run.stream().mapToDouble(ImageText::confidence).min().orElse(0);
        out.putIfAbsent(folded, new SerialCandidate(read, key, folded, ReadLine.union(run), confidence));
    }

    private static boolean isLabel(String word) {
        return LABELS.contains(word.toUpperCase(Locale.ROOT).replaceAll("[.:]+$", ""));
    }

    /** "S/N:AB1234" → "AB1234"; null when the word does not start with a label. */
    private static String unglue(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        for (String label : GLUED) {
            if (upper.startsWith(label) && upper.length() > label.length()) {
                return trimNonAlnum(word.substring(label.length()).replaceFirst("^[.:#]+", ""));
            }
        }
        return null;
    }

    private static String trimNonAlnum(String s) {
        int a = 0, b = s.length();
        while (a < b && !Character.isLetterOrDigit(s.charAt(a))) a++;
        while (b > a && !Character.isLetterOrDigit(s.charAt(b - 1))) b--;
        return s.substring(a, b);
    }
}
