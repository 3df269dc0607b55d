package org.custody.evidence.extract;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Where spellings and transliterations of one Arabic or Persian name meet: "Kata'ib Hezbollah", "Kataib
 * Hizbollah", "Khata'ib Hizballah" all give {@code ktb hzbl}. Each word is folded (accents, apostrophes,
 * hyphens dropped; kh/q to k, gh to g, dh/th to z/t, ou to u), reduced to its consonants, and doubled letters
 * collapsed. The key alone would join unrelated short names (Hamas/Homs), so {@link #close} also asks that
 * the folded spellings differ by at most a quarter of their letters.
 */
public final class SpellingKey {

    private SpellingKey() {}

    /** The consonant key of a phrase, words separated by one space ("" when nothing is left). */
    public static String of(String phrase) {
        StringBuilder out = new StringBuilder();
        for (String word : fold(phrase).split(" ")) {
            if (word.isEmpty()) continue;
            StringBuilder k = new StringBuilder();
            char prev = 0;
            for (int i = 0; i < word.length(); i++) {
                char ch = word.charAt(i);
                if ("aeiouy".indexOf(ch) >= 0) continue;
                if (ch == prev) continue;
                k.append(ch);
                prev = ch;
            }
            if (k.isEmpty()) k.append(word.charAt(0));
            if (!out.isEmpty()) out.append(' ');
            out.append(k);
        }
        return out.toString();
    }

    /** Latin-script names of five letters or more: acronyms (KH, PMF) and short words only match exactly. */
    public static boolean usable(String phrase) {
        String f = fold(phrase).replace(" ", "");
        if (f.length() < 5) return false;
        for (int i = 0; i < phrase.length(); i++) {
            char ch = phrase.charAt(i);
            if (Character.isLetter(ch) && Character.UnicodeScript.of(ch) != Character.UnicodeScript.LATIN) return false;
        }
        return true;
    }

    /** Whether two spellings are close letter for letter: edit distance at most a quarter of the longer. */
    public static boolean close(String a, String b) {
        String x = fold(a).replace(" ", "");
        String y = fold(b).replace(" ", "");
        int d = distance(x, y);
        return d * 4 <= Math.max(x.length(), y.length());
    }

    /** Lower case, accents and apostrophes dropped, other punctuation a space, common romanisation pairs folded. */
    public static String fold(String phrase) {
        String p = phrase;
        for (int i = 0; i < p.length(); i++) {
            if (p.charAt(i) > 127) {
                p = Normalizer.normalize(p, Normalizer.Form.NFD);
                break;
            }
        }
        StringBuilder b = new StringBuilder(p.length());
        boolean space = false;
        for (int i = 0; i < p.length(); i++) {
            char ch = p.charAt(i);
            if (ch == '\'' || ch == '\u2019' || ch == '\u02BC' || ch == '\u02BB' || ch == '`'
                    || Character.getType(ch) == Character.NON_SPACING_MARK) continue;
            if (Character.isLetterOrDigit(ch)) {
                if (space && b.length() > 0) b.append(' ');
                space = false;
                b.append(Character.toLowerCase(ch));
            } else {
                space = true;
            }
        }
        // romanisation pairs: kh/q -> k, gh -> g, dh -> z, th -> t, ou -> u, ph -> f
        StringBuilder out = new StringBuilder(b.length());
        for (int i = 0; i < b.length(); i++) {
            char ch = b.charAt(i);
            char next = i + 1 < b.length() ? b.charAt(i + 1) : 0;
            if (next == 'h' && (ch == 'k' || ch == 'g' || ch == 'd' || ch == 't' || ch == 'p')) {
                out.append(ch == 'k' ? 'k' : ch == 'g' ? 'g' : ch == 'd' ? 'z' : ch == 't' ? 't' : 'f');
                i++;
            } else if (ch == 'o' && next == 'u') {
                out.append('u');
                i++;
            } else {
                out.append(ch == 'q' ? 'k' : ch);
            }
        }
        return out.toString();
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
