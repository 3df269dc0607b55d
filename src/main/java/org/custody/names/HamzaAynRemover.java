package org.custody.names;

/**
 * Hamza and ayn marks and other apostrophes inside words are dropped, so "Kata'ib", "Kata`ib", "Kataʼib"
 * and "Kataib" become one spelling, and "Ja'far" meets "Jafar". A mark between spaces just vanishes.
 */
public final class HamzaAynRemover implements AnalysisStep.TextStep {
    private static final String MARKS = "'\u2018\u2019\u02BC\u02BB\u02BE\u02BF\u0060\u00B4\u02B9\u02BD\u2032";

    @Override public String name() { return "hamza-ayn-marks"; }

    @Override public String apply(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (MARKS.indexOf(c) >= 0) {
                if (sb == null) sb = new StringBuilder(text.length()).append(text, 0, i);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
