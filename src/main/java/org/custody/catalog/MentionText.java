package org.custody.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into alphanumeric tokens with their positions, folding case and accents, so that "M-1A1",
 * "M1-A1", "M1 A1" and "m1a1" all give the same compact key once adjacent tokens are joined.
 */
final class MentionText {

    record Token(String text, int start, int end, boolean upperCase) {}

    private MentionText() {}

    /** Lower-case, accent-free, only [a-z0-9]: the key under which catalogue names are indexed. */
    static String compactKey(String text) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens(text)) sb.append(t.text);
        return sb.toString();
    }

    static List<Token> tokens(String text) {
        String folded = fold(text);
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = folded.length();
        while (i < n) {
            while (i < n && !isTokenChar(folded.charAt(i))) i++;
            int start = i;
            while (i < n && isTokenChar(folded.charAt(i))) i++;
            if (i > start) {
                String raw = folded.substring(start, i);
                // a plural "s" after capitals or digits ("T-72s", "APCs") keeps the token upper-case
                String letters = raw.length() > 1 && raw.endsWith("s")
                        && !Character.isLowerCase(raw.charAt(raw.length() - 2)) ? raw.substring(0, raw.length() - 1) : raw;
                boolean upper = letters.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
                out.add(new Token(raw.toLowerCase(Locale.ROOT), start, i, upper));
            }
        }
        return out;
    }

    /**
     * Whether the characters between two tokens keep them in one name: spaces, hyphens, slashes and dots
     * do ("AN/PVS-14", "M-1A1", "7.62 mm"); commas, brackets and sentence ends do not.
     */
    static boolean joinable(String text, int from, int to) {
        if (to - from > 3) return false;
        String folded = fold(text);
        for (int k = from; k < to; k++) {
            char ch = folded.charAt(k);
            if (!(ch == ' ' || ch == '-' || ch == '/' || ch == '.' || ch == '\u2010' || ch == '\u2011'
                    || ch == '\u2013' || ch == '\u00a0')) {
                return false;
            }
        }
        return true;
    }

    /** NFKD with combining marks removed; keeps string length aligned only for precomposed Latin text. */
    static String fold(String text) {
        String d = Normalizer.normalize(text, Normalizer.Form.NFKD);
        if (d.length() == text.length()) return d;
        // Decomposition added combining marks: drop them character by character so offsets stay aligned.
        StringBuilder sb = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            String one = Normalizer.normalize(String.valueOf(text.charAt(k)), Normalizer.Form.NFKD);
            sb.append(one.isEmpty() ? ' ' : one.charAt(0));
        }
        return sb.toString();
    }

    private static boolean isTokenChar(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    }
}
