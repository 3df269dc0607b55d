package org.custody.photo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Near-duplicate search over 64-bit perceptual hashes by multi-index hashing (Norouzi, Punjani and Fleet,
 * 2012): each hash is split into four 16-bit chunks and filed in one table per chunk. Two hashes within
 * Hamming distance {@code r} agree within {@code floor(r/4)} bits on at least one chunk (pigeonhole), so a
 * search probes, in each table, every chunk value within that many bits of the query's chunk, and checks
 * the full distance only for the entries found there. The result is exact (the same as a linear scan),
 * at a few thousand bucket probes instead of a pass over every hash.
 *
 * <p>Entries carry an int id (the caller's image number); one image may be filed under several hashes
 * (its views). Adding is allowed at any time; searching is synchronised because it reuses a visit mark.
 */
public final class HashIndex {

    private static final int CHUNKS = 4;
    private static final int[][] MASKS_WITHIN = new int[5][];

    static {
        for (int s = 0; s <= 4; s++) {
            List<Integer> m = new ArrayList<>();
            for (int v = 0; v < 1 << 16; v++) if (Integer.bitCount(v) <= s) m.add(v);
            MASKS_WITHIN[s] = m.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private long[] hashes = new long[1024];
    private int[] ids = new int[1024];
    private int[] mark = new int[1024];
    private int generation;
    private int size;
    private final int[][][] buckets = new int[CHUNKS][1 << 16][];
    // each bucket's hashes stored inline beside its entry numbers, so a probe reads memory in sequence
    private final long[][][] bucketHashes = new long[CHUNKS][1 << 16][];
    private final int[][] fill = new int[CHUNKS][1 << 16];

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

    /** Every entry within Hamming distance {@code radius} (0..19) of {@code query}, nearest first. */
    public synchronized List<Hit> within(long query, int radius) {
        if (radius < 0 || radius >= 20) throw new IllegalArgumentException("radius must be 0..19, was " + radius);
        if (++generation == 0) {
            Arrays.fill(mark, 0);
            generation = 1;
        }
        int[] masks = MASKS_WITHIN[radius / CHUNKS];
        List<Hit> out = new ArrayList<>();
        for (int k = 0; k < CHUNKS; k++) {
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
        return (int) (h >>> (16 * k)) & 0xffff;
    }
}
