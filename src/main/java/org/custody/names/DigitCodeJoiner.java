package org.custody.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Numbers and the letters written beside them become one code whichever way they were spaced: an
 * ordinal suffix goes ("77TH" and "77 TH" → "77", "1ST" → "1"), and a run of digits joins a single
 * letter before it or a one- or two-letter word after it ("S 7" → "s7", "A 1" → "a1", "3 D" → "3d"),
 * so "S SEVEN ENGINEERING" meets "S 7 ENGINEERING" and "INDIGO THREE D" meets "INDIGO 3D" once
 * {@link NumberWordFolder} has turned the words into digits.
 */
public final class DigitCodeJoiner implements AnalysisStep.TokenStep {
    private static final Set<String> ORDINAL = Set.of("st", "nd", "rd", "th");

    @Override public String name() { return "digit-codes"; }

    @Override public List<NameToken> apply(List<NameToken> tokens) {
        boolean any = false;
        for (NameToken t : tokens) if (!t.weak() && hasDigit(t.text())) { any = true; break; }
        if (!any) return tokens;
        List<NameToken> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            NameToken t = tokens.get(i);
            String x = t.text();
            if (!t.weak() && isOrdinal(x)) {               // "77th" → "77"
                out.add(t.withText(x.substring(0, x.length() - 2)));
                continue;
            }
            if (!t.weak() && ORDINAL.contains(x) && !out.isEmpty() && allDigits(out.get(out.size() - 1).text())) continue;
            if (allDigits(x) && !out.isEmpty() && isLetters(out.get(out.size() - 1), 1)) {
                NameToken prev = out.remove(out.size() - 1);
                out.add(new NameToken(prev.text() + x, prev.surface() + x, false, prev.abjad()));
                continue;
            }
            if (isLetters(t, 2) && !out.isEmpty() && allDigits(out.get(out.size() - 1).text())
                    && (i + 1 >= tokens.size() || !allDigits(tokens.get(i + 1).text()))) {
                NameToken prev = out.remove(out.size() - 1);
                out.add(new NameToken(prev.text() + x, prev.surface() + t.surface(), false, prev.abjad()));
                continue;
            }
            out.add(t);
        }
        return out.equals(tokens) || out.isEmpty() ? tokens : out;
    }

    private static boolean isOrdinal(String x) {
        return x.length() >= 3 && ORDINAL.contains(x.substring(x.length() - 2)) && allDigits(x.substring(0, x.length() - 2));
    }

    private static boolean isLetters(NameToken t, int maxLength) {
        String x = t.text();
        if (t.weak() || x.isEmpty() || x.length() > maxLength) return false;
        for (int i = 0; i < x.length(); i++) if (!Character.isLetter(x.charAt(i))) return false;
        return true;
    }

    static boolean allDigits(String x) {
        if (x.isEmpty()) return false;
        for (int i = 0; i < x.length(); i++) if (!Character.isDigit(x.charAt(i))) return false;
        return true;
    }

    private static boolean hasDigit(String x) {
        for (int i = 0; i < x.length(); i++) if (Character.isDigit(x.charAt(i))) return true;
        return false;
    }
}
