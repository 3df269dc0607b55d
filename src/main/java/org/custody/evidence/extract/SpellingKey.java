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
        String s = Normalizer.normalize(phrase, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        s = s.replaceAll("['’ʼʻ`]", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        s = s.replace("kh", "k").replace("q", "k").replace("gh", "g").replace("dh", "z").replace("th", "t")
                .replace("ou", "u").replace("ph", "f");
        return s;
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
