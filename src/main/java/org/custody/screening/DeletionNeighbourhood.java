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
    private static final int TERM_BITS = 24;
    private static final long TERM_MASK = (1L << TERM_BITS) - 1;

    private final long[] entries;

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
    }

    private DeletionNeighbourhood(long[] entries) {
        this.entries = entries;
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
            int at = lowerBound(lo);
            for (; at < entries.length && (entries[at] & ~TERM_MASK) == lo && count < limit; at++) {
                int term = (int) (entries[at] & TERM_MASK);
                if (contains(found, count, term)) continue;
                if (count == found.length) found = Arrays.copyOf(found, Math.min(limit, found.length * 2));
                found[count++] = term;
            }
        }
        return Arrays.copyOf(found, count);
    }

    private int lowerBound(long key) {
        int lo = 0, hi = entries.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
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
