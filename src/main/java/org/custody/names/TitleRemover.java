package org.custody.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Titles and honorifics before a name ("Sheikh", "Col.", "Maj. Gen.", "Hajji", "Dr") and generational
 * suffixes after it ("Jr", "III") are removed: they say nothing about who someone is. Only a leading run
 * and a trailing run are removed, never the whole name, and "General"/"Major" only as part of a rank
 * ("Major General"), so "GENERAL TRADING COMPANY" keeps its first word. A title word elsewhere
 * ("Abdullah Haji", or a family name "SHEIKH") is kept but marked weak. Roman numerals stay: "SPARTA III"
 * is not "SPARTA II".
 */
public final class TitleRemover implements AnalysisStep.TokenStep {
    static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "hon", "rev",
            "sheikh", "shaykh", "shaikh", "sheik", "shaik", "sheykh", "cheikh",
            "haji", "hajji", "hajj", "alhaj", "alhajj", "mullah", "mulla", "ayatollah", "ayatullah",
            "hojatoleslam", "hujjat", "sardar",
            "col", "colonel", "lt", "lieut", "lieutenant", "capt", "captain", "cpt", "cmdr", "commander",
            "brig", "brigadier", "maj", "gen", "adm", "admiral", "sgt", "sergeant", "cpl", "marshal", "mg", "bg");
    /** Words that are titles only right after another title: "Major General", "Lt. Col." (handled above). */
    static final Set<String> RANK_SECOND = Set.of("general", "major", "colonel", "commander");
    static final Set<String> SUFFIXES = Set.of("jr", "sr", "junior", "senior");

    @Override public String name() { return "titles"; }

    @Override public List<NameToken> apply(List<NameToken> tokens) {
        int start = 0;
        while (start < tokens.size() - 1) {
            String t = tokens.get(start).text();
            boolean title = TITLES.contains(t)
                    || (start > 0 && RANK_SECOND.contains(t))
                    || (t.equals("major") && start + 1 < tokens.size() && tokens.get(start + 1).text().equals("general"));
            if (!title) break;
            start++;
        }
        int end = tokens.size();
        while (end - 1 > start && SUFFIXES.contains(tokens.get(end - 1).text())) end--;
        List<NameToken> out = new ArrayList<>(end - start);
        boolean changed = start > 0 || end < tokens.size();
        for (int i = start; i < end; i++) {
            NameToken t = tokens.get(i);
            if (!t.weak() && end - start > 1 && TITLES.contains(t.text())) {
                out.add(t.asWeak(t.text()));
                changed = true;
            } else {
                out.add(t);
            }
        }
        return changed ? out : tokens;
    }
}
