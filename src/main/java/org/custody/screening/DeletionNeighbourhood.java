package org.custody.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A second way to find vocabulary terms near a query token, for the tokens the trigram search misses:
 * short tokens and codes. One edit changes two or three of the trigrams of a three- to five-letter token
 * ("tao" shares one of its four trigrams with "tako", "yv273" two of six with "yv2734"), so their overlap
 * falls under the index's cut, while a search engine's edit-distance query finds them. This channel keeps,
 * for every listed term of {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters, the hashes of the
 * strings left after deleting up to {@link #depth} characters (the symmetric-deletion method of SymSpell):
 * a query token and a term within one edit (two for tokens of six characters or more) share at least one
 * such string, whatever the edit (a substitution, an insertion, a deletion, two letters swapped).
 *
 * <p>It only proposes: every term found is scored by {@link TokenSimilarity} like any other, and kept
 * only when that reaches the minimum, so no pair scores differently for having been found here. Entries
 * are one long each ({@code hash << 24 | term}, sorted), about 30 per term.
 */
final class DeletionNeighbourhood {

    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 14;
    /**
     * A token longer than {@link #ALWAYS_UP_TO} characters is looked up only when the closest listed term
     * the trigram search found is less similar than this: one edit leaves most trigrams of such a token, so
     * the search finds its neighbours itself, and a term this close is the one the token was misspelt from
     * or as good; the channel's look-up and verification of some thirty neighbouring terms (about 20
     * microseconds) would add terms ranking below it. On the development noisy set (seed 20261123) this
     * halved the channel's calls and lost 2 of 5,000 queries' entity from the top ten (recall@10 0.9716 to
     * 0.9712).
     */
    static final double CONSULTED_BELOW = 0.9;
    /**
     * Tokens up to this length are looked up whenever the vocabulary lacks them: one edit changes most of
     * the trigrams of a three- to five-letter token, so a close term found by the trigram search says
     * nothing about the others as close (NearTermChannelTest: "EDRI EXCHANE COMPANY" for EDBI EXCHANGE
     * COMPANY and "MOCNH" for MONCH were lost when these tokens were gated like longer ones).
     */
    static final int ALWAYS_UP_TO = 5;

    /** Whether a query token of {@code length} characters whose closest term by trigrams is {@code best} similar is looked up. */
    static boolean consulted(int length, double best) {
        if (length < MIN_LENGTH || length > MAX_LENGTH || best >= 1.0) return false;
        return length <= ALWAYS_UP_TO || best < CONSULTED_BELOW;
    }

    private static final int TERM_BITS = 24;
    private static final long TERM_MASK = (1L << TERM_BITS) - 1;

    private final long[] entries;
    /**
     * Where each bucket of entries starts: a bucket holds the entries whose hash begins with the same
     * {@link #bucketBits} bits (about two entries), so a look-up reads two places instead of the twenty a
     * binary search over the entries would, most of them cache misses (the search was a third of the
     * channel's time). Worked out from the entries, never stored.
     */
    private final int[] bucketStart;
    private final int bucketBits;

    /** Deletions looked at: one for tokens of up to five characters, two from six (as Lucene's AUTO fuzziness). */
    static int depth(int length) {
        return length >= 6 ? 2 : 1;
    }

    /** The channel over {@code terms}; a term is left out when {@code skip[t]} (organisation-type words). */
    DeletionNeighbourhood(String[] terms, boolean[] skip) {
        if (terms.length > TERM_MASK) throw new IllegalArgumentException("vocabulary too large: " + terms.length);
        long[] out = new long[1024];
        int n = 0;
        long[] hashes = new long[128];
        for (int t = 0; t < terms.length; t++) {
            String s = terms[t];
            if (skip[t] || s.length() < MIN_LENGTH || s.length() > MAX_LENGTH) continue;
            int k = variants(s, depth(s.length()), hashes);
            if (n + k > out.length) out = Arrays.copyOf(out, Math.max(out.length * 2, n + k));
            for (int i = 0; i < k; i++) out[n++] = (hashes[i] << TERM_BITS) | t;
        }
        Arrays.sort(out, 0, n);
        int m = 0;                                  // one term's variants may repeat ("abba" less a "b")
        for (int i = 0; i < n; i++) if (m == 0 || out[i] != out[m - 1]) out[m++] = out[i];
        entries = Arrays.copyOf(out, m);
        bucketBits = bucketBits(m);
        bucketStart = buckets(entries, bucketBits);
    }

    private DeletionNeighbourhood(long[] entries) {
        this.entries = entries;
        bucketBits = bucketBits(entries.length);
        bucketStart = buckets(entries, bucketBits);
    }

    /** Bits of the hash naming a bucket: about two entries a bucket, 1 to 24 bits. */
    private static int bucketBits(int entries) {
        int bits = 1;
        while (bits < 24 && (1L << bits) * 2 < entries) bits++;
        return bits;
    }

    /**
     * A bucket's number, in the entries' (signed) sort order: the top bits of the entry with the sign bit
     * flipped, so that the buckets of sorted entries never decrease.
     */
    private static int bucket(long entry, int bits) {
        return (int) (entry >>> (64 - bits)) ^ (1 << (bits - 1));
    }

    private static int[] buckets(long[] entries, int bits) {
        int[] start = new int[(1 << bits) + 1];
        int b = 0;
        for (int i = 0; i < entries.length; i++) {
            int to = bucket(entries[i], bits);
            while (b <= to) start[b++] = i;
        }
        while (b < start.length) start[b++] = entries.length;
        return start;
    }

    /**
     * The channel from the entries of an earlier one over the same vocabulary of {@code vocabulary} terms (an
     * engine snapshot): refuses entries that are not sorted or name a term the vocabulary does not have.
     */
    static DeletionNeighbourhood restore(long[] entries, int vocabulary) {
        for (int i = 0; i < entries.length; i++) {
            if (i > 0 && entries[i] <= entries[i - 1]) throw new IllegalArgumentException("entry " + i + " out of order");
            if ((entries[i] & TERM_MASK) >= vocabulary) throw new IllegalArgumentException("entry " + i + " names an unknown term");
        }
        return new DeletionNeighbourhood(entries);
    }

    /** The sorted entries, for a snapshot (not copied: callers only write them out). */
    long[] entries() {
        return entries;
    }

    int size() {
        return entries.length;
    }

    /**
     * Terms sharing a deletion variant with {@code token} (at most {@code limit}, distinct, in no particular
     * order); tokens outside the channel's lengths find none.
     */
    int[] near(String token, int limit) {
        if (token.length() < MIN_LENGTH || token.length() > MAX_LENGTH) return new int[0];
        long[] hashes = new long[token.length() <= 12 ? 128 : 256];
        int k = variants(token, depth(token.length()), hashes);
        int[] found = new int[Math.min(limit, 64)];
        int count = 0;
        for (int i = 0; i < k && count < limit; i++) {
            long lo = hashes[i] << TERM_BITS;
            int b = bucket(lo, bucketBits);
            int at = bucketStart[b], end = bucketStart[b + 1];
            while (at < end && entries[at] < lo) at++;
            for (; at < end && (entries[at] & ~TERM_MASK) == lo && count < limit; at++) {
                int term = (int) (entries[at] & TERM_MASK);
                if (contains(found, count, term)) continue;
                if (count == found.length) found = Arrays.copyOf(found, Math.min(limit, found.length * 2));
                found[count++] = term;
            }
        }
        return Arrays.copyOf(found, count);
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) if (a[i] == v) return true;
        return false;
    }

    /**
     * The 40-bit hashes of {@code s} and of every string left after deleting one, or (depth 2) one or two
     * of its characters, into {@code out}; returns how many (repeats possible). No string is built.
     */
    static int variants(String s, int depth, long[] out) {
        int n = 0, len = s.length();
        out[n++] = hash(s, -1, -1);
        for (int i = 0; i < len; i++) {
            out[n++] = hash(s, i, -1);
            if (depth >= 2 && len - 2 >= 1) {
                for (int j = i + 1; j < len; j++) out[n++] = hash(s, i, j);
            }
        }
        return n;
    }

    /** FNV-1a over the characters of {@code s} except those at {@code skip1} and {@code skip2}, to 40 bits. */
    private static long hash(String s, int skip1, int skip2) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            if (i == skip1 || i == skip2) continue;
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 29;
        return h >>> (64 - (64 - TERM_BITS));
    }

    /**
     * The near terms of one query token, each scored by {@link TokenSimilarity} and kept at {@code minSim} or
     * more, left out where {@code already} holds them; for {@link ScreeningEngine} to add to the trigram search's.
     */
    List<NameIndex.TermMatch> matches(NameIndex index, TokenForm query, double minSim, List<NameIndex.TermMatch> already) {
        List<NameIndex.TermMatch> out = new ArrayList<>();
        for (int t : near(query.text(), VERIFY)) {
            if (index.termAbjad[t] != query.abjad()) continue;
            boolean known = false;
            for (NameIndex.TermMatch m : already) if (m.term() == t) { known = true; break; }
            if (known) continue;
            double sim = TokenSimilarity.similarity(query, index.termForm[t], minSim);
            if (sim >= minSim) out.add(new NameIndex.TermMatch(t, sim));
        }
        return out;
    }

    /** Terms verified per query token at most (a two-letter variant such as "ta" can reach hundreds). */
    static final int VERIFY = 400;
}
