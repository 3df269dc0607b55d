package org.custody.evidence.stories;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Paragraph fingerprints for story grouping: each paragraph of {@value #MIN_WORDS} words or more gives the
 * hashes of its word 5-grams (case and punctuation folded), of which one in {@value #SAMPLE} is kept
 * (by hash value, so two copies keep the same ones). Two documents share a paragraph when at least
 * {@value #SHARED_PER_PARAGRAPH} kept hashes of one paragraph are in the other document — about twenty
 * words of identical running text, more than a stock phrase.
 */
public final class Passages {

    public static final int MIN_WORDS = 12;
    public static final int SAMPLE = 4;
    public static final int SHARED_PER_PARAGRAPH = 3;
    private static final int N = 5;

    private Passages() {}

    /** Kept hashes per paragraph, in text order (paragraphs too short to fingerprint are left out). */
    public static List<Set<Long>> of(String text) {
        List<Set<Long>> out = new ArrayList<>();
        for (String para : text.split("\\n\\s*\\n")) {
            String[] w = para.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ");
            if (w.length < MIN_WORDS) continue;
            Set<Long> kept = new LinkedHashSet<>();
            for (int i = 0; i + N <= w.length; i++) {
                long h = 1125899906842597L;
                for (int k = i; k < i + N; k++) {
                    for (int c = 0; c < w[k].length(); c++) h = 31 * h + w[k].charAt(c);
                    h = 31 * h + ' ';
                }
                h ^= h >>> 29;
                h *= 0xbf58476d1ce4e5b9L;
                h ^= h >>> 32;
                if (Math.floorMod(h, SAMPLE) == 0) kept.add(h);
            }
            if (!kept.isEmpty()) out.add(kept);
        }
        return out;
    }

    /**
     * Whether a new document's paragraphs show it re-publishes another whose kept hashes are {@code other}:
     * two shared paragraphs, or its lead paragraph shared (a background paragraph reused alone is not enough).
     */
    public static boolean republishes(List<Set<Long>> paragraphs, Set<Long> other) {
        int shared = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            int n = 0;
            for (long h : paragraphs.get(i)) if (other.contains(h)) n++;
            if (n >= SHARED_PER_PARAGRAPH) {
                shared++;
                if (i == 0 || shared >= 2) return true;
            }
        }
        return false;
    }

    /** How many paragraphs of the new document are shared (for the explanation). */
    public static int sharedParagraphs(List<Set<Long>> paragraphs, Set<Long> other) {
        int shared = 0;
        for (Set<Long> p : paragraphs) {
            int n = 0;
            for (long h : p) if (other.contains(h)) n++;
            if (n >= SHARED_PER_PARAGRAPH) shared++;
        }
        return shared;
    }
}
