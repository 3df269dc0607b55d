package org.custody.screening;

import java.util.ArrayList;
import java.util.List;
import org.custody.names.NameToken;

/**
 * Token alignment of two analysed names. Greedy best-first: every pair of tokens with similarity above
 * the minimum is a candidate; the most similar (then heaviest) pair is taken first, each token used
 * once. Tokens left over on both sides may then be merged with a neighbour ("abdul rahman" against
 * "abdulrahman", "hzb allh" against "hizballah"). Coverage of each side is the weight-share matched.
 */
final class NameAlignment {

    /** One side of a comparison: tokens and their rarity weights. */
    record Side(List<NameToken> tokens, double[] weights) {
        double total() {
            double s = 0;
            for (double w : weights) s += w;
            return s;
        }
    }

    /** An aligned pair; {@code q2}/{@code l2} are the second token of a merge or -1. */
    record Pair(int q, int q2, int l, int l2, double sim) { }

    record Result(List<Pair> pairs, double[] qSim, double[] lSim, double queryCoverage, double listedCoverage,
                  double matchedInformation) {
        double nameMatch() {
            double a = queryCoverage, b = listedCoverage;
            return a + b <= 0 ? 0 : 2 * a * b / (a + b);
        }
    }

    interface Sim {
        double of(int q, int l);
    }

    static Result align(Side query, Side listed, Sim sim, double minSim) {
        List<NameToken> qt = query.tokens(), lt = listed.tokens();
        int nq = qt.size(), nl = lt.size();
        double[] qSim = new double[nq], lSim = new double[nl];
        List<Pair> pairs = new ArrayList<>(Math.min(nq, nl) + 1);
        if (nq == 0 || nl == 0) return new Result(pairs, qSim, lSim, 0, 0, 0);
        int n = nq * nl;
        double[] s = new double[n];
        int[] order = new int[n];
        int m = 0;
        for (int i = 0; i < nq; i++) {
            for (int j = 0; j < nl; j++) {
                double v = sim.of(i, j);
                s[i * nl + j] = v;
                if (v >= minSim) order[m++] = i * nl + j;
            }
        }
        // sort candidate cells by similarity, then by weight (small m: insertion sort)
        for (int a = 1; a < m; a++) {
            int x = order[a];
            int b = a - 1;
            while (b >= 0 && better(x, order[b], s, nl, query.weights(), listed.weights())) {
                order[b + 1] = order[b];
                b--;
            }
            order[b + 1] = x;
        }
        boolean[] qUsed = new boolean[nq], lUsed = new boolean[nl];
        for (int k = 0; k < m; k++) {
            int cell = order[k];
            int i = cell / nl, j = cell % nl;
            if (qUsed[i] || lUsed[j]) continue;
            qUsed[i] = lUsed[j] = true;
            qSim[i] = lSim[j] = s[cell];
            pairs.add(new Pair(i, -1, j, -1, s[cell]));
        }
        mergeLeftovers(qt, lt, qUsed, lUsed, qSim, lSim, pairs, minSim);
        double qTot = query.total(), lTot = listed.total();
        double qm = 0, lm = 0;
        for (int i = 0; i < nq; i++) qm += query.weights()[i] * qSim[i];
        for (int j = 0; j < nl; j++) lm += listed.weights()[j] * lSim[j];
        return new Result(pairs, qSim, lSim, qTot > 0 ? qm / qTot : 0, lTot > 0 ? lm / lTot : 0, Math.min(qm, lm));
    }

    private static boolean better(int x, int y, double[] s, int nl, double[] qw, double[] lw) {
        if (s[x] != s[y]) return s[x] > s[y];
        return qw[x / nl] + lw[x % nl] > qw[y / nl] + lw[y % nl];
    }

    private static void mergeLeftovers(List<NameToken> qt, List<NameToken> lt, boolean[] qUsed, boolean[] lUsed,
                                       double[] qSim, double[] lSim, List<Pair> pairs, double minSim) {
        boolean anyQ = false, anyL = false;
        for (boolean u : qUsed) anyQ |= !u;
        for (boolean u : lUsed) anyL |= !u;
        if (!anyQ || !anyL) return;
        // two query tokens against one listed token
        for (int i = 0; i + 1 < qt.size(); i++) {
            if (qUsed[i] || qUsed[i + 1] || qt.get(i).weak() || qt.get(i + 1).weak()) continue;
            String joined = qt.get(i).text() + qt.get(i + 1).text();
            boolean abjad = qt.get(i).abjad();
            int best = -1;
            double bestSim = minSim;
            for (int j = 0; j < lt.size(); j++) {
                if (lUsed[j] || lt.get(j).weak()) continue;
                double v = TokenSimilarity.similarity(joined, false, abjad, lt.get(j).text(), false, lt.get(j).abjad());
                if (v >= bestSim) { bestSim = v; best = j; }
            }
            if (best >= 0) {
                qUsed[i] = qUsed[i + 1] = lUsed[best] = true;
                qSim[i] = qSim[i + 1] = lSim[best] = bestSim;
                pairs.add(new Pair(i, i + 1, best, -1, bestSim));
            }
        }
        // one query token against two listed tokens
        for (int j = 0; j + 1 < lt.size(); j++) {
            if (lUsed[j] || lUsed[j + 1] || lt.get(j).weak() || lt.get(j + 1).weak()) continue;
            String joined = lt.get(j).text() + lt.get(j + 1).text();
            boolean abjad = lt.get(j).abjad();
            int best = -1;
            double bestSim = minSim;
            for (int i = 0; i < qt.size(); i++) {
                if (qUsed[i] || qt.get(i).weak()) continue;
                double v = TokenSimilarity.similarity(qt.get(i).text(), false, qt.get(i).abjad(), joined, false, abjad);
                if (v >= bestSim) { bestSim = v; best = i; }
            }
            if (best >= 0) {
                qUsed[best] = lUsed[j] = lUsed[j + 1] = true;
                qSim[best] = lSim[j] = lSim[j + 1] = bestSim;
                pairs.add(new Pair(best, -1, j, j + 1, bestSim));
            }
        }
    }
}
