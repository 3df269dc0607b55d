package org.custody.evidence.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.custody.evidence.nlp.AnalyzedText;
import org.custody.evidence.nlp.PhraseLexicon;

/** News outlets and monitoring organisations that texts credit (bundled {@code outlets.tsv}). */
public final class OutletRegistry {

    public record Outlet(String id, String name) {}

    public record Match(int from, int to, Outlet outlet) {}

    private final PhraseLexicon<Lexicon.Entry<Outlet>> lexicon = new PhraseLexicon<>();
    private final Map<String, Outlet> byFoldedName = new HashMap<>();

    public static OutletRegistry bundled() {
        OutletRegistry r = new OutletRegistry();
        for (String[] row : Lexicon.rows("/org/custody/evidence/outlets.tsv")) {
            Outlet o = new Outlet(row[0].strip(), row[1].strip());
            List<String> names = new ArrayList<>(List.of(o.name()));
            if (row.length > 2 && !row[2].isBlank()) for (String a : row[2].split("\\|")) names.add(a.strip());
            for (String n : names) {
                String folded = SpellingKey.fold(n).replace(" ", "");
                if (folded.length() >= 5) r.byFoldedName.putIfAbsent(folded, o);
                Lexicon.CaseRule rule = Lexicon.CaseRule.of(n);
                r.lexicon.add(n, new Lexicon.Entry<>(o, rule == Lexicon.CaseRule.ANY ? Lexicon.CaseRule.CAPITALISED : rule));
            }
        }
        return r;
    }

    public Match at(AnalyzedText t, int w) {
        PhraseLexicon.Match<Lexicon.Entry<Outlet>> m = lexicon.longestAt(t, w);
        if (m == null) return null;
        for (Lexicon.Entry<Outlet> e : m.values()) {
            if (e.rule().accepts(t, m.from(), m.to())) {
                return new Match(m.from(), m.to(), e.value());
            }
        }
        return null;
    }

    /**
     * The outlet a misspelt name stands for ("Bloomerg", "Washingon Post"): the one name or alias within one
     * edit (two for names of ten letters or more), case and punctuation aside; empty when none or several are.
     * Callers use it only where the text says the name is reporting, so a near spelling is read as the outlet.
     */
    public Optional<Outlet> closest(String phrase) {
        String p = SpellingKey.fold(phrase).replace(" ", "");
        if (p.length() < 5) return Optional.empty();
        Outlet found = null;
        for (Map.Entry<String, Outlet> e : byFoldedName.entrySet()) {
            String n = e.getKey();
            if (Math.abs(n.length() - p.length()) > 2) continue;
            int d = SpellingKey.distance(p, n);
            if (d <= (Math.max(p.length(), n.length()) >= 10 ? 2 : 1)) {
                if (found != null && !found.equals(e.getValue())) return Optional.empty();
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    public Optional<Outlet> lookup(String name) {
        return lexicon.get(name).stream().map(Lexicon.Entry::value).findFirst();
    }
}
