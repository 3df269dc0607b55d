package org.custody.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custody.evidence.claims.Attribution;
import org.custody.evidence.claims.ClaimExtractor;
import org.custody.evidence.claims.QuoteExtractor;
import org.custody.evidence.extract.ActorExtractor;
import org.custody.evidence.extract.ActorRegistry;
import org.custody.evidence.extract.AmountExtractor;
import org.custody.evidence.extract.ContextActors;
import org.custody.evidence.extract.GroupNames;
import org.custody.evidence.extract.ArticleExtractor;
import org.custody.evidence.extract.ArticleResolver;
import org.custody.evidence.extract.DateExtractor;
import org.custody.evidence.extract.Gazetteer;
import org.custody.evidence.extract.OutletRegistry;
import org.custody.evidence.nlp.AnalyzedText;
import org.custody.evidence.nlp.TextAnalyzer;
import org.custody.evidence.nlp.TextSpan;
import org.custody.screening.Screener;

/**
 * The extraction pipeline, in one place: sentences and tokens (OpenNLP), then dates and amounts, articles,
 * actors, places; overlaps resolved (longest span wins; on a tie a place after a locative preposition, else
 * the actor); then quotes, attribution, claims and origins. Pure computation: no storage.
 */
public final class EvidenceAnalyzer {

    private static final Set<String> LOCATIVE = Set.of("in", "at", "near", "outside", "around", "from", "into",
            "across", "to", "toward", "towards", "inside", "throughout", "of");
    private static final Pattern REPORTERS = Pattern.compile(
            "(?:'s|’s)\\s+(?:reporters?\\s+)?(?<names>[A-Z][\\p{L}'-]+\\s+[A-Z][\\p{L}'-]+(?:(?:,\\s+|\\s+and\\s+)[A-Z][\\p{L}'-]+\\s+[A-Z][\\p{L}'-]+)*)");

    private static final Pattern REPORT_BY = Pattern.compile(
            "\\b(?:report|reporting|story|article|dispatch)\\s+by\\s+(?<names>[A-Z][\\p{L}'-]+\\s+[A-Z][\\p{L}'-]+(?:(?:,\\s+|\\s+and\\s+)[A-Z][\\p{L}'-]+\\s+[A-Z][\\p{L}'-]+)*)");
    /** Time words that put a credit in the past of the story: "reported last year", "months ago", "previously". */
    private static final Pattern BACKGROUND = Pattern.compile(
            "(?i)\\b(?:last\\s+(?:year|month|week|summer|winter|spring|autumn|fall)|(?:years?|months?|weeks?)\\s+ago"
                    + "|earlier\\s+this\\s+(?:year|month)|previously|had\\s+(?:reported|revealed|disclosed))\\b");

    private final TextAnalyzer nlp;
    private final ArticleExtractor articles;
    private final ActorExtractor actors;
    private final ContextActors contextActors;
    private final Gazetteer gazetteer;
    private final OutletRegistry outlets;
    private final DateExtractor dates = new DateExtractor();
    private final AmountExtractor amounts = new AmountExtractor();
    private final ClaimExtractor claims = new ClaimExtractor();

    public EvidenceAnalyzer(TextAnalyzer nlp, ArticleResolver articleResolver, ActorRegistry registry,
                            Screener screener, Gazetteer gazetteer, OutletRegistry outlets) {
        this.nlp = nlp;
        this.articles = new ArticleExtractor(articleResolver);
        this.actors = new ActorExtractor(registry, screener);
        this.contextActors = new ContextActors(registry);
        this.gazetteer = gazetteer;
        this.outlets = outlets;
    }

    /** The analyser with the bundled registry, gazetteer and outlets; {@code screener} may be null. */
    public static EvidenceAnalyzer standard(ArticleResolver articleResolver, Screener screener) {
        return new EvidenceAnalyzer(TextAnalyzer.english(), articleResolver, ActorRegistry.bundled(), screener,
                Gazetteer.bundled(), OutletRegistry.bundled());
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public Analysis analyze(SourceDocument doc) {
        String text = doc.text();
        AnalyzedText t = nlp.analyze(text);
        List<Mention> found = new ArrayList<>();
        found.addAll(dates.extract(text, doc.published()));
        found.addAll(amounts.extract(text));
        found.addAll(articles.extract(t));
        List<Mention> places = places(t);
        List<Mention> notActors = new ArrayList<>(found);
        notActors.addAll(places);
        found.addAll(actors.extract(t, notActors));
        found.addAll(contextActors.extract(text, places, found));
        found.addAll(GroupNames.extract(t, found));
        found.addAll(places);
        List<Mention> mentions = resolveOverlaps(t, found);
        mentions = resolveBareCollectives(mentions);
        List<OutletRegistry.Match> outletMatches = outletMatches(t);
        Map<TextSpan, String> attributions = new HashMap<>();
        for (TextSpan s : t.sentences()) {
            String a = attribution(t, s, outletMatches, doc);
            if (a != null) attributions.put(s, a);
        }
        String fallback = doc.outlet() != null ? doc.outlet() : doc.author();
        List<Claim> cl = new ArrayList<>(claims.extract(text, t.sentences(), mentions, s -> attributions.getOrDefault(s, fallback)));
        cl.addAll(structuredSightings(doc, mentions, cl));
        List<Quote> quotes = QuoteExtractor.extract(text, t.sentences());
        return new Analysis(doc, mentions, cl, quotes, origins(t, doc, outletMatches, attributions, mentions));
    }

    private static final Set<String> NOT_HOLDER_CATEGORIES = Set.of("government", "agency", "official");

    /**
     * Sightings from structure: each item of a field report becomes a possession claim as stated (article,
     * quantity, serials, place with the report's coordinates, observed date), whatever the prose around it;
     * each media caption of a post that names an article becomes one too. The holder is the item's or
     * report's explicit {@code holder}, else the actor the report's title, summary or observations name
     * (armed groups and listed organisations first, then units; never an agency or official), else none
     * (no claim: a sighting needs a holder).
     */
    private List<Claim> structuredSightings(SourceDocument doc, List<Mention> mentions, List<Claim> prose) {
        List<Claim> out = new ArrayList<>();
        String text = doc.text();
        String by = doc.outlet() != null ? doc.outlet() : doc.author();
        for (StructuredItem item : doc.items()) {
            List<Mention> arts = articles.extract(item.description());
            if (arts.isEmpty()) continue;
            int at = item.line() == null ? -1 : text.indexOf(item.line());
            int start = Math.max(0, at);
            int end = at < 0 ? 0 : at + item.line().length();
            Mention a = arts.getFirst();
            Map<String, String> ad = new LinkedHashMap<>(a.detail());
            if (item.quantity() != null) ad.put("quantity", item.quantity().toString());
            Mention article = new Mention(MentionType.ARTICLE, a.text(), start, end, a.resolved(), ad);
            List<String> cues = new ArrayList<>();
            cues.add("structured item: " + item.source());
            Mention holder;
            if (item.holder() != null) {
                holder = explicitHolder(item.holder(), text, start, end);
                cues.add("holder from the explicit holder field");
            } else {
                holder = namedHolder(mentions, end == 0 ? text.length() : end);
                if (holder != null) cues.add("holder named in the report: '" + holder.text() + "'");
            }
            if (holder == null) continue;
            Mention place = itemPlace(item, text);
            Mention date = item.observed() == null ? null : new Mention(MentionType.DATE, item.observed().toString(),
                    start, start, new Resolution(item.observed().toString(), item.observed().toString(), "field report",
                    "observed date stated by the report"), Map.of("value", item.observed().toString()));
            String line = item.line() == null ? item.description() : item.line();
            out.add(new Claim(ClaimKind.POSSESSION, article, holder, Stance.ASSERTED, by, line, start, Math.max(start, end),
                    place, date, item.serials(), cues));
        }
        for (String caption : doc.captions()) {
            int cs = text.lastIndexOf(caption);
            if (cs < 0) continue;
            int ce = cs + caption.length();
            Mention article = null;
            Mention holder = null;
            Mention place = null;
            for (Mention m : mentions) {
                if (m.start() < cs || m.end() > ce) continue;
                if (m.type() == MentionType.ARTICLE && article == null) article = m;
                if (m.type() == MentionType.PLACE && place == null) place = m;
            }
            if (article == null) continue;
            holder = namedHolder(mentions.stream().filter(m -> m.start() >= cs && m.end() <= ce).toList(), ce);
            if (holder == null) holder = namedHolder(mentions, cs);
            if (holder == null) continue;
            final Mention h = holder;
            final Mention art = article;
            boolean stated = prose.stream().anyMatch(c -> c.article() != null && sameActor(c.holder(), h)
                    && c.article().resolved() != null && art.resolved() != null
                    && c.article().resolved().id().equals(art.resolved().id()));
            if (stated) continue;
            out.add(new Claim(ClaimKind.POSSESSION, article, holder, Stance.ASSERTED, by, caption, cs, ce, place, null,
                    ClaimExtractor.serialsIn(caption), List.of("structured item: media caption", "holder: '" + holder.text() + "'")));
        }
        return out;
    }

    private static boolean sameActor(Mention a, Mention b) {
        if (a.resolved() != null && b.resolved() != null) return a.resolved().id().equals(b.resolved().id());
        return a.text().equalsIgnoreCase(b.text());
    }

    /** The explicit holder field, read with the same actor extraction as prose (registry, units, watchlists). */
    private Mention explicitHolder(String holder, String text, int start, int end) {
        AnalyzedText ht = nlp.analyze(holder);
        List<Mention> found = actors.extract(ht, List.of());
        int at = text.indexOf(holder);
        int s = at >= 0 ? at : start;
        int e = at >= 0 ? at + holder.length() : start;
        for (Mention m : found) {
            if (m.end() - m.start() >= holder.strip().length() / 2) {
                return new Mention(MentionType.ACTOR, holder, s, e, m.resolved(), m.detail());
            }
        }
        return new Mention(MentionType.ACTOR, holder, s, e, null, Map.of("kind", "stated holder"));
    }

    /** The holder a structured record names before {@code before}: armed group or listed, then unit, then other. */
    private static Mention namedHolder(List<Mention> mentions, int before) {
        Mention best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Mention m : mentions) {
            if (m.type() != MentionType.ACTOR || m.start() >= before) continue;
            String cat = m.detail().getOrDefault("category", "");
            if (NOT_HOLDER_CATEGORIES.contains(cat) || "person".equals(m.detail().get("kind"))) continue;
            int rank = cat.equals("armed-group") || m.detail().containsKey("watchlists") ? 0
                    : cat.equals("collective") ? 1 : "unit".equals(m.detail().get("kind")) || cat.equals("state-force") ? 2 : 3;
            if (rank < bestRank) {
                best = m;
                bestRank = rank;
            }
        }
        return best;
    }

    /** The item's place: the report's location, resolved in the gazetteer for its country, with the report's coordinates. */
    private Mention itemPlace(StructuredItem item, String text) {
        if (item.place() == null && item.latitude() == null) return null;
        String name = item.place() != null ? item.place() : item.latitude() + ", " + item.longitude();
        Optional<Gazetteer.Place> known = item.place() == null ? Optional.empty() : gazetteer.resolve(item.place());
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("kind", known.map(Gazetteer.Place::kind).orElse("reported location"));
        known.ifPresent(p -> detail.put("country", p.country()));
        Double lat = item.latitude() != null ? item.latitude() : known.map(Gazetteer.Place::latitude).orElse(null);
        Double lon = item.longitude() != null ? item.longitude() : known.map(Gazetteer.Place::longitude).orElse(null);
        if (lat != null && lon != null) {
            detail.put("latitude", lat.toString());
            detail.put("longitude", lon.toString());
        }
        int at = text.indexOf(name);
        int s = Math.max(0, at);
        Resolution r = known.map(p -> new Resolution(p.id(), p.name(), "GeoNames", "report location '" + name + "'"
                        + (item.latitude() != null ? " with the report's coordinates" : "")))
                .orElse(new Resolution("reported:" + name.toLowerCase(Locale.ROOT), name, "field report",
                        "location as the report gives it"));
        return new Mention(MentionType.PLACE, name, s, at < 0 ? s : s + name.length(), r, detail);
    }

    /**
     * Gazetteer places. A name several places share ("Tal Abyad") goes to the namesake lying in a
     * governorate the document names otherwise (a governorate itself, or a name whose places all lie in
     * one governorate), else to the preferred one (city over town, larger first).
     */
    private List<Mention> places(AnalyzedText t) {
        List<Mention> out = new ArrayList<>();
        List<Gazetteer.Match> matches = new ArrayList<>();
        Set<String> context = new java.util.HashSet<>();
        for (int w = 0; w < t.words(); ) {
            Gazetteer.Match m = gazetteer.at(t, w);
            if (m == null) {
                w++;
                continue;
            }
            if (cutsName(t, m.to()) || attributive(t.text(), t.start(m.from()), t.end(m.to() - 1))) {
                w = m.to();
                continue;
            }
            matches.add(m);
            Set<String> areas = new java.util.HashSet<>();
            for (Gazetteer.Place c : m.candidates()) areas.add(c.country() + "." + c.admin1());
            if (areas.size() == 1 && !m.place().admin1().isEmpty()) context.addAll(areas);
            w = m.to();
        }
        for (Gazetteer.Match m : matches) {
            int s = t.start(m.from());
            int e = t.end(m.to() - 1);
            Gazetteer.Place p = governorateReading(t, m) ? m.candidates().stream()
                    .filter(c -> c.kind().equals("admin1")).findFirst().orElseThrow() : m.in(context);
            Optional<Gazetteer.Place> district = namedDistrict(t, m.from(), m.to(), p);
            if (district.isPresent()) {
                out.add(districtMention(t, s, e, district.get(), p));
                continue;
            }
            Map<String, String> detail = new LinkedHashMap<>();
            detail.put("kind", p.kind());
            detail.put("country", p.country());
            if (p.latitude() != null) {
                detail.put("latitude", p.latitude().toString());
                detail.put("longitude", p.longitude().toString());
            }
            gazetteer.admin2Of(p).filter(d -> d != p).ifPresent(d -> detail.put("district", d.name()));
            String why = p.kind() + " in " + p.country() + (p != m.place()
                    ? "; of " + m.candidates().size() + " places so named, the one in a governorate the text names" : "");
            out.add(new Mention(MentionType.PLACE, t.text().substring(s, e), s, e,
                    new Resolution(p.id(), p.name(), "GeoNames", why), detail));
        }
        out.addAll(loosePlaces(t, out));
        return out;
    }

    private static final Set<String> AREA_WORDS = Set.of("city", "town", "village", "district", "governorate",
            "province", "countryside", "region", "area", "subdistrict", "sub-district", "neighbourhood", "neighborhood",
            "road", "highway", "frontline", "front", "airport", "dam", "river", "desert", "mountains", "plain", "border");
    private static final Set<String> REGION_ADJECTIVES = Set.of("northern", "southern", "eastern", "western", "central",
            "northeastern", "northwestern", "southeastern", "southwestern", "rural");

    /**
     * A match that stops before another capitalised word of the same name ("Tir" of "Tir Mallah", "Khan" of
     * "Khan Shaykun") names something else: a place is never read from the first words of a longer name.
     */
    private static boolean cutsName(AnalyzedText t, int next) {
        if (next >= t.words() || t.sentenceOf(next) != t.sentenceOf(next - 1) || !t.capitalized(next)) return false;
        String gap = t.text().substring(t.end(next - 1), t.start(next));
        if (!gap.equals(" ")) return false;
        String k = t.key(next);
        return !AREA_WORDS.contains(k) && !Character.isDigit(t.text().charAt(t.start(next)));
    }

    /**
     * "Iran-backed", "Syria-made", "Turkey-based", "pro-Iran": a place name followed by a hyphen and a lower-case
     * word, or after an adjective prefix ("pro-", "anti-"), is part of an adjective (an attribute of what
     * follows), not a location.
     */
    private static final Set<String> ADJECTIVE_PREFIXES = Set.of("pro", "anti", "non", "ex", "post", "pre", "cross",
            "inter", "intra", "trans", "pan", "neo");

    private static final Set<String> ARABIC_PARTICLES = Set.of("al", "el", "ad", "ar", "as", "an", "at", "az", "ash",
            "ez", "es", "ed", "et", "ibn", "bin", "abu", "um", "umm", "ul");

    static boolean attributive(String text, int s, int e) {
        boolean suffix = false;
        if (e + 1 < text.length() && text.charAt(e) == '-' && Character.isLowerCase(text.charAt(e + 1))) {
            int x = e + 1;
            while (x < text.length() && Character.isLetter(text.charAt(x))) x++;
            // "Iran-backed", "Syria-made"; not a name going on with an Arabic particle ("Deir-ez-Zor")
            suffix = !ARABIC_PARTICLES.contains(text.substring(e + 1, x));
        }
        boolean prefix = false;
        if (s >= 2 && text.charAt(s - 1) == '-' && Character.isLetter(text.charAt(s - 2))) {
            int w = s - 2;
            while (w > 0 && Character.isLetter(text.charAt(w - 1))) w--;
            // "pro-Iran", "anti-Syria"; not "Iraq-Syria", nor an Arabic article ("al-Hasakah")
            prefix = ADJECTIVE_PREFIXES.contains(text.substring(w, s - 1));
        }
        return suffix || prefix;
    }

    /** "Muqdadiya district", "al-Kubaysah city": an area word follows the capitalised words starting at {@code w}. */
    private static boolean areaWordWithin(AnalyzedText t, int w, int max) {
        for (int k = w + 1; k < t.words() && k <= w + max && t.sentenceOf(k) == t.sentenceOf(w); k++) {
            if (PLACE_KIND_WORDS.contains(t.key(k))) return true;
            if (!t.capitalized(k) && !Set.of("al", "el", "ad", "as", "an", "ar").contains(t.key(k))) return false;
        }
        return false;
    }

    private static final Set<String> PLACE_KIND_WORDS = Set.of("city", "town", "village", "district", "governorate",
            "province", "subdistrict", "sub-district", "nahiya", "qada", "area", "region", "neighbourhood", "neighborhood");

    /**
     * "northern Aleppo", "Hama countryside", "Idlib province", "the countryside of Homs": a name shared by a
     * city and its governorate means the governorate.
     */
    private static boolean governorateReading(AnalyzedText t, Gazetteer.Match m) {
        if (m.place().kind().equals("admin1") || m.candidates().stream().noneMatch(c -> c.kind().equals("admin1"))) {
            return false;
        }
        String before = m.from() > 0 ? t.key(m.from() - 1) : "";
        String after = m.to() < t.words() ? t.key(m.to()) : "";
        String before2 = m.from() > 1 ? t.key(m.from() - 2) : "";
        if (after.equals("city") || after.equals("town")) return false;
        return REGION_ADJECTIVES.contains(before) || Set.of("countryside", "province", "governorate").contains(after)
                || before.equals("of") && Set.of("countryside", "province", "governorate", "outskirts").contains(before2);
    }

    private static final Set<String> DIRECTIONS = Set.of("north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest", "outskirts", "outside", "edge", "village", "town", "city", "district");

    /**
     * Capitalised names after a locative preposition ("near Tal Afar", "west of Ninewa") that the exact
     * aliases miss, tried with the gazetteer's romanisation-tolerant key (longest first, three words at most).
     */
    private List<Mention> loosePlaces(AnalyzedText t, List<Mention> exact) {
        List<Mention> out = new ArrayList<>();
        for (int w = 1; w < t.words(); w++) {
            String prev = t.key(w - 1);
            boolean locative = LOCATIVE.contains(prev) && !prev.equals("of") && !prev.equals("to")
                    || prev.equals("of") && w >= 2 && DIRECTIONS.contains(t.key(w - 2))
                    || REGION_ADJECTIVES.contains(prev) || areaWordWithin(t, w, 4);
            if (!locative || !Character.isUpperCase(t.text().charAt(t.start(w)))) continue;
            int s = t.start(w);
            boolean taken = false;
            for (Mention m : exact) if (m.overlaps(s, s + 1)) taken = true;
            if (taken) continue;
            for (int n = Math.min(3, t.words() - w); n >= 1; n--) {
                int last = w + n - 1;
                if (t.sentenceOf(last) != t.sentenceOf(w) || !Character.isUpperCase(t.text().charAt(t.start(last)))
                        && !Set.of("al", "el", "ad", "as", "an", "ar").contains(t.key(last))) continue;
                int e = t.end(last);
                String phrase = t.text().substring(s, e);
                if (phrase.replaceAll("[^\\p{L}]", "").length() < 4) continue;
                var p = gazetteer.resolve(phrase);
                if (p.isEmpty() || cutsName(t, last + 1) || attributive(t.text(), s, e)) continue;
                Gazetteer.Place pl = p.get();
                Optional<Gazetteer.Place> district = namedDistrict(t, w, last + 1, pl);
                if (district.isPresent()) {
                    out.add(districtMention(t, s, e, district.get(), pl));
                    w = last;
                    break;
                }
                Map<String, String> detail = new LinkedHashMap<>();
                detail.put("kind", pl.kind());
                detail.put("country", pl.country());
                detail.put("match", "romanisation variant");
                if (pl.latitude() != null) {
                    detail.put("latitude", pl.latitude().toString());
                    detail.put("longitude", pl.longitude().toString());
                }
                out.add(new Mention(MentionType.PLACE, phrase, s, e, new Resolution(pl.id(), pl.name(), "GeoNames",
                        "'" + phrase + "' read as a spelling of " + pl.name()), detail));
                w = last;
                break;
            }
        }
        return out;
    }

    /** Words after a name ("Muqdadiya district") or before "of" ("the qadha of Sinjar") that call it a district. */
    private static final Set<String> DISTRICT_WORDS = Set.of("district", "qadha", "qada", "qadaa", "kaza");

    /**
     * "Muqdadiya district", "Hit District", "the qadha of Sinjar", "district of Tal Afar": when the text calls the
     * name at words [from, to) a district and the gazetteer has a district (admin2) of that name in the country of
     * the place read there, the name means that district, not its seat town. Several districts of the name: the one
     * the place lies in, else one in its governorate. A sub-district (nahiya) is not a district: "Hajin
     * sub-district" stays the town (and through it its district).
     */
    private Optional<Gazetteer.Place> namedDistrict(AnalyzedText t, int from, int to, Gazetteer.Place p) {
        if (p.kind().equals("admin2") || p.kind().equals("admin1") || p.kind().equals("country")) return Optional.empty();
        // the district word inside the match ("Hawija District" as one alias) or right after it
        int nameEnd = to - 1 > from && DISTRICT_WORDS.contains(t.key(to - 1)) ? to - 1 : to;
        boolean after = nameEnd < to || to < t.words() && t.sentenceOf(to) == t.sentenceOf(from)
                && DISTRICT_WORDS.contains(t.key(to)) && !subPrefix(t, to);
        // "the qadha of X", "district of X" — not "Hawija District of Kirkuk", where the district word ends a name
        boolean before = from >= 2 && t.key(from - 1).equals("of") && DISTRICT_WORDS.contains(t.key(from - 2))
                && !subPrefix(t, from - 2) && (from < 3 || t.sentenceOf(from - 3) != t.sentenceOf(from)
                || t.key(from - 3).equals("the") || !t.capitalized(from - 3));
        if (!after && !before) return Optional.empty();
        List<Gazetteer.Place> named = gazetteer.districtsNamed(t.text().substring(t.start(from), t.end(nameEnd - 1))).stream()
                .filter(d -> d.country().equals(p.country())).toList();
        if (named.isEmpty()) return Optional.empty();
        for (Gazetteer.Place d : named) if (d.id().equals(p.admin2())) return Optional.of(d);
        for (Gazetteer.Place d : named) if (d.admin1().equals(p.admin1())) return Optional.of(d);
        return Optional.of(named.getFirst());
    }

    /** "sub-district", "sub district": the district word at {@code w} is part of "sub-district". */
    private static boolean subPrefix(AnalyzedText t, int w) {
        return w > 0 && t.key(w - 1).equals("sub") && t.sentenceOf(w - 1) == t.sentenceOf(w);
    }

    /** The mention of a district read from its name; without coordinates of its own it takes its seat's. */
    private static Mention districtMention(AnalyzedText t, int s, int e, Gazetteer.Place district, Gazetteer.Place seat) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("kind", district.kind());
        detail.put("country", district.country());
        Gazetteer.Place located = district.latitude() != null ? district : seat;
        if (located.latitude() != null) {
            detail.put("latitude", located.latitude().toString());
            detail.put("longitude", located.longitude().toString());
            if (located != district) detail.put("coordinates", "of the district's namesake " + seat.name());
        }
        String phrase = t.text().substring(s, e);
        return new Mention(MentionType.PLACE, phrase, s, e, new Resolution(district.id(), district.name(), "GeoNames",
                "district in " + district.country() + ": the text calls '" + phrase + "' a district"), detail);
    }

    private static int priority(Mention m, AnalyzedText t) {
        return switch (m.type()) {
            case DATE, AMOUNT -> 0;
            case ARTICLE -> 1;
            case ACTOR -> {
                String cat = m.detail().getOrDefault("category", "");
                if (cat.equals("government") || cat.equals("agency")) {
                    int w = t.wordAt(m.start());
                    if (w > 0 && LOCATIVE.contains(t.key(w - 1))) yield 4;
                }
                yield 2;
            }
            case PLACE -> 3;
        };
    }

    private static List<Mention> resolveOverlaps(AnalyzedText t, List<Mention> all) {
        List<Mention> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt((Mention m) -> -(m.end() - m.start())).thenComparingInt(m -> priority(m, t))
                .thenComparingInt(Mention::start));
        List<Mention> kept = new ArrayList<>();
        for (Mention m : sorted) {
            boolean clash = false;
            for (Mention k : kept) {
                if (k.overlaps(m.start(), m.end())) {
                    clash = true;
                    break;
                }
            }
            if (!clash) kept.add(m);
        }
        kept.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
        return kept;
    }

    /** "the militias" after "Shiite militias" in the same document refers to them: resolve it so. */
    private static List<Mention> resolveBareCollectives(List<Mention> mentions) {
        List<Mention> out = new ArrayList<>(mentions.size());
        Mention lastCollective = null;
        for (Mention m : mentions) {
            if (m.type() == MentionType.ACTOR && m.resolved() != null) {
                if (m.resolved().id().equals("actor:militias") && lastCollective != null) {
                    Map<String, String> d = new LinkedHashMap<>(m.detail());
                    d.put("antecedent", lastCollective.text());
                    d.put("category", "collective");
                    m = new Mention(m.type(), m.text(), m.start(), m.end(), new Resolution(lastCollective.resolved().id(),
                            lastCollective.resolved().name(), "actor registry",
                            "refers back to '" + lastCollective.text() + "' at " + lastCollective.start()), d);
                } else if (!m.resolved().id().equals("actor:militias")
                        && "collective".equals(m.detail().get("category"))) {
                    lastCollective = m;
                }
            }
            out.add(m);
        }
        return out;
    }

    private static final Pattern REPORTING_AFTER = Pattern.compile(
            "^\\s+(?:is|are|was|were|has|have)?\\s*(?:been\\s+)?(?:reporting|reports|reported|learned|learnt)\\b");
    private static final Set<String> REPORTING_AFTER_WORDS = Set.of("reporting", "reports", "reported", "learned", "learnt");
    private static final Set<String> REPORTING_BEFORE_WORDS = Set.of("told", "tells", "citing");
    private static final Set<String> REPORTING_BY_WORDS = Set.of("reported", "quoted", "cited");
    private static final Pattern REPORTING_BEFORE = Pattern.compile(
            "(?i)\\b(?:according to|told|tells|citing|quoted by|reported by)\\s+(?:the\\s+)?$");

    private List<OutletRegistry.Match> outletMatches(AnalyzedText t) {
        List<OutletRegistry.Match> out = new ArrayList<>();
        for (int w = 0; w < t.words(); ) {
            OutletRegistry.Match m = outlets.at(t, w);
            if (m == null) m = misspeltOutletAt(t, w);
            if (m == null) {
                w++;
                continue;
            }
            out.add(m);
            w = m.to();
        }
        return out;
    }

    /**
     * A misspelt outlet where the text says it is reporting ("Bloomerg is reporting", "according to
     * Reutres"): one to three capitalised words, within an edit or two of one outlet's name.
     */
    private OutletRegistry.Match misspeltOutletAt(AnalyzedText t, int w) {
        if (!t.capitalized(w)) return null;
        String text = t.text();
        // cheap word tests first ("according to X", "told X", "X is reporting", "X reports"); the patterns confirm
        int b = w > 0 && t.key(w - 1).equals("the") ? w - 2 : w - 1;
        boolean nearCue = b >= 0 && (REPORTING_BEFORE_WORDS.contains(t.key(b))
                || b > 0 && t.key(b).equals("to") && t.key(b - 1).equals("according")
                || b > 0 && t.key(b).equals("by") && REPORTING_BY_WORDS.contains(t.key(b - 1)));
        for (int k = w + 1; k <= Math.min(t.words() - 1, w + 4) && !nearCue; k++) {
            nearCue = REPORTING_AFTER_WORDS.contains(t.key(k));
        }
        if (!nearCue) return null;
        boolean before = REPORTING_BEFORE.matcher(text.substring(Math.max(0, t.start(w) - 30), t.start(w))).find();
        for (int n = Math.min(3, t.words() - w); n >= 1; n--) {
            int last = w + n - 1;
            if (t.sentenceOf(last) != t.sentenceOf(w) || !t.capitalized(last)) continue;
            boolean after = REPORTING_AFTER.matcher(text.substring(t.end(last), Math.min(text.length(), t.end(last) + 40))).find();
            if (!before && !after) continue;
            var o = outlets.closest(text.substring(t.start(w), t.end(last)));
            if (o.isPresent()) return new OutletRegistry.Match(w, last + 1, o.get());
        }
        return null;
    }

    /** The outlet named at [s, e): a "Times" or "the newspaper" refers to the last outlet named before it. */
    private String outletIn(AnalyzedText t, List<OutletRegistry.Match> outletMatches, int s, int e) {
        OutletRegistry.Outlet last = null;
        for (OutletRegistry.Match m : outletMatches) {
            int ms = t.start(m.from());
            if (ms >= e) break;
            if (ms >= s && t.end(m.to() - 1) <= e) {
                OutletRegistry.Outlet o = m.outlet();
                if (o.id().equals("times")) {
                    for (OutletRegistry.Match p : outletMatches) {
                        if (t.start(p.from()) >= ms) break;
                        if (!p.outlet().id().equals("times") && p.outlet().name().endsWith("Times")) o = p.outlet();
                    }
                }
                return o.name();
            }
            last = m.outlet();
        }
        String phrase = t.text().substring(s, e).toLowerCase(Locale.ROOT);
        if (last != null && (phrase.matches("(the )?(newspaper|paper|outlet|agency|news agency|report|times)"))) {
            return last.name();
        }
        return null;
    }

    private String attribution(AnalyzedText t, TextSpan s, List<OutletRegistry.Match> outletMatches, SourceDocument doc) {
        // an outlet credited anywhere in the sentence wins over an earlier non-outlet phrase ("after footage
        // showed …, Bloomberg is reporting")
        String first = null;
        for (Attribution.Source src : Attribution.find(s.of(t.text()))) {
            int as = s.start() + src.start();
            int ae = s.start() + src.end();
            String outlet = outletIn(t, outletMatches, as, ae);
            if (outlet != null) return outlet;
            String p = src.phrase().strip();
            if (p.matches("(?i)(he|she|they|it|we|i|you)")) continue;
            if (first == null) first = p;
        }
        return first;
    }

    private static final Pattern PROPER_NAME = Pattern.compile(
            "(?:[A-Z][\\p{L}&.'’-]*|[A-Z0-9])(?:\\s+(?:[A-Z][\\p{L}&.'’-]*|[A-Z0-9]|of|and|for))*");

    /**
     * A credited name the outlet registry does not know ("Wire Agency A reported", "according to Levant
     * Monitor"): kept when the sentence credits it with a reporting verb, it is written as a proper name, and
     * no actor or place mention covers it (so "Iraqi officials said" or "the Pentagon reported" is no origin).
     */
    private static boolean unknownOutletCredit(String sentence, String name, TextSpan s, List<Mention> mentions, String text) {
        if (!PROPER_NAME.matcher(name).matches() || name.length() < 4) return false;
        String q = Pattern.quote(name);
        if (!Pattern.compile(q + "\\s*,?\\s+(?:is reporting|was reporting|reports|reported|has reported|has learned)\\b"
                + "|\\baccording to (?:the\\s+)?" + q + "\\s*(?:[,.;]|$)").matcher(sentence).find()) return false;
        int at = text.indexOf(name, s.start());
        if (at < 0 || at >= s.end()) return false;
        for (Mention m : mentions) {
            if ((m.type() == MentionType.ACTOR || m.type() == MentionType.PLACE) && m.overlaps(at, at + name.length())) return false;
        }
        return true;
    }

    private List<Origin> origins(AnalyzedText t, SourceDocument doc, List<OutletRegistry.Match> outletMatches,
                                 Map<TextSpan, String> attributions, List<Mention> mentions) {
        Map<String, List<String>> credited = new LinkedHashMap<>();
        String own = doc.outlet();
        for (TextSpan s : t.sentences()) {
            String a = attributions.get(s);
            if (a == null) continue;
            // "X reported last year that …": background from an earlier story, not where this one comes from
            if (BACKGROUND.matcher(s.of(t.text())).find()) continue;
            boolean isOutlet = outlets.lookup(a).isPresent();
            if (isOutlet && (own == null || !outlets.lookup(own).equals(outlets.lookup(a)))) {
                credited.computeIfAbsent(outlets.lookup(a).get().name(), k -> new ArrayList<>());
            } else if (!isOutlet && !a.equalsIgnoreCase(own == null ? "" : own)
                    && unknownOutletCredit(s.of(t.text()), a, s, mentions, t.text())) {
                credited.computeIfAbsent(a, k -> new ArrayList<>());
            }
        }
        for (OutletRegistry.Match m : outletMatches) {
            // "officials told Reuters", "said in an interview with Reuters": the outlet did the reporting
            int ms = t.start(m.from());
            String before = t.text().substring(Math.max(0, ms - 40), ms).toLowerCase(Locale.ROOT);
            if (before.matches("(?s).*\\b(told|tells|telling|interview with|speaking to|spoke to|quoted by|cited by|reported by|confirmed to)\\s+(the\\s+)?$")
                    && !BACKGROUND.matcher(t.sentences().get(t.sentenceOf(m.from())).of(t.text())).find()) {
                String name = outletIn(t, outletMatches, ms, t.end(m.to() - 1));
                String ownName = own == null ? null : outlets.lookup(own).map(OutletRegistry.Outlet::name).orElse(own);
                if (name != null && !name.equals(ownName)) credited.computeIfAbsent(name, k -> new ArrayList<>());
            }
        }
        for (OutletRegistry.Match m : outletMatches) {
            int end = t.end(m.to() - 1);
            String name = outletIn(t, outletMatches, t.start(m.from()), end);
            if (name == null || !credited.containsKey(name)) continue;
            Matcher r = REPORTERS.matcher(t.text());
            r.region(end, Math.min(t.text().length(), end + 120));
            if (r.lookingAt()) {
                for (String n : r.group("names").split(",\\s+|\\s+and\\s+")) {
                    if (!credited.get(name).contains(n.strip())) credited.get(name).add(n.strip());
                }
            }
        }
        if (!credited.isEmpty()) {
            // "according to the report by Dana Keller and Omar Haddad": the reporters of the primary origin
            List<String> primary = credited.values().iterator().next();
            Matcher by = REPORT_BY.matcher(t.text());
            while (by.find()) {
                for (String n : by.group("names").split(",\\s+|\\s+and\\s+")) {
                    if (!primary.contains(n.strip())) primary.add(n.strip());
                }
            }
        }
        List<Origin> out = new ArrayList<>();
        credited.forEach((k, v) -> out.add(new Origin(k, v, true)));
        if (own != null) {
            String ownName = outlets.lookup(own).map(OutletRegistry.Outlet::name).orElse(own);
            boolean ownReporting = credited.isEmpty() || attributions.size() < t.sentences().size();
            if (ownReporting && !credited.containsKey(ownName)) {
                out.add(new Origin(ownName, doc.author() == null ? List.of() : List.of(doc.author()), false));
            }
        } else if (credited.isEmpty()) {
            String who = doc.author() != null ? doc.author() : doc.id();
            out.add(new Origin(doc.platform() != null ? doc.platform() + ":" + who : who, List.of(), false));
        }
        return out;
    }
}
