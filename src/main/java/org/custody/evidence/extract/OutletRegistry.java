package org.custody.evidence.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custody.evidence.nlp.AnalyzedText;
import org.custody.evidence.nlp.PhraseLexicon;

/** News outlets and monitoring organisations that texts credit (bundled {@code outlets.tsv}). */
public final class OutletRegistry {

    public record Outlet(String id, String name) {}

    public record Match(int from, int to, Outlet outlet) {}

    private final PhraseLexicon<Lexicon.Entry<Outlet>> lexicon = new PhraseLexicon<>();

    public static OutletRegistry bundled() {
        OutletRegistry r = new OutletRegistry();
        for (String[] row : Lexicon.rows("/org/custody/evidence/outlets.tsv")) {
            Outlet o = new Outlet(row[0].strip(), row[1].strip());
            List<String> names = new ArrayList<>(List.of(o.name()));
            if (row.length > 2 && !row[2].isBlank()) for (String a : row[2].split("\\|")) names.add(a.strip());
            for (String n : names) {
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

    public Optional<Outlet> lookup(String name) {
        return lexicon.get(name).stream().map(Lexicon.Entry::value).findFirst();
    }
}
