package org.custody.photo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Near-duplicate search over 64-bit perceptual hashes by multi-index hashing (Norouzi, Punjani and Fleet,
 * 2012): each hash is split into five chunks (13, 13, 13, 13 and 12 bits) and filed in one table per chunk.
 * Two hashes within Hamming distance {@code r} agree within {@code floor(r/5)} bits on at least one chunk
 * (pigeonhole), so a search probes, in each table, every chunk value within that many bits of the query's
 * chunk, and checks the full distance only for the entries found there. The result is exact (the same as a
 * linear scan). Five chunks rather than four: at the family radius (12) a query probes 2 bits per chunk
 * (about 450 buckets of ~120 entries at a million hashes, read in sequence) instead of 3 bits of 16-bit chunks
 * (2,788 scattered buckets); bench/photos.sh lookup measured both (docs/benchmarks.md).
 *
 * <p>Entries carry an int id (the caller's image number); one image may be filed under several hashes
 * (its views). Adding is allowed at any time; searching is synchronised because it reuses a visit mark.
 */
public final class HashIndex {

    private static final int CHUNKS = 5;
    private static final int[] WIDTH = {13, 13, 13, 13, 12};
    private static final int[] SHIFT = {0, 13, 26, 39, 52};
    /** The largest radius searched: every chunk within 4 bits. */
    public static final int MAX_RADIUS = CHUNKS * 5 - 1;
    /** MASKS_WITHIN[width - 12][s]: every value of a chunk of that width with at most s bits set. */
    private static final int[][][] MASKS_WITHIN = new int[2][5][];

    static {
        for (int w = 12; w <= 13; w++) {
            for (int s = 0; s <= 4; s++) {
                List<Integer> m = new ArrayList<>();
                for (int v = 0; v < 1 << w; v++) if (Integer.bitCount(v) <= s) m.add(v);
                m.sort((a, b) -> Integer.compare(Integer.bitCount(a), Integer.bitCount(b)));
                MASKS_WITHIN[w - 12][s] = m.stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    private long[] hashes = new long[1024];
    private int[] ids = new int[1024];
    private int[] mark = new int[1024];
    private int generation;
    private int size;
    private final int[][][] buckets = new int[CHUNKS][][];
    // each bucket's hashes stored inline beside its entry numbers, so a probe reads memory in sequence
    private final long[][][] bucketHashes = new long[CHUNKS][][];
    private final int[][] fill = new int[CHUNKS][];

    public HashIndex() {
        for (int k = 0; k < CHUNKS; k++) {
            buckets[k] = new int[1 << WIDTH[k]][];
            bucketHashes[k] = new long[1 << WIDTH[k]][];
            fill[k] = new int[1 << WIDTH[k]];
        }
    }

    /** One hit: the entry's id, the hash it is filed under, and its distance from the query. */
    public record Hit(int id, long hash, int distance) {}

    public int size() {
        return size;
    }

    public synchronized void add(long hash, int id) {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
            ids = Arrays.copyOf(ids, size * 2);
            mark = Arrays.copyOf(mark, size * 2);
        }
        hashes[size] = hash;
        ids[size] = id;
        for (int k = 0; k < CHUNKS; k++) {
            int c = chunk(hash, k);
            int[] b = buckets[k][c];
            long[] bh = bucketHashes[k][c];
            int n = fill[k][c];
            if (b == null) {
                b = buckets[k][c] = new int[2];
                bh = bucketHashes[k][c] = new long[2];
            } else if (n == b.length) {
                b = buckets[k][c] = Arrays.copyOf(b, n * 2);
                bh = bucketHashes[k][c] = Arrays.copyOf(bh, n * 2);
            }
            b[n] = size;
            bh[n] = hash;
            fill[k][c] = n + 1;
        }
        size++;
    }

    /** Every entry within Hamming distance {@code radius} (0..{@value #MAX_RADIUS}) of {@code query}, nearest first. */
    public synchronized List<Hit> within(long query, int radius) {
        if (radius < 0 || radius > MAX_RADIUS) throw new IllegalArgumentException("radius must be 0.." + MAX_RADIUS + ", was " + radius);
        if (++generation == 0) {
            Arrays.fill(mark, 0);
            generation = 1;
        }
        List<Hit> out = new ArrayList<>();
        for (int k = 0; k < CHUNKS; k++) {
            int[] masks = MASKS_WITHIN[WIDTH[k] - 12][radius / CHUNKS];
            int q = chunk(query, k);
            int[][] table = buckets[k];
            long[][] tableHashes = bucketHashes[k];
            int[] counts = fill[k];
            for (int m : masks) {
                int c = q ^ m;
                long[] bh = tableHashes[c];
                if (bh == null) continue;
                for (int i = 0, n = counts[c]; i < n; i++) {
                    int d = Long.bitCount(bh[i] ^ query);
                    if (d > radius) continue;
                    int e = table[c][i];
                    if (mark[e] == generation) continue; // found through another chunk already
                    mark[e] = generation;
                    out.add(new Hit(ids[e], bh[i], d));
                }
            }
        }
        out.sort((a, b) -> a.distance() != b.distance() ? Integer.compare(a.distance(), b.distance()) : Integer.compare(a.id(), b.id()));
        return out;
    }

    /** The same answer by a pass over every entry: the baseline the benchmark compares with. */
    public synchronized List<Hit> linearWithin(long query, int radius) {
        List<Hit> out = new ArrayList<>();
        for (int e = 0; e < size; e++) {
            int d = Long.bitCount(hashes[e] ^ query);
            if (d <= radius) out.add(new Hit(ids[e], hashes[e], d));
        }
        out.sort((a, b) -> a.distance() != b.distance() ? Integer.compare(a.distance(), b.distance()) : Integer.compare(a.id(), b.id()));
        return out;
    }

    private static int chunk(long h, int k) {
        return (int) (h >>> SHIFT[k]) & ((1 << WIDTH[k]) - 1);
    }
}
