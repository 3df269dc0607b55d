package org.custody.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custody.catalog.json.CatalogJson;
import org.custody.evidence.Analysis;
import org.custody.evidence.Claim;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.Mention;
import org.custody.evidence.MentionType;
import org.custody.evidence.SourceDocument;
import org.custody.evidence.extract.CatalogArticleResolver;
import org.custody.evidence.intake.Intake;

/**
 * Extraction quality against hand annotations ({@code data/annotations/evidence-gold.tsv}): precision and
 * recall per mention type, strict (same span) and lenient (overlapping span, same type), and for claims
 * (same kind, holder and stance; and "relation" ignoring stance). ACLED notes are scored by
 * {@link AcledBench}.
 *
 * <p>Usage: EvidenceQuality SHARED_DATA SHARED_CORPUS [GOLD.tsv] (default data/annotations/evidence-gold.tsv;
 * data/annotations/evidence-fresh.tsv is the set written after the extractor was frozen, since read while tuning;
 * data/annotations/evidence-fresh2.tsv is a second one written after the freeze at 18e09ee, still unseen)
 */
public final class EvidenceQuality {

    private static final boolean VERBOSE = Boolean.getBoolean("custody.bench.verbose");

    record Gold(String file, MentionType type, int start, int end, String text) {}

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path corpus = Path.of(args.length > 1 ? args[1] : "../shared/corpus");
        EvidenceAnalyzer analyzer = EvidenceAnalyzer.standard(new CatalogArticleResolver(CatalogJson.starter().catalog()), null);
        Map<String, SourceDocument> docs = new LinkedHashMap<>();
        List<Gold> gold = new ArrayList<>();
        Map<String, Set<String>> goldClaims = new HashMap<>();
        List<String> problems = new ArrayList<>();
        Path goldFile = Path.of(args.length > 2 ? args[2] : "data/annotations/evidence-gold.tsv");
        for (String line : Files.readAllLines(goldFile)) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] f = line.split("\t", -1);
            SourceDocument d = docs.computeIfAbsent(f[0], k -> read(k, corpus));
            if (f[1].equals("mention")) {
                String text = f[3];
                String ctx = f.length > 4 && !f[4].isEmpty() ? f[4] : text;
                int at = d.text().indexOf(ctx);
                if (at < 0 || d.text().indexOf(ctx, at + 1) >= 0) {
                    problems.add(f[0] + ": context '" + ctx + "' " + (at < 0 ? "not found" : "not unique"));
                    continue;
                }
                int s = at + ctx.indexOf(text);
                if (ctx.indexOf(text) < 0) {
                    problems.add(f[0] + ": '" + text + "' not inside its context");
                    continue;
                }
                gold.add(new Gold(f[0], MentionType.parse(f[2]), s, s + text.length(), text));
            } else {
                goldClaims.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[2] + "|" + f[3] + "|" + f[4]);
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.out.println("ANNOTATION PROBLEM " + p));
            throw new IllegalStateException(problems.size() + " annotation problem(s)");
        }
        Map<MentionType, int[]> strict = new LinkedHashMap<>();
        Map<MentionType, int[]> lenient = new LinkedHashMap<>();
        for (MentionType t : MentionType.values()) {
            strict.put(t, new int[3]);
            lenient.put(t, new int[3]);
        }
        int[] claims = new int[3];
        int[] relations = new int[3];
        for (Map.Entry<String, SourceDocument> e : docs.entrySet()) {
            Analysis a = analyzer.analyze(e.getValue());
            List<Gold> g = gold.stream().filter(x -> x.file().equals(e.getKey())).toList();
            for (MentionType t : MentionType.values()) {
                List<Gold> gt = g.stream().filter(x -> x.type() == t).toList();
                List<Mention> pt = a.mentions(t);
                score(strict.get(t), gt, pt, true);
                score(lenient.get(t), gt, pt, false);
            }
            Set<String> predicted = new HashSet<>();
            for (Claim c : a.claims()) {
                String holder = c.holder().resolved() != null && c.holder().resolved().id().startsWith("actor:")
                        ? c.holder().resolved().id()
                        : "text:" + c.holder().detail().getOrDefault("antecedent", c.holder().text()).toLowerCase(Locale.ROOT);
                predicted.add(c.kind().label() + "|" + holder + "|" + c.stance().label());
            }
            Set<String> expected = goldClaims.getOrDefault(e.getKey(), Set.of());
            if (VERBOSE) {
                for (Claim c : a.claims()) System.out.println("CLAIM " + e.getKey() + " " + c.kind() + " " + c.holder().text() + " " + c.stance() + " :: " + c.cues());
                for (Mention m : a.mentions(MentionType.ACTOR)) System.out.println("ACTOR " + e.getKey() + " " + m.text() + " -> " + (m.resolved() == null ? null : m.resolved().id()));
                for (String x : expected) if (!predicted.contains(x)) System.out.println("MISSED " + e.getKey() + " " + x);
                for (String x : predicted) if (!expected.contains(x)) System.out.println("EXTRA  " + e.getKey() + " " + x);
            }
            setScore(claims, expected, predicted);
            setScore(relations, strip(expected), strip(predicted));
        }
        System.out.printf("%s: %d documents, %d gold mentions, %d gold claims%n", goldFile, docs.size(), gold.size(),
                goldClaims.values().stream().mapToInt(Set::size).sum());
        System.out.println("| type | gold | predicted | strict P | strict R | lenient P | lenient R |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (MentionType t : MentionType.values()) {
            int[] s = strict.get(t);
            int[] l = lenient.get(t);
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %.2f | %.2f |%n", t.label(), s[1], s[2],
                    ratio(s[0], s[2]), ratio(s[0], s[1]), ratio(l[0], l[2]), ratio(l[0], l[1]));
        }
        System.out.printf(Locale.ROOT, "| claims (kind+holder+stance) | %d | %d | %.2f | %.2f | | |%n", claims[1], claims[2],
                ratio(claims[0], claims[2]), ratio(claims[0], claims[1]));
        System.out.printf(Locale.ROOT, "| relations (kind+holder) | %d | %d | %.2f | %.2f | | |%n", relations[1], relations[2],
                ratio(relations[0], relations[2]), ratio(relations[0], relations[1]));
    }

    private static Set<String> strip(Set<String> keys) {
        Set<String> out = new HashSet<>();
        for (String k : keys) out.add(k.substring(0, k.lastIndexOf('|')));
        return out;
    }

    private static void setScore(int[] acc, Set<String> gold, Set<String> predicted) {
        for (String p : predicted) if (gold.contains(p)) acc[0]++;
        acc[1] += gold.size();
        acc[2] += predicted.size();
    }

    /** acc = {true positives, gold, predicted}; each gold span matched at most once. */
    private static void score(int[] acc, List<Gold> gold, List<Mention> predicted, boolean strict) {
        Set<Integer> used = new HashSet<>();
        int tp = 0;
        for (Mention m : predicted) {
            for (int i = 0; i < gold.size(); i++) {
                if (used.contains(i)) continue;
                Gold g = gold.get(i);
                boolean match = strict ? g.start() == m.start() && g.end() == m.end() : g.start() < m.end() && m.start() < g.end();
                if (match) {
                    used.add(i);
                    tp++;
                    break;
                }
            }
        }
        acc[0] += tp;
        acc[1] += gold.size();
        acc[2] += predicted.size();
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : a / (double) b;
    }

    private static SourceDocument read(String file, Path corpus) {
        Path p = file.startsWith("shared:") ? corpus.resolve(file.substring(7)) : Path.of(file);
        return Intake.read(p).getFirst();
    }
}
