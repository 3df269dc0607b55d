package org.custody.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custody.evidence.claims.Attribution;
import org.custody.evidence.claims.ClaimExtractor;
import org.custody.evidence.claims.QuoteExtractor;
import org.custody.evidence.extract.ActorExtractor;
import org.custody.evidence.extract.ActorRegistry;
import org.custody.evidence.extract.AmountExtractor;
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

    private final TextAnalyzer nlp;
    private final ArticleExtractor articles;
    private final ActorExtractor actors;
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
        found.addAll(articles.extract(text));
        List<Mention> places = places(t);
        found.addAll(actors.extract(t, found));
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
        List<Claim> cl = claims.extract(text, t.sentences(), mentions, s -> attributions.getOrDefault(s, fallback));
        List<Quote> quotes = QuoteExtractor.extract(text, t.sentences());
        return new Analysis(doc, mentions, cl, quotes, origins(t, doc, outletMatches, attributions));
    }

    private List<Mention> places(AnalyzedText t) {
        List<Mention> out = new ArrayList<>();
        for (int w = 0; w < t.words(); ) {
            Gazetteer.Match m = gazetteer.at(t, w);
            if (m == null) {
                w++;
                continue;
            }
            int s = t.start(m.from());
            int e = t.end(m.to() - 1);
            Gazetteer.Place p = m.place();
            Map<String, String> detail = new LinkedHashMap<>();
            detail.put("kind", p.kind());
            detail.put("country", p.country());
            if (p.latitude() != null) {
                detail.put("latitude", p.latitude().toString());
                detail.put("longitude", p.longitude().toString());
            }
            out.add(new Mention(MentionType.PLACE, t.text().substring(s, e), s, e,
                    new Resolution(p.id(), p.name(), "GeoNames", p.kind() + " in " + p.country()), detail));
            w = m.to();
        }
        return out;
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

    private List<OutletRegistry.Match> outletMatches(AnalyzedText t) {
        List<OutletRegistry.Match> out = new ArrayList<>();
        for (int w = 0; w < t.words(); ) {
            OutletRegistry.Match m = outlets.at(t, w);
            if (m == null) {
                w++;
                continue;
            }
            out.add(m);
            w = m.to();
        }
        return out;
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
        for (Attribution.Source src : Attribution.find(s.of(t.text()))) {
            int as = s.start() + src.start();
            int ae = s.start() + src.end();
            String outlet = outletIn(t, outletMatches, as, ae);
            if (outlet != null) return outlet;
            String p = src.phrase().strip();
            if (p.matches("(?i)(he|she|they|it|we|i|you)")) continue;
            return p;
        }
        return null;
    }

    private List<Origin> origins(AnalyzedText t, SourceDocument doc, List<OutletRegistry.Match> outletMatches,
                                 Map<TextSpan, String> attributions) {
        Map<String, List<String>> credited = new LinkedHashMap<>();
        String own = doc.outlet();
        for (TextSpan s : t.sentences()) {
            String a = attributions.get(s);
            if (a == null) continue;
            boolean isOutlet = outlets.lookup(a).isPresent();
            if (isOutlet && (own == null || !outlets.lookup(own).equals(outlets.lookup(a)))) {
                credited.computeIfAbsent(outlets.lookup(a).get().name(), k -> new ArrayList<>());
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
