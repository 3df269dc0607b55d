package org.custody.screening;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A score written next to its threshold without contradicting the verdict: two decimals when they
 * show the difference, more when rounding would make a 0.8980 read "0.90 < threshold 0.90".
 */
public final class ScoreText {
    private ScoreText() { }

    /** The score with as many decimals (2 to 4) as it takes for its comparison with the threshold to read right. */
    public static String score(double score, double threshold) {
        return score(score, threshold, 2);
    }

    /** The same with at least {@code minDecimals} decimals (the CLI lists hits with three). */
    public static String score(double score, double threshold, int minDecimals) {
        boolean alert = score >= threshold;
        BigDecimal t = BigDecimal.valueOf(threshold);
        for (int d = minDecimals; d < 4; d++) {
            BigDecimal shown = BigDecimal.valueOf(score).setScale(d, RoundingMode.HALF_UP);
            if ((shown.compareTo(t) >= 0) == alert) return shown.toPlainString();
        }
        return BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    /** The threshold with at least two decimals and no trailing zeros beyond them ("0.90", "0.875"). */
    public static String threshold(double threshold) {
        BigDecimal t = BigDecimal.valueOf(threshold).stripTrailingZeros();
        return t.scale() < 2 ? t.setScale(2, RoundingMode.UNNECESSARY).toPlainString() : t.toPlainString();
    }

    /** "0.898 < threshold 0.90" or "0.91 >= threshold 0.90". */
    public static String versus(double score, double threshold) {
        return score(score, threshold) + (score >= threshold ? " >= " : " < ") + "threshold " + threshold(threshold);
    }
}
