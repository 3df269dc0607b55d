package org.custody.evidence.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custody.evidence.nlp.AnalyzedText;
import org.custody.evidence.nlp.Keys;
import org.custody.evidence.nlp.PhraseLexicon;

/**
 * Places with coordinates from the bundled GeoNames subset ({@code data/gazetteer/places.tsv}, CC BY 4.0):
 * countries, Iraqi and Syrian governorates and districts, the region's cities, and Iraqi and Syrian towns
 * of 500 people or more, each town and city with the district it lies in. Text is matched on
 * exact alias keys; {@link #resolve(String)} also tries a romanisation-tolerant key (article "al-" and
 * final "h" dropped, dh/th, q/k, v/w, o/u, e/a, doubled letters) so "Sala al-Din" finds "Salah ad Din"
 * and "Ninewa" finds "Nineveh".
 */
public final class Gazetteer {

    /**
     * One gazetteer place; latitude/longitude are null where the source has none (countries, some districts).
     * {@code admin2} is the id of the district (Iraq, Syria) the place lies in, "" when unknown.
     */
    public record Place(String id, String name, String kind, String country, String admin1, Double latitude,
                        Double longitude, long population, String admin2) {}

    /** Alias spellings that are also common English words and so never match running text. */
    private static final Set<String> COMMON_WORDS = Set.of("hit", "ur", "tal", "bath", "mark", "ram", "van", "bay",
            "sur", "nur", "ain", "bar", "dar", "tel", "ana", "george", "is", "as", "in",
            "of", "the", "man", "and", "al", "gaza strip", "center", "central", "north", "south", "east", "west",
            "capital", "city", "victoria", "march", "may", "june", "august", "ara", "dam", "amal", "mosque");

    private static final Comparator<Place> PREFERENCE = Comparator
            .comparingInt((Place p) -> switch (p.kind()) {
                case "country" -> 0;
                case "city" -> 1;
                case "admin1" -> 2;
                case "town" -> 3;
                default -> 4;
            })
            .thenComparing(Comparator.comparingLong(Place::population).reversed());

    private static final java.util.regex.Pattern AREA_SUFFIX =
            java.util.regex.Pattern.compile("(?i)\\s+(governorate|province|district|city|muhafazat|qadha|qada|nahiya)$");

    private final PhraseLexicon<Lexicon.Entry<Place>> lexicon = new PhraseLexicon<>();
    private final Map<String, List<Place>> loose = new HashMap<>();
    private final Map<String, Place> byId = new HashMap<>();
    private final Map<String, List<String>> namesById = new HashMap<>();
    private final Map<String, Place> admin1ByCode = new HashMap<>();
    private final Map<String, List<Place>> districtsByKey = new HashMap<>();
    /** Words that say "district" in a district's own name ("Qada Diwaniya", "Makhmur District"). */
    private static final Set<String> DISTRICT_NAME_WORDS = Set.of("district", "qada", "qadha", "qadaa", "kaza", "qadhaa");

    public static Gazetteer bundled() {
        Gazetteer g = new Gazetteer();
        for (String[] r : Lexicon.rows("/org/custody/evidence/places/places.tsv")) {
            Place p = new Place(r[0], r[1], r[2], r[3], r[4], num(r[5]), num(r[6]),
                    r[7].isBlank() ? 0 : Long.parseLong(r[7]), r.length > 9 ? r[9].strip() : "");
            List<String> names = new ArrayList<>();
            names.add(p.name());
            if (r.length > 8 && !r[8].isBlank()) names.addAll(List.of(r[8].split("\\|")));
            g.add(p, names);
        }
        return g;
    }

    private static Double num(String s) {
        return s == null || s.isBlank() ? null : Double.valueOf(s);
    }

    public void add(Place p, List<String> names) {
        byId.put(p.id(), p);
        namesById.put(p.id(), List.copyOf(names));
        if (p.kind().equals("admin1")) admin1ByCode.put(p.country() + "." + p.admin1(), p);
        if (p.kind().equals("admin2")) {
            for (String n : names) {
                List<Place> ds = districtsByKey.computeIfAbsent(districtKey(n), x -> new ArrayList<>());
                if (!districtKey(n).isEmpty() && !ds.contains(p)) ds.add(p);
            }
        }
        for (String n : names) {
            String k = String.join(" ", Keys.phraseKeys(n));
            if (k.isEmpty() || COMMON_WORDS.contains(k)) continue;
            lexicon.add(n, new Lexicon.Entry<>(p, Lexicon.CaseRule.CAPITALISED));
            loose.computeIfAbsent(looseKey(n), x -> new ArrayList<>()).add(p);
        }
    }

    /** Every place of the gazetteer (in no particular order). */
    public java.util.Collection<Place> places() {
        return java.util.Collections.unmodifiableCollection(byId.values());
    }

    public Optional<Place> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The first-level area (governorate, province) a place lies in, or the place itself when it is one. */
    public Optional<Place> admin1Of(Place p) {
        if (p.kind().equals("admin1")) return Optional.of(p);
        if (p.admin1() == null || p.admin1().isEmpty()) return Optional.empty();
        return Optional.ofNullable(admin1ByCode.get(p.country() + "." + p.admin1()));
    }

    /** The district a place lies in, or the place itself when it is one. */
    public Optional<Place> admin2Of(Place p) {
        if (p.kind().equals("admin2")) return Optional.of(p);
        return p.admin2() == null || p.admin2().isEmpty() ? Optional.empty() : byId(p.admin2());
    }

    /**
     * A text match: words [from, to), the preferred place and every place of that name (most preferred
     * first), so that the document's other places can choose among namesakes.
     */
    public record Match(int from, int to, Place place, List<Place> candidates) {
        /** The preferred place among those lying in one of {@code admin1Ids} (ids of governorates), if any. */
        public Place in(Set<String> admin1Keys) {
            for (Place p : candidates) if (admin1Keys.contains(p.country() + "." + p.admin1())) return p;
            return place;
        }
    }

    public Match at(AnalyzedText t, int w) {
        PhraseLexicon.Match<Lexicon.Entry<Place>> m = lexicon.longestAt(t, w);
        if (m == null || !t.capitalized(m.from())) return null;
        List<Place> all = m.values().stream().map(Lexicon.Entry::value).distinct().sorted(PREFERENCE).toList();
        return new Match(m.from(), m.to(), all.getFirst(), all);
    }

    /** Resolves a place name written any common way (for structured fields such as ACLED's admin1). */
    public Optional<Place> resolve(String name) {
        List<Lexicon.Entry<Place>> exact = lexicon.get(name);
        if (!exact.isEmpty()) return exact.stream().map(Lexicon.Entry::value).min(PREFERENCE);
        List<Place> l = loose.get(looseKey(name));
        if (l == null) {
            String stripped = AREA_SUFFIX.matcher(name).replaceAll("");
            if (!stripped.equals(name)) return resolve(stripped);
            return Optional.empty();
        }
        return l.stream().min(PREFERENCE);
    }

    /** Every place a name may mean: exact alias matches, else romanisation variants (most preferred first). */
    public List<Place> resolveAll(String name) {
        List<Lexicon.Entry<Place>> exact = lexicon.get(name);
        if (!exact.isEmpty()) return exact.stream().map(Lexicon.Entry::value).distinct().sorted(PREFERENCE).toList();
        List<Place> l = loose.get(looseKey(name));
        if (l == null) {
            String stripped = AREA_SUFFIX.matcher(name).replaceAll("");
            return stripped.equals(name) ? List.of() : resolveAll(stripped);
        }
        return l.stream().distinct().sorted(PREFERENCE).toList();
    }

    /**
     * The districts (admin2) a name denotes when the text says it names a district ("Muqdadiya district", "the
     * qadha of Sinjar"): districts whose name or alias, without "district"/"qada" words, has the same
     * romanisation-tolerant key ("Muqdadiya" = "Al-Muqdadiya District", "Diwaniya" = "Qada Diwaniya").
     */
    public List<Place> districtsNamed(String name) {
        String k = districtKey(name);
        return k.isEmpty() ? List.of() : List.copyOf(districtsByKey.getOrDefault(k, List.of()));
    }

    static String districtKey(String name) {
        List<String> words = new ArrayList<>();
        for (String w : Keys.phraseKeys(name)) if (!DISTRICT_NAME_WORDS.contains(w)) words.add(w);
        return looseKey(String.join(" ", words));
    }

    /** The name and aliases a place is known by. */
    public List<String> names(Place p) {
        return namesById.getOrDefault(p.id(), List.of());
    }

    /** Every place of the gazetteer. */
    public java.util.Collection<Place> all() {
        return java.util.Collections.unmodifiableCollection(byId.values());
    }

    static String looseKey(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : Keys.phraseKeys(name)) {
            if (Set.of("al", "el", "an", "ar", "as", "ad", "ash", "at", "az", "ath", "governorate", "province",
                    "muhafazat", "district").contains(w)) continue;
            String x = w.replace("dh", "d").replace("th", "d").replace("kh", "k").replace("gh", "g")
                    .replace("sh", "s").replace('q', 'k').replace('v', 'w').replace("ou", "u").replace('o', 'u')
                    .replace('e', 'a').replace('y', 'i');
            if (x.length() > 2 && x.endsWith("h")) x = x.substring(0, x.length() - 1);
            b.append(x);
        }
        StringBuilder c = new StringBuilder();
        for (int i = 0; i < b.length(); i++) if (i == 0 || b.charAt(i) != b.charAt(i - 1)) c.append(b.charAt(i));
        return c.toString().toLowerCase(Locale.ROOT);
    }
}
