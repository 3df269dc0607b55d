package org.custody.evidence.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custody.evidence.Mention;
import org.custody.evidence.MentionType;
import org.custody.evidence.Resolution;
import org.custody.evidence.nlp.AnalyzedText;
import org.custody.lists.Schema;
import org.custody.screening.Hit;
import org.custody.screening.ScreeningQuery;
import org.custody.screening.ScreeningResult;
import org.custody.screening.Screener;

/**
 * Actor mentions from three sources, in this order: the bundled {@link ActorRegistry} (collective and
 * non-listed actors, with aliases), titled people ("Col. John Dorrian", "White House spokesman Alastair
 * Baskey") and numbered units ("101st Airborne Division"), and capitalised name sequences that the
 * screening engine matches on a watchlist. Every actor is also screened by name when a {@link Screener} is
 * given: a watchlist alert makes the listed entity the resolution (the registry id stays in the detail);
 * results are cached per name.
 */
public final class ActorExtractor {

    private static final Pattern TITLED = Pattern.compile(
            "\\b(?<title>(?:(?:Lt\\.?|Maj\\.?|Brig\\.?|Lieutenant|Major|Brigadier)\\s+)?(?:Gen\\.|General|Col\\.|Colonel|Capt\\.|Captain|Sgt\\.|Sergeant|Adm\\.|Admiral|Cmdr\\.|Commander|Lt\\.)"
                    + "|(?:Prime|Defense|Defence|Foreign|Interior)\\s+Minister|Minister|President|Vice\\s+President|Secretary(?:\\s+of\\s+(?:State|Defense))?|Sen\\.|Senator|Rep\\.|Representative|Ambassador|Sheikh|Shaykh|Ayatollah|Imam|Gov\\.|Governor"
                    + "|(?:[Ss]pokes(?:man|woman|person)|[Aa]dviser|[Aa]dvisor|[Cc]ommander|[Ss]pokesman|[Ll]eader|[Hh]ead|[Cc]hief|[Oo]fficial)(?:\\s+(?:for|of)\\s+the\\s+[A-Z][\\w-]+(?:\\s+[A-Z][\\w-]+)*)?)\\s+"
                    + "(?<name>(?:(?:al|el|bin|ibn|abu|Abu|Abd|de|van|von)[-\\s])?[A-Z][\\p{L}'’]+(?:[-\\s](?:(?:al|el|bin|ibn|abu|Abu|Abd|de|van|von)[-\\s])?[A-Z][\\p{L}'’]+){0,3})");
    private static final Pattern UNIT = Pattern.compile(
            "\\b(?:(?:\\d{1,3}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\\s+(?:(?:Airborne|Armored|Armoured|Infantry|Mechanized|Mechanised|Mountain|Marine|Special\\s+Forces|Cavalry|Motorized|Rapid\\s+Response|Emergency\\s+Response|Federal\\s+Police)\\s+)?(?:Division|Brigade|Battalion|Regiment|Corps|Group)"
                    + "|(?:Brigade|Division|Battalion|Regiment)\\s+\\d{1,3})\\b");
    private static final Set<String> TITLE_WORDS = Set.of("lt", "maj", "brig", "lieutenant", "major", "brigadier", "gen",
            "general", "col", "colonel", "capt", "captain", "sgt", "sergeant", "adm", "admiral", "cmdr", "commander",
            "prime", "defense", "defence", "foreign", "interior", "minister", "president", "vice", "secretary", "sen",
            "senator", "rep", "representative", "ambassador", "sheikh", "shaykh", "ayatollah", "imam", "gov", "governor",
            "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "leader", "head", "chief", "official");
    private static final Set<String> UNIT_WORDS = Set.of("division", "brigade", "battalion", "regiment", "corps", "group");
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "this", "that", "but", "and", "or", "in",
            "on", "at", "for", "of", "to", "from", "with", "by", "as", "if", "when", "while", "after", "before",
            "some", "many", "two", "one", "three", "speaking", "according", "asked", "echoing", "citing", "soon",
            "although", "however", "nevertheless", "evidence", "what", "we", "they", "he", "she", "it", "i",
            "report", "photo", "his", "her", "their", "our", "its", "also", "iraqi", "american", "u.s", "us");

    private final ActorRegistry registry;
    private final Screener screener;
    private final double screenThreshold;
    private final Map<String, List<Hit>> cache = new ConcurrentHashMap<>();
    private final Map<String, Optional<Hit>> registryHits = new ConcurrentHashMap<>();

    public ActorExtractor(ActorRegistry registry, Screener screener) {
        this.registry = registry;
        this.screener = screener;
        this.screenThreshold = 0.0;
    }

    public ActorRegistry registry() {
        return registry;
    }

    /** Registry matches, titled people and units. {@code taken} marks spans other extractors claimed. */
    public List<Mention> extract(AnalyzedText t, List<Mention> taken) {
        List<Mention> out = new ArrayList<>();
        String text = t.text();
        for (int w = 0; w < t.words(); ) {
            ActorRegistry.Match m = registry.at(t, w);
            ActorRegistry.Match variant = registry.variantAt(t, w);
            boolean isVariant = variant != null && (m == null || variant.to() > m.to());
            if (isVariant) m = variant;
            if (m == null) {
                w++;
                continue;
            }
            int start = t.start(m.from());
            int end = t.end(m.to() - 1);
            // keep a trailing closing parenthesis of aliases like "Islamic State (Iraq)" inside the span
            if (end < text.length() && text.charAt(end) == ')' && text.substring(start, end).contains("(")) end++;
            // a dateline names a city: a government named by its capital ("WASHINGTON —"), or any name in capitals
            if ((m.actor().category().equals("government") || text.substring(start, end).equals(
                    text.substring(start, end).toUpperCase(java.util.Locale.ROOT))) && dateline(text, start, end)) {
                w = m.to();
                continue;
            }
            Mention listed = screener == null ? null : widerListedName(t, m.from(), m.to());
            if (listed != null) {
                out.add(listed);
                w = t.wordAt(listed.end());
                continue;
            }
            Mention rm = registryMention(text.substring(start, end), start, end, m.actor());
            if (isVariant && rm.resolved() != null && rm.resolved().source().equals("actor registry")) {
                rm = new Mention(rm.type(), rm.text(), rm.start(), rm.end(), new Resolution(rm.resolved().id(),
                        rm.resolved().name(), "actor registry", "'" + rm.text() + "' read as a spelling of "
                        + m.actor().name() + " (same consonant key)"), rm.detail());
            }
            out.add(rm);
            w = m.to();
        }
        Matcher tm = TITLED.matcher(text);
        tm.useTransparentBounds(true).useAnchoringBounds(false);
        int titledFrom = 0;
        for (int w = 0; w < t.words(); w++) {
            if (!TITLE_WORDS.contains(t.key(w)) || t.start(w) < titledFrom) continue;
            tm.region(t.start(w), Math.min(text.length(), t.start(w) + 160));
            if (!tm.lookingAt()) continue;
            titledFrom = tm.end();
            int s = tm.start("name");
            int e = tm.end("name");
            if (overlapsAny(out, s, e) || overlapsAny(taken, s, e)) continue;
            String name = tm.group("name");
            Map<String, String> detail = new LinkedHashMap<>();
            detail.put("title", tm.group("title").replaceAll("\\s+", " "));
            detail.put("kind", "person");
            out.add(new Mention(MentionType.ACTOR, name, s, e, screen(name, Schema.PERSON, null), detail));
        }
        Matcher um = UNIT.matcher(text);
        um.useTransparentBounds(true).useAnchoringBounds(false);
        for (int w = 0; w < t.words(); w++) {
            if (!UNIT_WORDS.contains(t.key(w))) continue;
            int from = w >= 3 ? t.start(w - 3) : 0;
            um.region(from, Math.min(text.length(), t.end(w) + 6));
            if (!um.find() || um.end() < t.end(w)) continue;
            if (overlapsAny(out, um.start(), um.end()) || overlapsAny(taken, um.start(), um.end())) continue;
            out.add(new Mention(MentionType.ACTOR, um.group(), um.start(), um.end(), null, Map.of("kind", "unit")));
        }
        if (screener != null) out.addAll(screenedNames(t, out, taken));
        return out;
    }

    private static final Set<String> PARTICLES = Set.of("al", "el", "bin", "ibn", "abu", "ahl", "of");

    /** What follows a dateline's place: ", D.C.", ", March 3", ", Jan. 5, 2015", "(Reuters)", then a dash. */
    private static final Pattern DATELINE_TAIL = Pattern.compile(
            "(?:,\\s*[A-Z][A-Za-z.]{0,9}(?:\\s+\\d{1,2})?(?:,\\s*\\d{4})?){0,2}\\s*(?:\\([^)\\n]{1,40}\\))?\\s*(?:[\u2014\u2013]|--?\\s)");

    /**
     * A name at the start of a line, followed by the rest of a dateline ("WASHINGTON —", "BAGHDAD, March 3
     * (AP) —", "Washington (Reuters) -"), is where the story was filed, not an actor of it.
     */
    static boolean dateline(String text, int start, int end) {
        int i = start - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i--;
        if (i >= 0 && text.charAt(i) != '\n') return false;
        Matcher m = DATELINE_TAIL.matcher(text);
        m.region(end, Math.min(text.length(), end + 60));
        return m.lookingAt();
    }

    /**
     * A registry alias inside a longer capitalised name ("Kataib Hizbollah" around the alias "Hizbollah"):
     * the whole name is screened, and when the watchlists know it, it wins over the shorter alias.
     */
    private Mention widerListedName(AnalyzedText t, int from, int to) {
        String text = t.text();
        int a = from;
        int b = to;
        while (a > 0 && from - a < 4 && t.sentenceOf(a - 1) == t.sentenceOf(from) && joined(text, t.end(a - 1), t.start(a))
                && (t.capitalized(a - 1) || PARTICLES.contains(t.key(a - 1))) && !NOT_NAMES.contains(t.key(a - 1))) {
            a--;
        }
        while (b < t.words() && b - to < 4 && t.sentenceOf(b) == t.sentenceOf(from) && joined(text, t.end(b - 1), t.start(b))
                && (t.capitalized(b) || PARTICLES.contains(t.key(b)))) {
            b++;
        }
        if (a == from && b == to) return null;
        // every wider span that holds the alias, widest first, not starting or ending on a particle
        for (int width = b - a; width > to - from; width--) {
            for (int x = a; x + width <= b; x++) {
                int y = x + width;
                if (x > from || y < to) continue;
                if (PARTICLES.contains(t.key(x)) || PARTICLES.contains(t.key(y - 1))) continue;
                int s = t.start(x);
                int e = t.end(y - 1);
                String name = text.substring(s, e);
                Optional<Hit> hit = screenHit(name, null);
                if (hit.isEmpty()) continue;
                Hit h = hit.get();
                return new Mention(MentionType.ACTOR, name, s, e, new Resolution(h.entityId(), h.name(), "watchlist",
                        "screened '" + name + "': " + h.explanation().summary()),
                        Map.of("kind", "listed", "watchlists", String.join(",", h.lists())));
            }
        }
        return null;
    }

    private static boolean joined(String text, int end, int start) {
        String gap = text.substring(end, start);
        return gap.equals(" ") || gap.equals("-") || gap.equals("'") || gap.equals("\u2019");
    }

    private Mention registryMention(String text, int start, int end, ActorRegistry.Actor a) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("registryId", a.qualifiedId());
        detail.put("category", a.category());
        Resolution res = new Resolution(a.qualifiedId(), a.name(), "actor registry",
                "alias '" + text + "' of " + a.name() + " in Custody's actor registry");
        if (screener != null && !a.category().equals("collective")) {
            Optional<Hit> hit = registryHit(a);
            if (hit.isPresent()) {
                Hit h = hit.get();
                detail.put("watchlists", String.join(",", h.lists()));
                res = new Resolution(h.entityId(), h.name(), "watchlist",
                        "registry actor " + a.name() + " screened as '" + h.name() + "' (score "
                                + String.format(java.util.Locale.ROOT, "%.2f", h.score()) + ")");
            }
        }
        return new Mention(MentionType.ACTOR, text, start, end, res, detail);
    }

    /**
     * The watchlist entity a registry actor is, when its names agree on it ({@link ListedAgreement}): the
     * registry's own names, never the text's spelling alone, each hit subject to {@link #linkable}. A
     * place-name alias ("Washington", "Tehran") is one word and so links only to an entity listed under
     * that one word.
     */
    private Optional<Hit> registryHit(ActorRegistry.Actor a) {
        Schema schema = a.category().equals("official") ? Schema.PERSON : null;
        return registryHits.computeIfAbsent(a.id(), k -> ListedAgreement.of(registry, a, n -> screenAlerts(n, schema))
                .map(ListedAgreement.Agreement::hit));
    }

    private static final Set<String> NAME_PARTICLES = Set.of("al", "el", "the", "of", "ad", "as", "an", "ar", "ash", "at", "az");

    /** The words of a name that carry it (particles "al", "the", "of" dropped). */
    static int nameWords(String name) {
        int n = 0;
        for (String w : name.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && !NAME_PARTICLES.contains(w)) n++;
        }
        return n;
    }

    /**
     * A watchlist link needs more than one word in common: a one-word query ("Washington", "Hamas") links
     * only to an entity listed under exactly one word too (HAMAS), never to a longer name that merely
     * contains it (WASHINGTON TRADING LTD).
     */
    static boolean linkable(String query, Hit h) {
        return nameWords(query) >= 2 || nameWords(h.name()) == 1;
    }

    private Resolution screen(String name, Schema schema, ActorRegistry.Actor fallback) {
        Optional<Hit> hit = screenHit(name, schema);
        if (hit.isPresent()) {
            Hit h = hit.get();
            return new Resolution(h.entityId(), h.name(), "watchlist", "screened '" + name + "': "
                    + h.explanation().summary());
        }
        if (fallback != null) return new Resolution(fallback.qualifiedId(), fallback.name(), "actor registry", "registry");
        Optional<ActorRegistry.Actor> reg = registry.lookup(name);
        return reg.map(a -> new Resolution(a.qualifiedId(), a.name(), "actor registry", "alias of " + a.name())).orElse(null);
    }

    private Optional<Hit> screenHit(String name, Schema schema) {
        return screenAlerts(name, schema).stream().findFirst();
    }

    /** The linkable alerts for {@code name}, best first (cached per name). */
    private List<Hit> screenAlerts(String name, Schema schema) {
        if (screener == null) return List.of();
        String key = (schema == null ? "" : schema.name()) + "|" + name;
        return cache.computeIfAbsent(key, k -> {
            try {
                ScreeningQuery q = new ScreeningQuery(name, schema, 3, null, null, null);
                ScreeningResult r = screener.screen(q);
                return r.alerts().stream().filter(h -> h.score() >= screenThreshold && linkable(name, h)).toList();
            } catch (RuntimeException e) {
                return List.of();
            }
        });
    }

    /**
     * Capitalised sequences not claimed otherwise (by the registry, a title, a unit, a place), kept when the
     * watchlists know them; a single word only when an entity is listed under that one word.
     */
    private List<Mention> screenedNames(AnalyzedText t, List<Mention> found, List<Mention> taken) {
        List<Mention> out = new ArrayList<>();
        String text = t.text();
        int w = 0;
        while (w < t.words()) {
            if (!t.capitalized(w) || Character.isDigit(text.charAt(t.start(w))) || NOT_NAMES.contains(t.key(w))) {
                w++;
                continue;
            }
            int e = w + 1;
            while (e < t.words() && t.sentenceOf(e) == t.sentenceOf(w) && e - w < 6) {
                String gap = text.substring(t.end(e - 1), t.start(e));
                if (!(gap.equals(" ") || gap.equals("-") || gap.equals("'") || gap.equals("’"))) break;
                if (t.capitalized(e) || Set.of("al", "el", "bin", "ibn", "abu", "ahl", "of").contains(t.key(e))) e++;
                else break;
            }
            while (e > w + 1 && Set.of("al", "el", "bin", "ibn", "abu", "ahl", "of").contains(t.key(e - 1))) e--;
            int s = t.start(w);
            int en = t.end(e - 1);
            // one word ("Hamas") is screened too; linkable() then accepts only an entity listed under one word
            boolean oneWord = e - w == 1 && en - s >= 4 && t.text().substring(s, en).chars().allMatch(Character::isLetter);
            if ((e - w >= 2 || oneWord) && !overlapsAny(found, s, en) && !overlapsAny(taken, s, en)) {
                String name = text.substring(s, en);
                Optional<Hit> hit = screenHit(name, null);
                if (hit.isPresent()) {
                    Hit h = hit.get();
                    out.add(new Mention(MentionType.ACTOR, name, s, en, new Resolution(h.entityId(), h.name(),
                            "watchlist", "screened '" + name + "': " + h.explanation().summary()),
                            Map.of("kind", "listed", "watchlists", String.join(",", h.lists()))));
                }
            }
            w = e;
        }
        return out;
    }

    static boolean overlapsAny(List<Mention> ms, int s, int e) {
        for (Mention m : ms) if (m.overlaps(s, e)) return true;
        return false;
    }
}
