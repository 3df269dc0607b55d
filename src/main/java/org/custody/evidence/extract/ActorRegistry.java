package org.custody.evidence.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custody.evidence.nlp.AnalyzedText;
import org.custody.evidence.nlp.PhraseLexicon;

/**
 * Custody's own registry of actors that open sources name but watchlists do not (or not by these names):
 * collective actors ("Shiite militias"), umbrella forces (the PMF and its aliases), state forces,
 * agencies and officials. Bundled as {@code actors.tsv}.
 */
public final class ActorRegistry {

    /**
     * One registry actor. {@code memberOf} names the registry ids of the umbrellas and classes it belongs to
     * (a PMF faction, a Shiite militia), so statements about the class can be weighed for it.
     */
    public record Actor(String id, String category, String name, List<String> aliases, List<String> memberOf) {
        public Actor {
            aliases = List.copyOf(aliases);
            memberOf = memberOf == null ? List.of() : List.copyOf(memberOf);
        }

        public Actor(String id, String category, String name, List<String> aliases) {
            this(id, category, name, aliases, List.of());
        }

        public String qualifiedId() {
            return "actor:" + id;
        }

        public boolean isArmedNonState() {
            return category.equals("armed-group") || category.equals("collective");
        }
    }

    private final Map<String, Actor> byId = new LinkedHashMap<>();
    private final PhraseLexicon<Lexicon.Entry<Actor>> lexicon = new PhraseLexicon<>();

    public static ActorRegistry bundled() {
        ActorRegistry r = new ActorRegistry();
        for (String[] row : Lexicon.rows("/org/custody/evidence/actors.tsv")) {
            List<String> aliases = new ArrayList<>();
            if (row.length > 3 && !row[3].isBlank()) for (String a : row[3].split("\\|")) aliases.add(a.strip());
            List<String> member = new ArrayList<>();
            if (row.length > 4 && !row[4].isBlank()) for (String a : row[4].split("\\|")) member.add(a.strip());
            r.add(new Actor(row[0].strip(), row[1].strip(), row[2].strip(), aliases, member));
        }
        return r;
    }

    public void add(Actor a) {
        byId.put(a.id(), a);
        lexicon.add(a.name(), new Lexicon.Entry<>(a, Lexicon.CaseRule.of(a.name())));
        for (String alias : a.aliases()) lexicon.add(alias, new Lexicon.Entry<>(a, Lexicon.CaseRule.of(alias)));
        List<String> names = new ArrayList<>(a.aliases());
        names.add(a.name());
        for (String n : names) {
            if (!SpellingKey.usable(n)) continue;
            String k = SpellingKey.of(n);
            byVariant.computeIfAbsent(k, x -> new java.util.LinkedHashMap<>()).putIfAbsent(a.id(), new Variant(a, n));
            String[] words = k.split(" ");
            variantFirst.add(words[0]);
            for (int i = 1; i <= words.length; i++) variantPrefixes.add(String.join(" ", java.util.Arrays.copyOf(words, i)));
        }
    }

    private record Variant(Actor actor, String alias) {}

    private final Map<String, Map<String, Variant>> byVariant = new java.util.HashMap<>();
    private final java.util.Set<String> variantFirst = new java.util.HashSet<>();
    /** Every word prefix of every variant key ("ktb", "ktb hzbl"): a span whose key is none of them cannot grow into one. */
    private final java.util.Set<String> variantPrefixes = new java.util.HashSet<>();
    /** Spelling keys of words seen at a variant's start (bounded; capitalised words repeat across documents). */
    private final Map<String, String> firstKeys = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A spelling variant or transliteration of one registry alias starting at word {@code w} ("Kataib
     * Hizbollah" for "Kataib Hezbollah", "Hizbulla" for "Hizbullah"): capitalised words whose
     * {@link SpellingKey} equals the alias's and whose letters are close to it. The longest such span wins;
     * a key shared by two actors is ambiguous and matches nothing.
     */
    public Match variantAt(AnalyzedText t, int w) {
        if (!t.capitalized(w)) return null;
        String first = wordKey(t, w);
        if (first.isEmpty() || !variantFirst.contains(first)) return null;
        // grow the span word by word while its key is still the start of some variant key; keys of words are
        // cached and joined (a word gap that is not a plain separator, like "Kata'ib" split at the apostrophe,
        // gets its key from the whole span)
        String text = t.text();
        String[] keys = new String[Math.min(5, t.words() - w)];
        keys[0] = first;
        int n = 1;
        for (; n < keys.length; n++) {
            int last = w + n;
            if (t.sentenceOf(last) != t.sentenceOf(w)) break;
            String gap = text.substring(t.end(last - 1), t.start(last));
            if (gap.indexOf('\n') >= 0) break;
            String wk = wordKey(t, last);
            String k = separates(gap) && !wk.isEmpty() ? keys[n - 1] + " " + wk
                    : SpellingKey.of(text.substring(t.start(w), t.end(last)));
            if (!variantPrefixes.contains(k)) break;
            keys[n] = k;
        }
        for (int len = n; len >= 1; len--) {
            Map<String, Variant> found = byVariant.get(keys[len - 1]);
            if (found == null || found.size() != 1) continue;
            String phrase = text.substring(t.start(w), t.end(w + len - 1));
            if (!SpellingKey.usable(phrase)) continue;
            Variant v = found.values().iterator().next();
            if (SpellingKey.close(phrase, v.alias())) return new Match(w, w + len, v.actor());
        }
        return null;
    }

    /** The spelling key of word {@code w} (cached per word: capitalised words repeat across documents). */
    private String wordKey(AnalyzedText t, int w) {
        String word = t.text().substring(t.start(w), t.end(w));
        String k = firstKeys.get(word);
        if (k == null) {
            k = SpellingKey.of(word);
            if (firstKeys.size() < 100_000) firstKeys.put(word, k);
        }
        return k;
    }

    /** A gap between two words that folding turns into exactly one key separator: spaces, hyphens, commas. */
    private static boolean separates(String gap) {
        if (gap.isEmpty()) return false;
        for (int i = 0; i < gap.length(); i++) {
            char ch = gap.charAt(i);
            if (Character.isLetterOrDigit(ch) || ch == '\'' || ch == '\u2019' || ch == '\u02BC' || ch == '\u02BB' || ch == '`'
                    || Character.getType(ch) == Character.NON_SPACING_MARK) return false;
        }
        return true;
    }

    /** Exact alias, else a unique spelling variant of one ({@link SpellingKey}). */
    public Optional<Actor> lookupVariant(String phrase) {
        Optional<Actor> exact = lookup(phrase);
        if (exact.isPresent() || !SpellingKey.usable(phrase)) return exact;
        Map<String, Variant> found = byVariant.get(SpellingKey.of(phrase));
        if (found == null || found.size() != 1) return Optional.empty();
        Variant v = found.values().iterator().next();
        return SpellingKey.close(phrase, v.alias()) ? Optional.of(v.actor()) : Optional.empty();
    }

    public Optional<Actor> byId(String id) {
        return Optional.ofNullable(byId.get(id.startsWith("actor:") ? id.substring(6) : id));
    }

    public List<Actor> all() {
        return List.copyOf(byId.values());
    }

    /** A registry match: words [from, to) and the actor. */
    public record Match(int from, int to, Actor actor) {}

    /** The longest alias starting at word {@code w} whose spelling rule the text satisfies, or null. */
    public Match at(AnalyzedText t, int w) {
        PhraseLexicon.Match<Lexicon.Entry<Actor>> m = lexicon.longestAt(t, w);
        while (m != null) {
            for (Lexicon.Entry<Actor> e : m.values()) {
                if (e.rule().accepts(t, m.from(), m.to())) return new Match(m.from(), m.to(), e.value());
            }
            // a shorter alias may still fit (e.g. "IS" refused in lower case): retry with fewer words
            if (m.to() - m.from() <= 1) return null;
            m = shorter(t, w, m.to() - 1);
        }
        return null;
    }

    private PhraseLexicon.Match<Lexicon.Entry<Actor>> shorter(AnalyzedText t, int w, int maxTo) {
        PhraseLexicon.Match<Lexicon.Entry<Actor>> best = null;
        for (int to = maxTo; to > w && best == null; to--) {
            List<Lexicon.Entry<Actor>> v = lexicon.get(String.join(" ", t.keys(w, to)));
            if (!v.isEmpty()) best = new PhraseLexicon.Match<>(w, to, v);
        }
        return best;
    }

    /** Exact alias lookup (any case). */
    public Optional<Actor> lookup(String phrase) {
        return lexicon.get(phrase).stream().map(Lexicon.Entry::value).findFirst();
    }
}
