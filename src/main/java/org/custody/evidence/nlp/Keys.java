package org.custody.evidence.nlp;

import java.text.Normalizer;

/** The matching key of a word: lower case, diacritics and apostrophes removed, Latin letters folded. */
public final class Keys {

    private Keys() {}

    public static String key(CharSequence word) {
        boolean ascii = true;
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        StringBuilder b = new StringBuilder(word.length());
        CharSequence w = ascii ? word : Normalizer.normalize(word, Normalizer.Form.NFD);
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c < 0x80) {
                if (c == '\'' || c == '`' || c == '.') continue;
                b.append(Character.toLowerCase(c));
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            } else if (c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u02BB' || c == '\u02BF' || c == '\u02BE') {
                continue;
            } else if (c == '\u0131') {
                b.append('i');
            } else {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /** Splits a phrase into word keys the same way {@link AnalyzedText} splits text into words. */
    public static String[] phraseKeys(String phrase) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int i = 0;
        int n = phrase.length();
        while (i < n) {
            while (i < n && !AnalyzedText.isWordChar(phrase, i)) i++;
            int s = i;
            while (i < n && AnalyzedText.isWordChar(phrase, i)) i++;
            if (i > s) {
                String k = key(phrase.substring(s, i));
                if (!k.isEmpty()) out.add(k);
            }
        }
        return out.toArray(String[]::new);
    }
}
