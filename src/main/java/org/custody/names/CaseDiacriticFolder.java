package org.custody.names;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Lower case and strip diacritics: "SOLEIMANÍ" and "Şoleimani" to "soleimani"; letters without a
 * decomposition (ø, ł, ß, æ, đ, ı, þ) get their usual ASCII spelling. Scholarly transliteration marks
 * (ḥ, ṣ, ā) go the same way.
 */
public final class CaseDiacriticFolder implements AnalysisStep.TextStep {
    @Override public String name() { return "case-diacritic-fold"; }

    @Override public String apply(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (UnicodeNormalizer.isPrintableAscii(lower)) return lower;  // nothing to fold
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) continue;
            switch (c) {
                case 'ø' -> sb.append('o');
                case 'ł' -> sb.append('l');
                case 'ß' -> sb.append("ss");
                case 'æ' -> sb.append("ae");
                case 'œ' -> sb.append("oe");
                case 'đ', 'ð' -> sb.append('d');
                case 'ı' -> sb.append('i');
                case 'þ' -> sb.append("th");
                case 'ħ' -> sb.append('h');
                default -> sb.append(c);
            }
        }
        return Normalizer.normalize(sb.toString(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
