package org.custody.screening;

/**
 * Levenshtein edit distance. Tokens of up to 64 ASCII characters take Myers' bit-parallel algorithm
 * (Hyyrö's formulation: one pass over the longer token, a machine word per column); anything else
 * takes the two-row dynamic programme. Per-thread scratch, no allocation on the hot path.
 */
final class Levenshtein {
    private Levenshtein() { }

    private static final class Scratch {
        final long[] peq = new long[128];
        int[] prev = new int[64];
        int[] cur = new int[64];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    static int distance(CharSequence a, CharSequence b) {
        if (a.length() > b.length()) { CharSequence t = a; a = b; b = t; }
        int la = a.length(), lb = b.length();
        if (la == 0) return lb;
        Scratch s = SCRATCH.get();
        return la <= 64 && ascii(a) && ascii(b) ? bitParallel(a, b, s.peq) : rows(a, b, s);
    }

    private static int bitParallel(CharSequence a, CharSequence b, long[] peq) {
        int m = a.length();
        for (int i = 0; i < m; i++) peq[a.charAt(i)] |= 1L << i;
        long pv = -1L, mv = 0L, last = 1L << (m - 1);
        int score = m;
        for (int j = 0; j < b.length(); j++) {
            long eq = peq[b.charAt(j)];
            long xv = eq | mv;
            long xh = (((eq & pv) + pv) ^ pv) | eq;
            long ph = mv | ~(xh | pv);
            long mh = pv & xh;
            if ((ph & last) != 0) score++;
            else if ((mh & last) != 0) score--;
            ph = (ph << 1) | 1L;
            mh <<= 1;
            pv = mh | ~(xv | ph);
            mv = ph & xv;
        }
        for (int i = 0; i < m; i++) peq[a.charAt(i)] = 0L;
        return score;
    }

    private static int rows(CharSequence a, CharSequence b, Scratch s) {
        int la = a.length(), lb = b.length();
        if (s.prev.length <= lb) { s.prev = new int[lb * 2 + 1]; s.cur = new int[lb * 2 + 1]; }
        int[] prev = s.prev, cur = s.cur;
        for (int j = 0; j <= lb; j++) prev[j] = j;
        for (int i = 1; i <= la; i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[lb];
    }

    private static boolean ascii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
        return true;
    }
}
