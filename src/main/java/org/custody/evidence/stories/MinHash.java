package org.custody.evidence.stories;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Near-duplicate detection by MinHash over word 5-gram shingles: a document's signature is the minimum of
 * {@link #HASHES} universal hashes over its shingles; the share of equal positions estimates the Jaccard
 * similarity of two shingle sets. {@link #bands} cuts a signature into LSH bands so stores can look up
 * candidates by equal band instead of comparing with every document.
 */
public final class MinHash {

    public static final int HASHES = 128;
    public static final int BANDS = 32;
    public static final int SHINGLE = 5;
    /** Jaccard similarity at or above which a document is a near-duplicate of another. */
    public static final double NEAR_DUPLICATE = 0.5;

    private static final long[] A = new long[HASHES];
    private static final long[] B = new long[HASHES];
    private static final long PRIME = (1L << 61) - 1;

    static {
        SplittableRandom r = new SplittableRandom(0x5EEDL);
        for (int i = 0; i < HASHES; i++) {
            A[i] = 1 + r.nextLong(PRIME - 1);
            B[i] = r.nextLong(PRIME);
        }
    }

    private MinHash() {}

    /** Word 5-gram shingle hashes of a text (lower case, letters and digits only). */
    public static Set<Long> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        List<String> ws = new ArrayList<>(words.length);
        for (String w : words) if (!w.isEmpty()) ws.add(w);
        Set<Long> out = new HashSet<>();
        if (ws.isEmpty()) return out;
        if (ws.size() < SHINGLE) {
            out.add(hash64(String.join(" ", ws)));
            return out;
        }
        for (int i = 0; i + SHINGLE <= ws.size(); i++) out.add(hash64(String.join(" ", ws.subList(i, i + SHINGLE))));
        return out;
    }

    public static int[] signature(String text) {
        int[] sig = new int[HASHES];
        java.util.Arrays.fill(sig, Integer.MAX_VALUE);
        for (long s : shingles(text)) {
            long x = s & Long.MAX_VALUE;
            for (int i = 0; i < HASHES; i++) {
                long h = Math.floorMod(A[i] * x + B[i], PRIME);
                int v = (int) (h & 0x7FFFFFFF);
                if (v < sig[i]) sig[i] = v;
            }
        }
        return sig;
    }

    public static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) if (a[i] == b[i]) same++;
        return same / (double) HASHES;
    }

    /** One hash per band of {@link #HASHES}/{@link #BANDS} rows. */
    public static long[] bands(int[] sig) {
        int rows = HASHES / BANDS;
        long[] out = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = 1469598103934665603L;
            for (int r = 0; r < rows; r++) {
                h ^= sig[b * rows + r];
                h *= 1099511628211L;
            }
            out[b] = h;
        }
        return out;
    }

    /** Exact Jaccard similarity of two texts' shingle sets (for tests and explanations). */
    public static double jaccard(String a, String b) {
        Set<Long> x = shingles(a);
        Set<Long> y = shingles(b);
        if (x.isEmpty() && y.isEmpty()) return 1;
        Set<Long> inter = new HashSet<>(x);
        inter.retainAll(y);
        Set<Long> union = new HashSet<>(x);
        union.addAll(y);
        return inter.size() / (double) union.size();
    }

    static long hash64(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) h = 31 * h + s.charAt(i);
        h ^= (h >>> 33);
        h *= 0xff51afd7ed558ccdL;
        h ^= (h >>> 33);
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= (h >>> 33);
        return h;
    }
}
