package org.custody.names;

import java.util.ArrayList;
import java.util.List;

/**
 * A Roman numeral that numbers a name becomes digits: "BICENTENARIO XIII" → "bicentenario 13", "RIM GROUP
 * INVESTMENTS III CORP." → "... 3 corp". Vessels, sister companies and funds number themselves so, and a
 * numeral left as letters met the repeated-letter folding later in the chain, which made XIII and XI (and
 * III and I) one word: two different vessels were an exact match. As digits, "XIII" meets "13" and two
 * different numbers are two different names.
 *
 * <p>Only what is surely a number: the letters I, V and X, at least two of them, in canonical form ("VIV",
 * "IIII" stay words), not the first word, and at the end of the name or followed only by legal forms
 * ("II CORP."). Elsewhere two such letters are as often initials ("NAMED AFTER V.I. CHAPAEV" is written
 * "VI CHAPAEV") or a given name ("Xi").
 */
public final class RomanNumeralFolder implements AnalysisStep.TokenStep {
    private static final String[] ONES = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
    private static final String[] TENS = {"", "x", "xx", "xxx"};

    @Override public String name() { return "roman-numerals"; }

    @Override public List<NameToken> apply(List<NameToken> tokens) {
        List<NameToken> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            NameToken t = tokens.get(i);
            int value = i > 0 && onlyLegalFormsAfter(tokens, i) ? value(t.text()) : 0;
            if (value > 0) {
                if (out == null) out = new ArrayList<>(tokens.subList(0, i));
                out.add(new NameToken(Integer.toString(value), t.surface(), false, t.abjad()));
            } else if (out != null) {
                out.add(t);
            }
        }
        return out == null ? tokens : out;
    }

    private static boolean onlyLegalFormsAfter(List<NameToken> tokens, int i) {
        for (int j = i + 1; j < tokens.size(); j++) if (!OrganisationTypeMarker.isLegalForm(tokens.get(j).text())) return false;
        return true;
    }

    /** The value (2-39) of a canonical numeral of I, V and X of at least two letters, else 0. */
    static int value(String text) {
        if (text.length() < 2 || text.length() > 7) return 0;
        for (int k = 0; k < text.length(); k++) if ("ivx".indexOf(text.charAt(k)) < 0) return 0;
        for (int v = 2; v < 40; v++) if ((TENS[v / 10] + ONES[v % 10]).equals(text)) return v;
        return 0;
    }
}
