package org.custody.screening;

import java.util.List;

/**
 * Candidate channel for two listed words written as one with a mistake: "SHINEKDRAGON" for SHINE DRAGON
 * (the space typed as a letter), "AVIATRNST" for AVIA TRUST and "BENFHANI" for BEN HANI (the space lost
 * and a letter of one word mistyped). The exact split the engine tries first ("ra85534" = "ra" + "85534")
 * finds neither, and the trigram search compares the whole token with single listed words, which it
 * resembles too little. This channel tries each place the space could have been: both parts listed
 * terms, with or without one character between them dropped; or one part a listed term and the other
 * near one ({@link DeletionNeighbourhood}, verified by {@link TokenSimilarity}). The split whose parts
 * carry the most weight proposes the names holding both; alignment then scores the token against the two
 * listed words written together, as for any merge, so no score depends on this channel.
 */
final class LostSpaceSplitter {
    private LostSpaceSplitter() { }

    /**
     * The splitter is consulted only for a token no listed term resembles this much: a token that close to
     * one listed word is that word misspelt far more often than two words run together, and each split
     * tried with one part near a listed term costs a deletion-channel lookup (about 30 microseconds a token
     * in all, a sixth of a query). On the development noisy set (seed 20261123) the gate removed five in six
     * of the splitter's calls and none of the names it found.
     */
    static final double CONSULTED_BELOW = 0.8;

    /** Parts shorter than this are not looked up (one or two letters match too much by chance). */
    static final int MIN_PART = 2;
    /** A part looked up near rather than exactly must be this long (one edit in three letters is a third of them). */
    static final int MIN_NEAR_PART = 4;

    /** The two parts' matches (left, right), or an empty list when no split is found. */
    static List<List<NameIndex.TermMatch>> split(NameIndex index, DeletionNeighbourhood near, TokenForm token, double minSim) {
        String t = token.text();
        int n = t.length();
        NameIndex.TermMatch bestLeft = null, bestRight = null;
        double bestWeight = 0;
        for (int k = MIN_PART; k <= n - MIN_PART; k++) {
            String left = t.substring(0, k);
            Integer l = index.exactTerm(left, false, token.abjad());
            // the space typed as another character: left + one character + right
            if (l != null && n - k - 1 >= MIN_PART) {
                Integer r = index.exactTerm(t.substring(k + 1), false, token.abjad());
                if (r != null) {
                    double w = index.termWeight(l) + index.termWeight(r);
                    if (w > bestWeight) {
                        bestWeight = w;
                        bestLeft = new NameIndex.TermMatch(l, 1.0);
                        bestRight = new NameIndex.TermMatch(r, 1.0);
                    }
                }
            }
            String right = t.substring(k);
            Integer r = index.exactTerm(right, false, token.abjad());
            if (l != null && r == null && right.length() >= MIN_NEAR_PART) {
                NameIndex.TermMatch m = nearest(index, near, right, token.abjad(), minSim);
                if (m != null && index.termWeight(l) + index.termWeight(m.term()) * m.sim() > bestWeight) {
                    bestWeight = index.termWeight(l) + index.termWeight(m.term()) * m.sim();
                    bestLeft = new NameIndex.TermMatch(l, 1.0);
                    bestRight = m;
                }
            } else if (l == null && r != null && left.length() >= MIN_NEAR_PART) {
                NameIndex.TermMatch m = nearest(index, near, left, token.abjad(), minSim);
                if (m != null && index.termWeight(m.term()) * m.sim() + index.termWeight(r) > bestWeight) {
                    bestWeight = index.termWeight(m.term()) * m.sim() + index.termWeight(r);
                    bestLeft = m;
                    bestRight = new NameIndex.TermMatch(r, 1.0);
                }
            }
        }
        return bestLeft == null ? List.of() : List.of(List.of(bestLeft), List.of(bestRight));
    }

    /** The most similar listed term near {@code part}, or null. */
    private static NameIndex.TermMatch nearest(NameIndex index, DeletionNeighbourhood near, String part, boolean abjad,
                                               double minSim) {
        NameIndex.TermMatch best = null;
        for (NameIndex.TermMatch m : near.matches(index, TokenForm.of(part, abjad), minSim, List.of())) {
            if (best == null || m.sim() > best.sim()) best = m;
        }
        return best;
    }
}
