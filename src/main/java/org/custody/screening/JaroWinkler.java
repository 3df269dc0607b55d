package org.custody.screening;

/**
 * Jaro-Winkler similarity without allocation on the hot path (the same definition as Apache Commons
 * Text's {@code JaroWinklerSimilarity}: prefix scale 0.1, prefix up to 4, applied above 0.7).
 */
public final class JaroWinkler {
    private JaroWinkler() { }

    private static final ThreadLocal<boolean[][]> FLAGS = ThreadLocal.withInitial(() -> new boolean[2][64]);

    public static double similarity(CharSequence a, CharSequence b) {
        int la = a.length(), lb = b.length();
        if (la == 0 || lb == 0) return la == lb ? 1.0 : 0.0;
        if (la > lb) { CharSequence t = a; a = b; b = t; int x = la; la = lb; lb = x; }
        return lb <= 64 ? shortPair(a, la, b, lb) : withFlags(a, la, b, lb);
    }

    /** The textbook form with flag arrays (any length); {@code a} is the shorter. */
    static double withFlags(CharSequence a, int la, CharSequence b, int lb) {
        boolean[][] f = FLAGS.get();
        if (f[1].length < lb) { f[0] = new boolean[lb * 2]; f[1] = new boolean[lb * 2]; }
        boolean[] ma = f[0], mb = f[1];
        java.util.Arrays.fill(ma, 0, la, false);
        java.util.Arrays.fill(mb, 0, lb, false);
        int range = Math.max(0, lb / 2 - 1);
        int m = 0;
        for (int i = 0; i < la; i++) {
            char c = a.charAt(i);
            int lo = Math.max(0, i - range), hi = Math.min(lb - 1, i + range);
            for (int j = lo; j <= hi; j++) {
                if (!mb[j] && b.charAt(j) == c) { ma[i] = true; mb[j] = true; m++; break; }
            }
        }
        if (m == 0) return 0.0;
        int t = 0, k = 0;
        for (int i = 0; i < la; i++) {
            if (!ma[i]) continue;
            while (!mb[k]) k++;
            if (a.charAt(i) != b.charAt(k)) t++;
            k++;
        }
        return winkler(a, b, la, lb, m, t);
    }

    /**
     * The same for names of up to 64 characters (all of them, in practice), the matched positions held
     * as bits of two longs instead of flag arrays: no thread-local look-up, nothing to clear.
     */
    private static double shortPair(CharSequence a, int la, CharSequence b, int lb) {
        long ma = 0, mb = 0;
        int range = Math.max(0, lb / 2 - 1);
        int m = 0;
        for (int i = 0; i < la; i++) {
            char c = a.charAt(i);
            int lo = Math.max(0, i - range), hi = Math.min(lb - 1, i + range);
            for (int j = lo; j <= hi; j++) {
                if ((mb & (1L << j)) == 0 && b.charAt(j) == c) { ma |= 1L << i; mb |= 1L << j; m++; break; }
            }
        }
        if (m == 0) return 0.0;
        int t = 0;
        long restA = ma, restB = mb;
        while (restA != 0) {                     // the matched characters of both, in order
            int i = Long.numberOfTrailingZeros(restA), k = Long.numberOfTrailingZeros(restB);
            if (a.charAt(i) != b.charAt(k)) t++;
            restA &= restA - 1;
            restB &= restB - 1;
        }
        return winkler(a, b, la, lb, m, t);
    }

    private static double winkler(CharSequence a, CharSequence b, int la, int lb, int m, int t) {
        double jaro = ((double) m / la + (double) m / lb + (m - t / 2.0) / m) / 3.0;
        if (jaro <= 0.7) return jaro;
        int prefix = 0;
        for (int i = 0; i < Math.min(4, la); i++) {
            if (a.charAt(i) == b.charAt(i)) prefix++; else break;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }
}
