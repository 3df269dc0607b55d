package org.custody.screening;

import java.util.HashSet;
import java.util.Set;

/**
 * Pairs of listed words that one listed party is written with both ways: "HIZBALLAH" and "HEZBOLLAH" among the
 * names of one entity, so the lists themselves say they spell one word. {@link NameConflicts} counts two listed
 * words one typo apart as two different names only when no listed party uses both.
 */
final class ListedVariants {
    private final Set<Long> pairs;

    private ListedVariants(Set<Long> pairs) {
        this.pairs = pairs;
    }

    /** Every pair of close words within one entity's names (names of an entity are contiguous in the index). */
    static ListedVariants of(NameIndex index) {
        Set<Long> pairs = new HashSet<>();
        int[] terms = new int[64];
        int count = 0;
        for (int n = 0; n <= index.nameCount; n++) {
            if (n == index.nameCount || n > 0 && index.nameEntity[n] != index.nameEntity[n - 1]) {
                addClosePairs(index, terms, count, pairs);
                count = 0;
                if (n == index.nameCount) break;
            }
            for (int k = index.nameStart[n]; k < index.nameStart[n + 1]; k++) {
                int t = index.nameTermFlat[k];
                if (!candidate(index, t) || contains(terms, count, t)) continue;
                if (count == terms.length) terms = java.util.Arrays.copyOf(terms, count * 2);
                terms[count++] = t;
            }
        }
        return new ListedVariants(pairs);
    }

    boolean contains(int a, int b) {
        return pairs.contains(key(a, b));
    }

    private static boolean candidate(NameIndex index, int t) {
        return !index.termWeak[t] && !index.termAbjad[t]
                && index.termText[t].length() >= NameConflicts.KNOWN_WORD_MIN_LENGTH;
    }

    private static void addClosePairs(NameIndex index, int[] terms, int count, Set<Long> pairs) {
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                int a = terms[i], b = terms[j];
                TokenForm fa = index.termForm[a], fb = index.termForm[b];
                boolean close = fa != null && fb != null
                        && TokenSimilarity.similarity(fa, fb, NameConflicts.CONFLICT_SIMILARITY) >= NameConflicts.CONFLICT_SIMILARITY
                        || NameConflicts.oneEditApart(index.termText[a], index.termText[b]);
                if (close) pairs.add(key(a, b));
            }
        }
    }

    private static boolean contains(int[] terms, int count, int t) {
        for (int i = 0; i < count; i++) if (terms[i] == t) return true;
        return false;
    }

    private static long key(int a, int b) {
        return a < b ? (long) a << 32 | b : (long) b << 32 | a;
    }
}
