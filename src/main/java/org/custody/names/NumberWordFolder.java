package org.custody.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Numbers written as English words become digits, so "Joint Stock Company One Zero Three Arsenal" meets
 * "103 Arsenal" and "Brigade Twenty Five" meets "Brigade 25": a run of digit words is read digit by
 * digit ("one zero three" → 103), other runs as a number ("one hundred three" → 103, "twenty five" → 25).
 * A lone "one" before other words is left alone (it is as often a word as a number: "ONE WORLD",
 * "NUMBER ONE TRADING"); other lone number words, and a final "one" ("SET ONE"), become digits.
 */
public final class NumberWordFolder implements AnalysisStep.TokenStep {
    private static final Map<String, Integer> SMALL = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
            Map.entry("eighty", 80), Map.entry("ninety", 90));
    private static final Map<String, Integer> SCALE = Map.of("hundred", 100, "thousand", 1000);

    @Override public String name() { return "number-words"; }

    @Override public List<NameToken> apply(List<NameToken> tokens) {
        List<NameToken> out = null;
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && isNumberWord(tokens.get(j).text())) j++;
            boolean lone = j - i == 1 && tokens.size() > 1 && tokens.get(i).text().equals("one") && j < tokens.size();
            if (j > i && !lone && !SCALE.containsKey(tokens.get(i).text())) {
                if (out == null) out = new ArrayList<>(tokens.subList(0, i));
                String digits = value(tokens.subList(i, j));
                out.add(new NameToken(digits, tokens.get(i).surface(), false, tokens.get(i).abjad()));
                i = j;
            } else {
                if (out != null) out.add(tokens.get(i));
                i++;
            }
        }
        return out == null ? tokens : out;
    }

    private static boolean isNumberWord(String t) {
        return SMALL.containsKey(t) || SCALE.containsKey(t);
    }

    /** Digit words one by one; otherwise a sum with hundreds and thousands. */
    static String value(List<NameToken> run) {
        boolean digitsOnly = true;
        for (NameToken t : run) if (SMALL.getOrDefault(t.text(), 10) > 9) digitsOnly = false;
        if (digitsOnly) {
            StringBuilder sb = new StringBuilder();
            for (NameToken t : run) sb.append(SMALL.get(t.text()));
            return sb.toString();
        }
        long total = 0, current = 0;
        for (NameToken t : run) {
            Integer small = SMALL.get(t.text());
            if (small != null) current += small;
            else {
                int scale = SCALE.get(t.text());
                current = Math.max(1, current) * scale;
                if (scale >= 1000) { total += current; current = 0; }
            }
        }
        return Long.toString(total + current);
    }
}
