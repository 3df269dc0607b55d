package org.custody.screening;

import java.util.ArrayList;
import java.util.List;
import org.custody.names.NameToken;

/**
 * Token alignment of two analysed names. Greedy best-first over candidate pairs: every pair of tokens
 * with similarity above the minimum, and every pair where two neighbouring tokens on one side, written
 * together, match one token on the other ("abdul rahman" / "abdulrahman", "hzb allah" / "hizballah").
 * The most similar (then heaviest) candidate is taken first, each token used once. Coverage of each side
 * is the share of its rarity weight that was matched, times the similarity.
 */
final class NameAlignment {

    /** One side of a comparison: tokens, their rarity weights and their prepared forms (null for weak tokens). */
    record Side(List<NameToken> tokens, double[] weights, TokenForm[] forms, int strong) {
        Side(List<NameToken> tokens, double[] weights) {
            this(tokens, weights, TokenForm.ofTokens(tokens));
        }

        Side(List<NameToken> tokens, double[] weights, TokenForm[] forms) {
            this(tokens, weights, forms, strongCount(tokens));
        }

        /** A side whose count of non-weak tokens the caller already knows ({@code strong}). */
        Side {
            assert strong == strongCount(tokens);
        }
    }

    /**
     * An aligned pair; {@code q2}/{@code l2} are the last token of a run aligned as one (two neighbours
     * written together, or the names a run of initials stands for), -1 for a single token.
     */
    record Pair(int q, int q2, int l, int l2, double sim) { }

    record Result(List<Pair> pairs, double[] qSim, double[] lSim, double queryCoverage, double listedCoverage,
                  double matchedInformation) {
        /** Harmonic mean of both coverages: a name that covers only part of the other is penalised. */
        double nameMatch() {
            double a = queryCoverage, b = listedCoverage;
            return a + b <= 0 ? 0 : 2 * a * b / (a + b);
        }

        /** Every token of both names aligned at {@code minSim} or more (organisation words included). */
        boolean complete(double minSim) {
            for (double v : qSim) if (v < minSim) return false;
            for (double v : lSim) if (v < minSim) return false;
            return qSim.length > 0 && lSim.length > 0;
        }

        /** The same alignment seen from the other side. */
        Result swapped() {
            List<Pair> ps = new ArrayList<>(pairs.size());
            for (Pair p : pairs) ps.add(new Pair(p.l(), p.l2(), p.q(), p.q2(), p.sim()));
            return new Result(ps, lSim, qSim, listedCoverage, queryCoverage, matchedInformation);
        }
    }

    interface Sim {
        double of(int q, int l);
    }

    /**
     * Aligns two names the same way whichever is given first: the side that sorts first (by its tokens,
     * then weights) is always aligned against the other, so ties in the greedy choice fall the same way
     * and {@code compare(a, b)} equals {@code compare(b, a)} and screening {@code a} against a listed
     * {@code b}. The result is seen from {@code query}'s side.
     */
    static Result alignEitherWay(Side query, Side listed, Sim sim, double minSim) {
        if (order(query, listed) <= 0) return align(query, listed, sim, minSim);
        return align(listed, query, (i, j) -> sim.of(j, i), minSim).swapped();
    }

    /** A total order of sides: token count, then each token's text, weak and abjad flags, then weights. */
    static int order(Side a, Side b) {
        List<NameToken> x = a.tokens(), y = b.tokens();
        if (x.size() != y.size()) return Integer.compare(x.size(), y.size());
        for (int i = 0; i < x.size(); i++) {
            NameToken s = x.get(i), t = y.get(i);
            int c = s.text().compareTo(t.text());
            if (c != 0) return c;
            if (s.weak() != t.weak()) return s.weak() ? 1 : -1;
            if (s.abjad() != t.abjad()) return s.abjad() ? 1 : -1;
        }
        return java.util.Arrays.compare(a.weights(), b.weights());
    }

    static Result align(Side query, Side listed, Sim sim, double minSim) {
        List<NameToken> qt = query.tokens(), lt = listed.tokens();
        int nq = qt.size(), nl = lt.size();
        double[] qSim = new double[nq], lSim = new double[nl];
        List<Pair> pairs = new ArrayList<>(Math.min(nq, nl) + 1);
        if (nq == 0 || nl == 0) return new Result(pairs, qSim, lSim, 0, 0, 0);
        double[] qw = query.weights(), lw = listed.weights();
        List<Pair> cands = new ArrayList<>(nq * nl + 4);
        for (int i = 0; i < nq; i++) {
            for (int j = 0; j < nl; j++) {
                double v = sim.of(i, j);
                if (v >= minSim) cands.add(new Pair(i, -1, j, -1, v));
            }
        }
        // a merge can only help when one side has more (non-weak) tokens than the other
        if ((nq > 1 || nl > 1) && query.strong() != listed.strong()) addMerges(query.forms(), listed.forms(), cands, minSim);
        addInitials(qt, lt, cands, true);
        addInitials(lt, qt, cands, false);
        cands.sort((a, b) -> {
            if (a.sim() != b.sim()) return Double.compare(b.sim(), a.sim());
            return Double.compare(weight(b, qw, lw), weight(a, qw, lw));
        });
        boolean[] qUsed = new boolean[nq], lUsed = new boolean[nl];
        for (Pair p : cands) {
            if (used(qUsed, p.q(), p.q2()) || used(lUsed, p.l(), p.l2())) continue;
            mark(qUsed, qSim, p.q(), p.q2(), p.sim());
            mark(lUsed, lSim, p.l(), p.l2(), p.sim());
            pairs.add(p);
        }
        boolean[] qRepeat = repeatedParts(qt, qSim), lRepeat = repeatedParts(lt, lSim);
        double qTot = 0, lTot = 0, qm = 0, lm = 0;
        for (int i = 0; i < nq; i++) if (!qRepeat[i]) { qTot += qw[i]; qm += qw[i] * qSim[i]; }
        for (int j = 0; j < nl; j++) if (!lRepeat[j]) { lTot += lw[j]; lm += lw[j] * lSim[j]; }
        return new Result(pairs, qSim, lSim, qTot > 0 ? qm / qTot : 0, lTot > 0 ? lm / lTot : 0, Math.min(qm, lm));
    }

    /** How similar an initial is to a name starting with its letter ("Y." / "Yelena", "YL" / "Yelena Lvovna"). */
    static final double INITIAL_SIMILARITY = 0.85;

    /** The longest run of initials written together that is read as initials ("AKH" for "Ali Khatib Haji"). */
    static final int MAX_INITIALS = 6;

    /**
     * Initials on one side against names on the other: a single letter against a longer token starting
     * with it, and two to six letters written together (the analyser joins "A. K. H." into "akh") against
     * as many neighbouring tokens starting with them in order; a run of three or more may stand for a
     * title or organisation word among the names ("A. K. H." for "Ali Khatib Haji"). Only the analysed
     * texts are read (screening's listed tokens carry no other form), so a run that spelling folding
     * shortened ("aaaem" → "aem") is not recognised.
     */
    private static void addInitials(List<NameToken> initials, List<NameToken> names, List<Pair> cands, boolean queryHasInitials) {
        for (int a = 0; a < initials.size(); a++) {
            NameToken t = initials.get(a);
            if (t.weak() || t.abjad()) continue;
            String x = t.text();
            if (x.length() > MAX_INITIALS || !allLetters(x)) continue;
            int k = x.length();
            for (int b = 0; b + k <= names.size(); b++) {
                boolean ok = true;
                for (int m = 0; m < k && ok; m++) {
                    NameToken n = names.get(b + m);
                    ok = n.text().length() >= 3 && n.text().charAt(0) == x.charAt(m)
                            && (!n.weak() || k >= 3);      // a title or organisation word inside a long run ("Haji")
                }
                if (!ok) continue;
                int last = k == 1 ? -1 : b + k - 1;
                cands.add(queryHasInitials ? new Pair(a, -1, b, last, INITIAL_SIMILARITY) : new Pair(b, last, a, -1, INITIAL_SIMILARITY));
            }
        }
    }

    private static boolean allLetters(String x) {
        if (x.isEmpty()) return false;
        for (int i = 0; i < x.length(); i++) if (!Character.isLetter(x.charAt(i))) return false;
        return true;
    }

    private static boolean used(boolean[] usedTokens, int first, int last) {
        for (int i = first; i <= Math.max(first, last); i++) if (usedTokens[i]) return true;
        return false;
    }

    private static void mark(boolean[] usedTokens, double[] sims, int first, int last, double sim) {
        for (int i = first; i <= Math.max(first, last); i++) { usedTokens[i] = true; sims[i] = sim; }
    }

    /**
     * A name part written twice on one side ("KYAW, Maung Maung", "INZUNZA INZUNZA, Gonzalo") is
     * often written once on the other: an unaligned token equal to an aligned one of its own side counts
     * as aligned as closely as that one, and is left out of its side's coverage (neither a loss nor a
     * gain). Returns which tokens were such repeats.
     */
    private static boolean[] repeatedParts(List<NameToken> tokens, double[] sims) {
        boolean[] repeat = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            if (sims[i] > 0 || tokens.get(i).weak()) continue;
            String x = tokens.get(i).text();
            int hash = x.hashCode();        // cached in the string: most pairs differ there already
            for (int k = 0; k < tokens.size(); k++) {
                if (k != i && sims[k] > 0 && !repeat[k] && tokens.get(k).text().hashCode() == hash
                        && tokens.get(k).text().equals(x)) {
                    sims[i] = sims[k];
                    repeat[i] = true;
                    break;
                }
            }
        }
        return repeat;
    }

    private static int strongCount(List<NameToken> ts) {
        int c = 0;
        for (NameToken t : ts) if (!t.weak()) c++;
        return c;
    }

    private static double weight(Pair p, double[] qw, double[] lw) {
        return runWeight(qw, p.q(), p.q2()) + runWeight(lw, p.l(), p.l2());
    }

    /** The summed weight of tokens {@code first..last} ({@code last} -1: the one token). */
    static double runWeight(double[] w, int first, int last) {
        double s = 0;
        for (int i = first; i <= Math.max(first, last); i++) s += w[i];
        return s;
    }

    /** Two neighbouring tokens written as one on the other side, in both directions. */
    private static void addMerges(TokenForm[] qf, TokenForm[] lf, List<Pair> cands, double minSim) {
        addMerges(qf, lf, cands, minSim, true);
        addMerges(lf, qf, cands, minSim, false);
    }

    /** Neighbours of {@code joined} written as one token of {@code other}; cheap first-letter filter first. */
    private static void addMerges(TokenForm[] joined, TokenForm[] other, List<Pair> cands, double minSim,
                                  boolean queryJoined) {
        for (int a = 0; a + 1 < joined.length; a++) {
            TokenForm first = joined[a], second = joined[a + 1];
            if (first == null || second == null) continue;
            for (int b = 0; b < other.length; b++) {
                TokenForm o = other[b];
                if (o == null || o.text().charAt(0) != first.text().charAt(0) || o.length() < 4) continue;
                double v = TokenSimilarity.mergedSimilarity(first, second, o, minSim);
                if (v >= minSim) cands.add(queryJoined ? new Pair(a, a + 1, b, -1, v) : new Pair(b, -1, a, a + 1, v));
            }
        }
    }
}
