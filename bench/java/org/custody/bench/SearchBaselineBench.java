package org.custody.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.custody.lists.ListEntity;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;
import org.custody.screening.Hit;
import org.custody.screening.ScreeningEngine;
import org.custody.screening.ScreeningQuery;

/**
 * Custody against the search-engine baseline ({@link LuceneFuzzyBaseline}) in one run, on the OFAC SDN
 * list: (a) names with 0-2 random character edits (substitution, deletion, insertion, transposition),
 * (b) transliteration variants (1-2 spelling swaps of the kinds romanisations differ by). Recall@1 (a tie
 * with the first hit counts, two entries of one name being indistinguishable) and recall@10, and the CPU
 * time per name of each, single thread, after a warm-up on other queries.
 * Usage: {@code SearchBaselineBench [ofac-sdn folder] [queries per set] [seed]}. The default seed
 * ({@value #SEED}) is the development set; another seed draws a held-out set of the same kinds. With
 * {@code -Dbaseline.misses=true} every query Custody misses at rank 1 is printed with what it ranked first
 * and whether Lucene found it, to read the losses by kind.
 */
public final class SearchBaselineBench {

    static final long SEED = 20261201L;
    private static final String[][] SWAPS = {
            {"q", "k"}, {"k", "q"}, {"q", "gh"}, {"gh", "q"}, {"kh", "k"}, {"k", "kh"}, {"ou", "u"}, {"u", "ou"},
            {"oo", "u"}, {"u", "oo"}, {"o", "u"}, {"u", "o"}, {"ei", "ai"}, {"ai", "ei"}, {"ay", "ei"}, {"ei", "ey"},
            {"e", "i"}, {"i", "e"}, {"e", "a"}, {"dh", "z"}, {"z", "dh"}, {"th", "z"}, {"y", "i"}, {"i", "y"},
            {"j", "dj"}, {"sh", "ch"}, {"ch", "sh"}, {"ph", "f"}, {"f", "ph"}, {"w", "v"}, {"v", "w"}, {"c", "k"},
            {"ss", "s"}, {"s", "ss"}, {"ll", "l"}, {"mm", "m"}, {"a", "aa"}, {"ee", "i"}};

    record Query(String text, int entity) { }

    record Result(double at1, double at10, double cpuMicrosPerName, int n) { }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/ofac-sdn");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : SEED;
        List<ListEntity> entities = OfacCsvImporter.read(OfacCsvSet.inFolder(data).orElseThrow()).entities();
        System.out.printf(Locale.ROOT, "# Custody vs the Lucene fuzzy baseline, %s%n", Instant.now());
        System.out.printf(Locale.ROOT, "machine: %d cores, java %s, load average at start %.2f; list %s, %d entities%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), data, entities.size());
        ScreeningEngine engine = ScreeningEngine.build(entities, List.of());
        LuceneFuzzyBaseline lucene = new LuceneFuzzyBaseline(entities);
        System.out.printf(Locale.ROOT, "seed %d%s%n", seed, seed == SEED ? " (development set)" : " (held-out set)");
        Random rnd = new Random(seed);
        List<Query> warm = edited(entities, 1000, rnd);
        List<Query> edits = edited(entities, n, rnd);
        List<Query> translit = transliterated(entities, n, rnd);
        run(engine, lucene, warm, false);                      // warm-up: JIT both, other queries
        System.out.println();
        System.out.println("| query set | Custody recall@1 | Lucene recall@1 | Custody recall@10 | Lucene recall@10 | Custody CPU µs/name | Lucene CPU µs/name | cost ratio |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        report("0-2 random character edits", engine, lucene, edits);
        report("transliteration variants (1-2 swaps)", engine, lucene, translit);
        System.out.printf(Locale.ROOT, "%nload average at end %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static void report(String name, ScreeningEngine engine, LuceneFuzzyBaseline lucene, List<Query> qs) {
        Result[] r = run(engine, lucene, qs, true);
        System.out.printf(Locale.ROOT, "| %s (%d) | %.3f | %.3f | %.3f | %.3f | %.0f | %.0f | %.1fx |%n", name, qs.size(),
                r[0].at1(), r[1].at1(), r[0].at10(), r[1].at10(), r[0].cpuMicrosPerName(), r[1].cpuMicrosPerName(),
                r[1].cpuMicrosPerName() / r[0].cpuMicrosPerName());
    }

    static Result[] run(ScreeningEngine engine, LuceneFuzzyBaseline lucene, List<Query> qs, boolean print) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int c1 = 0, c10 = 0, l1 = 0, l10 = 0;
        long t0 = mx.getCurrentThreadCpuTime();
        List<List<Hit>> custody = new ArrayList<>(qs.size());
        for (Query q : qs) custody.add(engine.screen(new ScreeningQuery(q.text(), null, 10, null, null, null)).hits());
        long t1 = mx.getCurrentThreadCpuTime();
        List<List<LuceneFuzzyBaseline.Ranked>> base = new ArrayList<>(qs.size());
        for (Query q : qs) base.add(lucene.top(q.text(), 10));
        long t2 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < qs.size(); i++) {
            String want = SearchBaselineBench.entities.get(qs.get(i).entity()).id();
            List<Hit> hs = custody.get(i);
            for (int r = 0; r < hs.size(); r++) {
                if (hs.get(r).entityId().equals(want)) {
                    if (hs.get(r).score() >= hs.get(0).score()) c1++;
                    c10++;
                    break;
                }
            }
            List<LuceneFuzzyBaseline.Ranked> bs = base.get(i);
            for (int r = 0; r < bs.size(); r++) {
                if (bs.get(r).entity() == qs.get(i).entity()) {
                    if (bs.get(r).score() >= bs.get(0).score()) l1++;
                    l10++;
                    break;
                }
            }
        }
        if (print && Boolean.getBoolean("baseline.misses")) printMisses(qs, custody, base);
        double n = qs.size();
        return new Result[] {new Result(c1 / n, c10 / n, (t1 - t0) / 1e3 / n, qs.size()),
                new Result(l1 / n, l10 / n, (t2 - t1) / 1e3 / n, qs.size())};
    }

    static List<ListEntity> entities;

    /** Each query whose entity Custody does not rank first: the query, the listed name it came from, Custody's first hit, Lucene's rank. */
    static void printMisses(List<Query> qs, List<List<Hit>> custody, List<List<LuceneFuzzyBaseline.Ranked>> base) {
        for (int i = 0; i < qs.size(); i++) {
            ListEntity want = entities.get(qs.get(i).entity());
            List<Hit> hs = custody.get(i);
            int rank = -1;
            for (int r = 0; r < hs.size(); r++) {
                if (hs.get(r).entityId().equals(want.id())) { rank = hs.get(r).score() >= hs.get(0).score() ? 0 : r; break; }
            }
            if (rank == 0) continue;
            int lrank = -1;
            List<LuceneFuzzyBaseline.Ranked> bs = base.get(i);
            for (int r = 0; r < bs.size(); r++) {
                if (bs.get(r).entity() == qs.get(i).entity()) { lrank = bs.get(r).score() >= bs.get(0).score() ? 0 : r; break; }
            }
            String names = want.id() + " " + String.join(" | ", want.allNames().stream().map(a -> a.name()).limit(4).toList());
            System.out.printf(Locale.ROOT, "MISS\tcustody %s\tlucene %s\t%s\twant %s\tfirst %s (%.3f)%n",
                    rank < 0 ? "-" : Integer.toString(rank + 1), lrank < 0 ? "-" : Integer.toString(lrank + 1), qs.get(i).text(),
                    names, hs.isEmpty() ? "-" : hs.get(0).name(), hs.isEmpty() ? 0.0 : hs.get(0).score());
        }
    }

    /** One of the entity's names (primary or alias), at random. */
    static String anyName(ListEntity e, Random rnd) {
        return e.allNames().get(rnd.nextInt(e.allNames().size())).name();
    }

    static List<Query> edited(List<ListEntity> es, int n, Random rnd) {
        entities = es;
        List<Query> out = new ArrayList<>(n);
        while (out.size() < n) {
            int e = rnd.nextInt(es.size());
            String name = anyName(es.get(e), rnd);
            int k = rnd.nextInt(3);
            StringBuilder sb = new StringBuilder(name);
            for (int j = 0; j < k && sb.length() > 2; j++) {
                int at = rnd.nextInt(sb.length());
                char c = (char) ('A' + rnd.nextInt(26));
                switch (rnd.nextInt(4)) {
                    case 0 -> sb.setCharAt(at, c);
                    case 1 -> sb.deleteCharAt(at);
                    case 2 -> sb.insert(at, c);
                    default -> {
                        if (at + 1 < sb.length()) { char x = sb.charAt(at); sb.setCharAt(at, sb.charAt(at + 1)); sb.setCharAt(at + 1, x); }
                    }
                }
            }
            if (sb.toString().isBlank()) continue;
            out.add(new Query(sb.toString(), e));
        }
        return out;
    }

    static List<Query> transliterated(List<ListEntity> es, int n, Random rnd) {
        entities = es;
        List<Query> out = new ArrayList<>(n);
        while (out.size() < n) {
            int e = rnd.nextInt(es.size());
            String cur = anyName(es.get(e), rnd).toLowerCase(Locale.ROOT);
            int want = 1 + rnd.nextInt(2), done = 0;
            for (int attempt = 0; attempt < 20 && done < want; attempt++) {
                String[] s = SWAPS[rnd.nextInt(SWAPS.length)];
                List<Integer> at = new ArrayList<>();
                for (int i = cur.indexOf(s[0]); i >= 0; i = cur.indexOf(s[0], i + 1)) at.add(i);
                if (at.isEmpty()) continue;
                int i = at.get(rnd.nextInt(at.size()));
                cur = cur.substring(0, i) + s[1] + cur.substring(i + s[0].length());
                done++;
            }
            if (done == 0) continue;
            out.add(new Query(cur.toUpperCase(Locale.ROOT), e));
        }
        return out;
    }
}
