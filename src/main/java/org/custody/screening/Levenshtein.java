package org.custody.screening;

/** Levenshtein edit distance with two reused rows per thread (no allocation on the hot path). */
final class Levenshtein {
    private Levenshtein() { }

    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[2][64]);

    static int distance(CharSequence a, CharSequence b) {
        int la = a.length(), lb = b.length();
        if (la == 0) return lb;
        if (lb == 0) return la;
        int[][] rows = ROWS.get();
        if (rows[0].length <= lb) { rows[0] = new int[lb * 2 + 1]; rows[1] = new int[lb * 2 + 1]; }
        int[] prev = rows[0], cur = rows[1];
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
}
