package org.custody.evidence.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.custody.evidence.Mention;
import org.custody.evidence.MentionType;
import org.custody.evidence.Resolution;

/**
 * Finds defense-article mentions: an optional quantity ("175", "hundreds of", "a dozen"), modifiers
 * ("U.S.-made", "armored"), model designations (M1A1, AK-47, SPG-9), system names (Abrams, Humvee) and a
 * head noun (tanks, rifles, weapons). A weak head ("arms", "hardware", "vehicles") needs a quantity or a
 * modifier. The word lists are the bundled {@code article-terms.tsv}. Each mention's detail carries the
 * quantity (as written and, where exact, as a number); resolution goes to the catalogue.
 */
public final class ArticleExtractor {

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("hundred", 100),
            Map.entry("dozen", 12), Map.entry("a dozen", 12), Map.entry("a hundred", 100),
            Map.entry("one hundred", 100), Map.entry("a pair of", 2), Map.entry("a couple of", 2));

    private final Pattern pattern;
    private final Set<String> weakHeads;
    private final ArticleResolver resolver;

    public ArticleExtractor(ArticleResolver resolver) {
        this.resolver = resolver;
        Map<String, List<String>> terms = new HashMap<>();
        for (String[] row : Lexicon.rows("/org/custody/evidence/article-terms.tsv")) {
            terms.put(row[0], Arrays.stream(row[1].split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
        weakHeads = terms.get("weak-head").stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> heads = new ArrayList<>(terms.get("head"));
        heads.addAll(terms.get("weak-head"));
        String qty = "(?<qty>(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s+(?:million|thousand|hundred))?"
                + "|(?i:(?:tens\\s+of\\s+)?(?:hundreds|thousands|dozens|scores|millions)(?:\\s+of)?"
                + "|a\\s+(?:few|handful|number|dozen|couple|pair|batch|cache|shipment|consignment|stockpile|hundred)(?:\\s+of)?"
                + "|several|numerous|one\\s+hundred|" + String.join("|", NUMBER_WORDS.keySet().stream()
                .filter(k -> !k.contains(" ")).toList()) + "))";
        String mod = "(?:" + alt(terms.get("modifier"), true) + ")";
        String designation = "(?:(?:" + alt(terms.get("designation-prefix"), false) + ")-?\\d{1,4}[A-Z]{0,2}\\d{0,2}(?:[A-Z]\\d?)?(?:s|'s)?)";
        String name = "(?:" + alt(terms.get("name"), false) + ")";
        String core = "(?:" + designation + "|" + name + ")";
        String headAlt = alt(heads, true);
        String head = "(?<head>" + headAlt + ")";
        String regex = "(?<![\\w-])(?:" + qty + "\\s+)?(?<mods>(?:" + mod + "[\\s-]+)*)"
                + "(?:(?<core>" + core + "(?:[\\s-]+" + core + ")*)(?:[\\s-]+" + head + ")?|(?<head2>" + headAlt + "))(?![\\w-])";
        pattern = Pattern.compile(regex);
    }

    private static String alt(List<String> words, boolean caseInsensitive) {
        String body = words.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|"));
        return caseInsensitive ? "(?i:" + body + ")" : body;
    }

    public List<Mention> extract(String text) {
        List<Mention> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String qty = m.group("qty");
            String mods = m.group("mods");
            String core = m.group("core");
            String head = m.group("head") != null ? m.group("head") : m.group("head2");
            boolean hasMods = mods != null && !mods.isBlank();
            if (core == null && head != null && weakHeads.contains(head.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "))
                    && qty == null && !hasMods) {
                continue;
            }
            if (core == null && head == null) continue;
            int start = m.start();
            int end = m.end();
            // quantity words alone before a non-article ("two ... weapons" is fine, "several" + mods only is not)
            String span = text.substring(start, end);
            Map<String, String> detail = new LinkedHashMap<>();
            if (qty != null) {
                detail.put("quantity", qty.replaceAll("\\s+", " "));
                Long n = exactQuantity(qty);
                if (n != null) detail.put("count", Long.toString(n));
                else detail.put("approximate", "true");
            }
            String phrase = ((core == null ? "" : core) + " " + (head == null ? "" : head)).strip();
            if (hasMods) detail.put("modifiers", mods.strip());
            detail.put("phrase", phrase);
            Resolution r = resolver.resolve(span).or(() -> resolver.resolve(phrase)).orElse(null);
            out.add(new Mention(MentionType.ARTICLE, span, start, end, r, detail));
        }
        for (ArticleResolver.Found f : resolver.find(text)) {
            boolean covered = false;
            for (Mention m2 : out) if (m2.overlaps(f.start(), f.end())) covered = true;
            if (!covered) {
                out.add(new Mention(MentionType.ARTICLE, text.substring(f.start(), f.end()), f.start(), f.end(),
                        f.resolution(), Map.of("phrase", text.substring(f.start(), f.end()))));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Mention::start));
        return out;
    }

    static Long exactQuantity(String qty) {
        String q = qty.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        Integer w = NUMBER_WORDS.get(q);
        if (w != null) return (long) w;
        Matcher m = Pattern.compile("^(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?: (million|thousand|hundred))?$").matcher(q);
        if (!m.matches()) return null;
        double v = Double.parseDouble(m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2)));
        if (m.group(3) != null) {
            v *= switch (m.group(3)) {
                case "million" -> 1_000_000;
                case "thousand" -> 1_000;
                default -> 100;
            };
        }
        return Math.round(v);
    }
}
