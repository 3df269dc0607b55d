package org.custody.evidence.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custody.evidence.nlp.AnchoredPattern;
import org.custody.evidence.Mention;
import org.custody.evidence.MentionType;
import org.custody.evidence.Resolution;

/**
 * Actors that only context names: a common phrase whose referent depends on the country the text is about
 * ("regime" in a report on Syria is the Syrian government, "police" in one on Iraq the Iraqi police), and a
 * nationality adjective tied to a force word ("Russian warplanes", "Syrian or Russian warplanes",
 * "Warplanes, likely regime or Russian"). The text's country is the one most of its places lie in; without
 * places, country phrases stay unread. Both tables are data ({@code context-actors.tsv}).
 */
public final class ContextActors {

    private static final String FORCE = "(?:warplanes?|war\\s+planes?|jets?|fighter\\s+jets|aircraft|planes?|helicopters?|air\\s*strikes?|airstrikes?"
            + "|air\\s+raids?|raids?|drones?|artillery|shelling|shells|forces|troops|soldiers|army|military|air\\s+force|snipers?|sniper\\s+fire|tanks?)";
    private static final String HEDGE = "(?:(?:likely|possibly|probably|suspected|reportedly|allegedly|either)\\s+)?";

    private static final Pattern NOUN_BEFORE = Pattern.compile("(?i)\\b(sanctions?|export|control|controls|inspection|trade|tax"
            + "|visa|legal|monitoring|verification|licensing|embargo|treaty|non-proliferation|safeguards|aid|regulatory)[\\s-]+$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}.]+");

    private final Map<String, Map<String, ActorRegistry.Actor>> phrases = new HashMap<>();
    private final Map<String, AnchoredPattern> countryPatterns = new HashMap<>();
    private final Map<String, ActorRegistry.Actor> adjectives = new LinkedHashMap<>();
    private final AnchoredPattern anchor;
    private final AnchoredPattern adjectiveBefore;
    private final AnchoredPattern adjectiveAfter;

    public ContextActors(ActorRegistry registry) {
        for (String[] r : Lexicon.rows("/org/custody/evidence/context-actors.tsv")) {
            if (r[0].equals("phrase")) {
                phrases.computeIfAbsent(r[1], k -> new HashMap<>()).put(r[2].toLowerCase(java.util.Locale.ROOT), actor(registry, r[3]));
            } else if (r[0].equals("adjective")) {
                adjectives.put(r[1], actor(registry, r[2]));
            } else {
                throw new IllegalStateException("context-actors.tsv: unknown kind '" + r[0] + "'");
            }
        }
        // one pattern per country, longest phrase first ("police forces" before "police")
        phrases.forEach((cc, byPhrase) -> countryPatterns.put(cc, AnchoredPattern.compile("(?i)\\b(?:" + String.join("|",
                byPhrase.keySet().stream().sorted(java.util.Comparator.comparingInt(String::length).reversed())
                        .map(x -> Pattern.quote(x).replace(" ", "\\E\\s+\\Q")).toList()) + ")\\b")));
        String adj = "(?:" + String.join("|", adjectives.keySet().stream().map(Pattern::quote).toList()) + "|regime)";
        String list = adj + "(?:\\s*(?:,|and/or|or|and)\\s+" + HEDGE + adj + ")*";
        anchor = AnchoredPattern.compile("(?<![\\p{L}.])" + adj + "(?![\\p{L}])");
        adjectiveBefore = AnchoredPattern.compile("(?<![\\p{L}.])(?<adjs>" + HEDGE + list + ")(?:,?\\s+[\\w-]*\\d[\\w-]*)?,?\\s+" + FORCE + "\\b");
        adjectiveAfter = AnchoredPattern.compile("(?i:\\b" + FORCE + ")\\s*,?\\s+" + HEDGE + "(?<adjs>" + list + ")(?![\\p{L}])");
    }

    private static ActorRegistry.Actor actor(ActorRegistry registry, String id) {
        return registry.byId(id).orElseThrow(() -> new IllegalStateException("context-actors.tsv: no registry actor '" + id + "'"));
    }

    /**
     * Context actors of a text whose places are {@code places}; {@code taken} are mentions found otherwise
     * (a span inside one is skipped).
     */
    public List<Mention> extract(String text, List<Mention> places, List<Mention> taken) {
        List<Mention> out = new ArrayList<>();
        Optional<String> country = country(places);
        // only around an adjective or "regime" (found by one cheap scan) are the two longer patterns tried
        AnchoredPattern.Scan anchors = anchor.scan(text);
        List<int[]> regions = new ArrayList<>();
        while (anchors.find()) {
            Matcher hits = anchors.matcher();
            regions.add(new int[] {Math.max(0, hits.start() - 60), Math.min(text.length(), hits.end() + 80)});
        }
        for (int[] region : regions) for (AnchoredPattern p : List.of(adjectiveBefore, adjectiveAfter)) {
            AnchoredPattern.Scan scan = p.scan(text, region[0], region[1]);
            while (scan.find()) {
                Matcher m = scan.matcher();
                int base = m.start("adjs");
                Matcher w = WORD.matcher(m.group("adjs"));
                while (w.find()) {
                    String word = w.group().replaceAll("\\.$", "");
                    if (word.equals("U.S")) word = "U.S.";
                    int s = base + w.start();
                    int e = s + word.length();
                    ActorRegistry.Actor a = adjectives.get(word);
                    String why;
                    if (a != null) {
                        why = "'" + word + "' with a force word: " + a.name();
                    } else if (word.equalsIgnoreCase("regime") && country.isPresent() && phrases.getOrDefault(country.get(), Map.of()).containsKey("regime")) {
                        a = phrases.get(country.get()).get("regime");
                        why = "'regime' in a text about " + country.get() + ": " + a.name();
                    } else {
                        continue;
                    }
                    add(out, taken, text, s, e, a, why);
                }
            }
        }
        if (country.isPresent() && countryPatterns.containsKey(country.get())) {
            Map<String, ActorRegistry.Actor> byPhrase = phrases.get(country.get());
            AnchoredPattern.Scan scan = countryPatterns.get(country.get()).scan(text);
            while (scan.find()) {
                Matcher m = scan.matcher();
                ActorRegistry.Actor actor = byPhrase.get(m.group().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " "));
                // "the sanctions regime", "export-control regime": a regime of rules, not a government
                if (NOUN_BEFORE.matcher(text.substring(Math.max(0, m.start() - 24), m.start())).find()) continue;
                add(out, taken, text, m.start(), m.end(), actor,
                        "'" + m.group() + "' in a text about " + country.get() + ": " + actor.name());
            }
        }
        return out;
    }

    private static void add(List<Mention> out, List<Mention> taken, String text, int s, int e, ActorRegistry.Actor a, String why) {
        if (ActorExtractor.overlapsAny(taken, s, e) || ActorExtractor.overlapsAny(out, s, e)) return;
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("registryId", a.qualifiedId());
        detail.put("category", a.category());
        detail.put("context", "yes");
        out.add(new Mention(MentionType.ACTOR, text.substring(s, e), s, e,
                new Resolution(a.qualifiedId(), a.name(), "actor registry", why), detail));
    }

    /** The country most of the text's places lie in (countries named count too), if one leads. */
    static Optional<String> country(List<Mention> places) {
        Map<String, Integer> n = new HashMap<>();
        for (Mention p : places) {
            String c = p.detail().get("country");
            if (c != null) n.merge(c, 1, Integer::sum);
        }
        return n.entrySet().stream().max(Map.Entry.comparingByValue())
                .filter(best -> n.values().stream().filter(v -> v.equals(best.getValue())).count() == 1)
                .map(Map.Entry::getKey);
    }
}
