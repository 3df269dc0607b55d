package org.custody.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs of single letters become one token: "I.R.G.C." (tokenised as i, r, g, c) to "irgc", "S.A." to
 * "sa", "K H" to "kh" (digraphs that fold to one letter count as letters), so dotted and undotted acronyms and legal forms meet.
 */
public final class AcronymJoiner implements AnalysisStep.TokenStep {
    @Override public String name() { return "acronyms"; }

    @Override public List<NameToken> apply(List<NameToken> tokens) {
        List<NameToken> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && isLetter(tokens.get(j).text())) j++;
            if (j - i >= 2) {
                StringBuilder sb = new StringBuilder();
                for (int k = i; k < j; k++) sb.append(tokens.get(k).text());
                NameToken first = tokens.get(i);
                out.add(new NameToken(sb.toString(), sb.toString(), false, first.abjad()));
                i = j;
            } else {
                out.add(tokens.get(i));
                i++;
            }
        }
        return out;
    }

    /** A single letter, or a digraph that romanisation folding turns into one ("gh", "kh", "ou"). */
    private static boolean isLetter(String t) {
        if (t.length() == 1) return Character.isLetter(t.charAt(0));
        return t.length() == 2 && Character.isLetter(t.charAt(0)) && RomanisationFolder.fold(t).length() == 1;
    }
}
