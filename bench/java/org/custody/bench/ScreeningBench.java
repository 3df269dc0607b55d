package org.custody.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custody.lists.Alias;
import org.custody.lists.ListEntity;
import org.custody.lists.ParsedList;
import org.custody.lists.Schema;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;
import org.custody.screening.Hit;
import org.custody.screening.ScreeningConfig;
import org.custody.screening.ScreeningEngine;
import org.custody.screening.ScreeningQuery;
import org.custody.screening.ScreeningResult;

/**
 * Quality and speed of {@link ScreeningEngine} on the real OFAC SDN list, side by side with a
 * brute-force Jaro-Winkler baseline, and the 1,000,000-name synthetic scale test.
 *
 * <pre>
 *   ScreeningBench quality  DATA_DIR   noisy variants, leave-one-alias-out, false alerts, P/R, speed
 *   ScreeningBench speed    DATA_DIR   the speed part alone
 *   ScreeningBench digest   DATA_DIR [FILE]  a hash of every answer on 6,000 queries (unchanged by speed work)
 *   ScreeningBench query    DATA_DIR [ROUNDS] [noisy|recombined]  CPU time per query on one thread
 *   ScreeningBench cold     DATA_DIR [N] [noisy|recombined]  a short batch in a fresh JVM, CPU per chunk
 *   ScreeningBench scale    DATA_DIR   1,000,000 synthetic names (run with -Xmx1536m)
 *   ScreeningBench alerts   DATA_DIR   false alerts, development and held-out halves (-Dalerts.dev=true: the
 *                                      development half only; -Dalerts.list=true: its alerts with their features)
 *   ScreeningBench recall   DATA_DIR   noisy-variant recall@1/@10 (-Drecall.misses=true: every query not ranked first)
 *   ScreeningBench explain  DATA_DIR NAME   the top hits of one name with every feature
 * </pre>
 * -Dcustody.weight.FEATURE=W runs any mode with another weight for one feature. Everything is seeded; output is
 * Markdown on standard output.
 */
public final class ScreeningBench {

    static final long SEED = 20261123L;
    /** The default configuration; -Dcustody.candidates=K and -Dcustody.termCache=N try others. */
    static ScreeningConfig CONFIG = withWeights(ScreeningConfig.DEFAULT
            .withCandidates(Integer.getInteger("custody.candidates", ScreeningConfig.DEFAULT.candidates()))
            .withTermCacheSize(Integer.getInteger("custody.termCache", ScreeningConfig.DEFAULT.termCacheSize())));

    /** -Dcustody.weight.FEATURE=W tries another weight for a feature of the scoring model (calibration runs). */
    static ScreeningConfig withWeights(ScreeningConfig c) {
        org.custody.screening.ScoringModel m = c.model();
        for (org.custody.screening.ScoringModel.Feature f : m.features()) {
            String w = System.getProperty("custody.weight." + f.name());
            if (w != null) m = m.withWeight(f.name(), Double.parseDouble(w));
        }
        return new ScreeningConfig(c.alertThreshold(), c.candidates(), c.minTokenSimilarity(), c.weakTokenFactor(),
                c.specificNats(), m, c.termCacheSize());
    }
    static final int NOISY = 5000;          // noisy queries for Custody
    static final int BASELINE_QUERIES = 1000; // the subset both run (the baseline takes ~36 ms a query)

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "quality";
        Path data = Path.of(args.length > 1 ? args[1] : "../shared/data/ofac-sdn");
        ParsedList list = OfacCsvImporter.read(OfacCsvSet.inFolder(data).orElseThrow(
                () -> new IllegalArgumentException("no OFAC CSV set in " + data)));
        List<ListEntity> entities = list.entities();
        out("# Screening benchmark (%s), %s", mode, Instant.now());
        out("machine: %d cores, max heap %d MiB, java %s, load average at start %.2f",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out("list: %s, %d entities, %d names with aliases", data, entities.size(),
                entities.stream().mapToInt(e -> e.allNames().size()).sum());
        if (mode.equals("scale")) scale(entities);
        else if (mode.equals("build")) build(entities);
        else if (mode.equals("speed")) speed(entities, new BruteForceJaroWinkler(entities));
        else if (mode.equals("digest")) digest(entities, args.length > 2 ? Path.of(args[2]) : null);
        else if (mode.equals("query")) queryCpu(entities, args.length > 2 ? Integer.parseInt(args[2]) : 5,
                args.length > 3 ? args[3] : "noisy");
        else if (mode.equals("cold")) cold(entities, args.length > 2 ? Integer.parseInt(args[2]) : 20_000,
                args.length > 3 ? args[3] : "recombined");
        else if (mode.equals("restore")) restore(entities, Path.of(args.length > 2 ? args[2] : "target/screening-snapshot.bin"));
        else if (mode.equals("explain")) {   // the top hits of one query with every feature that fired
            ScreeningEngine engine = ScreeningEngine.build(entities, List.of(), CONFIG);
            for (Hit h : engine.screen(new ScreeningQuery(args[2], null, 3, null, null, null)).hits()) {
                out("%s %.4f %s", h.entityId(), h.score(), h.explanation().summary());
                h.explanation().features().forEach(f -> out("    %s %.3f x %.2f: %s", f.name(), f.value(), f.weight(), f.explanation()));
            }
        }
        else if (mode.equals("alerts")) falseAlerts(entities, new Random(SEED + 2));
        else if (mode.equals("recall")) {
            ScreeningEngine engine = ScreeningEngine.build(entities, List.of(), CONFIG);
            long seed = args.length > 2 ? Long.parseLong(args[2]) : SEED;     // another seed: a held-out set
            List<Query> qs = noisyQueries(entities, NOISY, new Random(seed));
            Recall r = recall(engine, qs);
            out("noisy variants (%d, seed %d): recall@1 %.4f, recall@10 %.4f", NOISY, seed, r.at1(), r.at10());
            if (Boolean.getBoolean("recall.misses")) {   // every query whose entity is not first, to diff two runs
                for (int i = 0; i < qs.size(); i++) {
                    if (!r.hit1()[i]) out("  miss@1 %s%s '%s' (%s)", r.hit10()[i] ? "" : "miss@10 ", qs.get(i).source(), qs.get(i).text(), qs.get(i).ops());
                }
            }
        }
        else quality(entities);
    }

    // ------------------------------------------------------------------ quality + speed on the real list

    record Query(String text, int entity, String source, List<String> ops) { }

    static void quality(List<ListEntity> entities) throws Exception {
        // build time
        List<Double> builds = new ArrayList<>();
        ScreeningEngine engine = null;
        for (int i = 0; i < 7; i++) {
            long t = System.nanoTime();
            engine = ScreeningEngine.build(entities, List.of(), CONFIG);
            builds.add((System.nanoTime() - t) / 1e6);
        }
        out("\n## Index build (full SDN, %d analysed names)", engine.indexedNames());
        out("first (cold JVM) %.0f ms; next six: median %.0f ms, min %.0f ms", builds.get(0),
                median(builds.subList(1, builds.size())), Collections.min(builds.subList(1, builds.size())));

        BruteForceJaroWinkler baseline = new BruteForceJaroWinkler(entities);
        List<Query> noisy = noisyQueries(entities, NOISY, new Random(SEED));
        double threshold = engine.config().alertThreshold();

        // (1) noisy variants
        out("\n## (1) Noisy variants of list names (%d queries, seed %d)", noisy.size(), SEED);
        Recall custody = recall(engine, noisy);
        out("Custody: recall@1 %.4f, recall@10 %.4f, true entity alerts at %.2f: %.4f", custody.at1(), custody.at10(),
                threshold, custody.alerted());
        List<Query> sub = noisy.subList(0, BASELINE_QUERIES);
        Recall custodySub = recall(engine, sub);
        Recall base = baselineRecall(baseline, sub);
        out("same %d-query subset: Custody recall@1 %.4f recall@10 %.4f | brute-force Jaro-Winkler recall@1 %.4f recall@10 %.4f",
                sub.size(), custodySub.at1(), custodySub.at10(), base.at1(), base.at10());
        Map<String, int[]> byOp = new HashMap<>();
        for (int i = 0; i < noisy.size(); i++) {
            for (String op : new HashSet<>(noisy.get(i).ops())) {
                int[] c = byOp.computeIfAbsent(op, k -> new int[3]);
                c[0]++;
                if (custody.hit1()[i]) c[1]++;
                if (custody.hit10()[i]) c[2]++;
            }
        }
        out("by noise kind (queries containing it): %s", byOp.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> String.format(Locale.ROOT, "%s n=%d r@1 %.3f r@10 %.3f", e.getKey(), e.getValue()[0],
                        (double) e.getValue()[1] / e.getValue()[0], (double) e.getValue()[2] / e.getValue()[0])).toList());
        out("misses at @10 (first 12):");
        int shown = 0;
        for (int i = 0; i < noisy.size() && shown < 12; i++) {
            if (!custody.hit10()[i]) {
                Query q = noisy.get(i);
                out("  - '%s' (from '%s', %s)", q.text(), q.source(), q.ops());
                shown++;
            }
        }

        // (2) leave one alias out
        loao(entities, new Random(SEED + 1));

        // (3) false alerts and precision / recall at thresholds
        falseAlerts(entities, new Random(SEED + 2));

        // speed
        speed(entities, baseline);
    }

    record Recall(double at1, double at10, double alerted, boolean[] hit1, boolean[] hit10) { }

    static Recall recall(ScreeningEngine engine, List<Query> qs) {
        boolean[] h1 = new boolean[qs.size()], h10 = new boolean[qs.size()];
        int a1 = 0, a10 = 0, al = 0;
        for (int i = 0; i < qs.size(); i++) {
            Query q = qs.get(i);
            List<Hit> hits = engine.screen(new ScreeningQuery(q.text(), null, 10, null, null, null)).hits();
            String want = idOf(engine, q.entity());
            for (int r = 0; r < hits.size(); r++) {
                if (hits.get(r).entityId().equals(want)) {
                    // rank 1, or tied with rank 1 (identical names listed twice)
                    if (r == 0 || hits.get(r).score() >= hits.get(0).score()) { h1[i] = true; a1++; }
                    h10[i] = true;
                    a10++;
                    if (hits.get(r).alert()) al++;
                    break;
                }
            }
        }
        return new Recall((double) a1 / qs.size(), (double) a10 / qs.size(), (double) al / qs.size(), h1, h10);
    }

    static List<ListEntity> ENTITIES_FOR_IDS;

    static String idOf(ScreeningEngine engine, int entity) {
        return ENTITIES_FOR_IDS.get(entity).id();
    }

    static Recall baselineRecall(BruteForceJaroWinkler base, List<Query> qs) throws Exception {
        boolean[] h1 = new boolean[qs.size()], h10 = new boolean[qs.size()];
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int start = t;
                fs.add(pool.submit(() -> {
                    for (int i = start; i < qs.size(); i += threads) {
                        List<BruteForceJaroWinkler.Ranked> top = base.top(qs.get(i).text(), 10);
                        for (int r = 0; r < top.size(); r++) {
                            if (top.get(r).entity() == qs.get(i).entity()) {
                                if (r == 0 || top.get(r).score() >= top.get(0).score()) h1[i] = true;
                                h10[i] = true;
                                break;
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdown();
        }
        int a1 = 0, a10 = 0;
        for (int i = 0; i < qs.size(); i++) { if (h1[i]) a1++; if (h10[i]) a10++; }
        return new Recall((double) a1 / qs.size(), (double) a10 / qs.size(), 0, h1, h10);
    }

    static List<Query> noisyQueries(List<ListEntity> entities, int n, Random rnd) {
        ENTITIES_FOR_IDS = entities;
        NameNoise noise = new NameNoise(rnd.nextLong());
        List<int[]> names = new ArrayList<>();
        for (int e = 0; e < entities.size(); e++) {
            for (int a = 0; a < entities.get(e).allNames().size(); a++) names.add(new int[] {e, a});
        }
        List<Query> out = new ArrayList<>(n);
        while (out.size() < n) {
            int[] pick = names.get(rnd.nextInt(names.size()));
            String src = entities.get(pick[0]).allNames().get(pick[1]).name();
            NameNoise.Variant v = noise.vary(src);
            if (v.ops().isEmpty()) continue;
            out.add(new Query(v.text(), pick[0], src, v.ops()));
        }
        return out;
    }

    // ------------------------------------------------------------------ (2) leave one alias out

    static void loao(List<ListEntity> entities, Random rnd) throws Exception {
        List<ListEntity> reduced = new ArrayList<>(entities.size());
        List<Query> queries = new ArrayList<>();
        for (int e = 0; e < entities.size(); e++) {
            ListEntity x = entities.get(e);
            if (x.aliases().isEmpty()) { reduced.add(x); continue; }
            int drop = rnd.nextInt(x.aliases().size());
            Alias removed = x.aliases().get(drop);
            List<Alias> rest = new ArrayList<>(x.aliases());
            rest.remove(drop);
            reduced.add(new ListEntity(x.id(), x.listId(), x.sourceId(), x.schema(), x.primaryName(), rest, x.programs(),
                    x.birthDates(), x.nationalities(), x.addresses(), x.identifiers(), x.remarks()));
            queries.add(new Query(removed.name(), e, removed.name(), List.of("leave-one-alias-out")));
        }
        ENTITIES_FOR_IDS = reduced;
        ScreeningEngine engine = ScreeningEngine.build(reduced, List.of(), CONFIG);
        Recall r = recall(engine, queries);
        List<Query> shuffled = new ArrayList<>(queries);
        Collections.shuffle(shuffled, new Random(SEED));
        List<Query> sub = shuffled.subList(0, Math.min(BASELINE_QUERIES, shuffled.size()));
        Recall rs = recall(engine, sub);
        Recall b = baselineRecall(new BruteForceJaroWinkler(reduced), sub);
        out("\n## (2) Leave one alias out (%d entities with aliases; one alias each removed and queried)", queries.size());
        out("Custody: recall@1 %.4f, recall@10 %.4f", r.at1(), r.at10());
        out("same %d-query subset: Custody recall@10 %.4f | brute-force Jaro-Winkler recall@10 %.4f", sub.size(), rs.at10(), b.at10());
        ENTITIES_FOR_IDS = entities;
    }

    // ------------------------------------------------------------------ (3) false alerts, P/R

    /**
     * The held-out half of the false-alert queries: fixed by a hash of the entity id (not by anything about
     * its name), so the development half's alerts can be read while features are built and the other half
     * is only counted, once, after they are frozen.
     */
    /** -Dalerts.dev=true: print the development half only (while features are tuned). */
    static final boolean DEV_ONLY = Boolean.getBoolean("alerts.dev");

    static boolean alertSplitHeldOut(String entityId) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("false-alert split 2026-12-02:" + entityId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return (h[0] & 1) == 1;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void falseAlerts(List<ListEntity> entities, Random rnd) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) order.add(i);
        Collections.shuffle(order, rnd);
        int cut = (int) Math.round(entities.size() * 0.8);
        List<ListEntity> indexed = new ArrayList<>();
        List<ListEntity> held = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) (i < cut ? indexed : held).add(entities.get(order.get(i)));
        ENTITIES_FOR_IDS = indexed;
        ScreeningEngine engine = ScreeningEngine.build(indexed, List.of(), CONFIG);
        double def = engine.config().alertThreshold();
        double[] thresholds = {0.70, 0.75, 0.80, 0.82, 0.85, 0.88, 0.90, 0.92, 0.95};
        // negatives: primary names of held-out entities; top score per query
        double[] negTop = new double[held.size()];
        List<String> examples = new ArrayList<>();
        int identical = 0;
        boolean[] identicalTop = new boolean[held.size()];
        List<String> devAlerts = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            ScreeningResult r = engine.screen(new ScreeningQuery(held.get(i).primaryName(), null, 1, null, null, null));
            negTop[i] = r.hits().isEmpty() ? 0 : r.hits().get(0).score();
            if (negTop[i] >= def && engine.analyse(held.get(i).primaryName()).text()
                    .equals(engine.analyse(r.hits().get(0).explanation().matchedAlias()).text())) {
                identical++;
                identicalTop[i] = true;
            }
            if (negTop[i] >= def && !alertSplitHeldOut(held.get(i).id())) {
                Hit h = r.hits().get(0);
                devAlerts.add(String.format(Locale.ROOT, "%s '%s' [%s] -> '%s' [%s %s] %.3f %s%s %s", held.get(i).id(),
                        held.get(i).primaryName(), held.get(i).schema(), h.explanation().matchedAlias(), h.entityId(),
                        h.schema(), h.score(), identicalTop[i] ? "IDENTICAL " : "",
                        h.explanation().features().stream().filter(f -> f.value() != 0)
                                .map(f -> String.format(Locale.ROOT, "%s=%.2f", f.name(), f.value())).toList(),
                        h.explanation().tokens().stream().map(t -> String.format(Locale.ROOT, "%s~%s:%.2f/%.1f",
                                t.queryToken(), t.listedToken(), t.similarity(), t.weight())).toList()));
            }
            if (negTop[i] >= def && examples.size() < 15 && !alertSplitHeldOut(held.get(i).id())) {
                examples.add(String.format(Locale.ROOT, "'%s' -> '%s' (%s) %.3f", held.get(i).primaryName(),
                        r.hits().get(0).explanation().matchedAlias(), r.hits().get(0).entityId(), negTop[i]));
            }
        }
        // positives: noisy variants of indexed names; score of the true entity and top wrong score
        List<Query> pos = noisyQueries(indexed, 3000, new Random(SEED + 3));
        ENTITIES_FOR_IDS = indexed;
        double[] posTrue = new double[pos.size()], posWrong = new double[pos.size()];
        for (int i = 0; i < pos.size(); i++) {
            List<Hit> hits = engine.screen(new ScreeningQuery(pos.get(i).text(), null, 10, null, null, null)).hits();
            String want = indexed.get(pos.get(i).entity()).id();
            for (Hit h : hits) {
                if (h.entityId().equals(want)) posTrue[i] = Math.max(posTrue[i], h.score());
                else posWrong[i] = Math.max(posWrong[i], h.score());
            }
        }
        long fa = Arrays.stream(negTop).filter(s -> s >= def).count();
        out("\n## (3) False alerts: index 80%% (%d entities), screen the primary names of the other 20%% (%d)",
                indexed.size(), held.size());
        if (!DEV_ONLY) out("alert rate at the default threshold %.2f: %.4f (%d of %d)", def, (double) fa / held.size(), fa, held.size());
        if (!DEV_ONLY) out("of these, %d are identical to an indexed name after normalisation (the same name listed for two entities: "
                + "no name-only screener can avoid them); alert rate without them: %.4f", identical,
                (double) (fa - identical) / held.size());
        // the same figure on two halves fixed by a hash of the entity id, before any feature was tuned on them:
        // "development" (its alerts may be read) and "held out" (only counted)
        int[] n = new int[2], alerts = new int[2], same = new int[2];
        for (int i = 0; i < held.size(); i++) {
            int half = alertSplitHeldOut(held.get(i).id()) ? 1 : 0;
            n[half]++;
            if (negTop[i] >= def) {
                alerts[half]++;
                if (identicalTop[i]) same[half]++;
            }
        }
        for (int half = 0; half < (DEV_ONLY ? 1 : 2); half++) {
            out("%s half: %d queries, alert rate %.4f (%d), %d of them identical to an indexed name; without them %.4f (%d)",
                    half == 0 ? "development" : "held-out", n[half], (double) alerts[half] / n[half], alerts[half],
                    same[half], (double) (alerts[half] - same[half]) / n[half], alerts[half] - same[half]);
        }
        if (Boolean.getBoolean("alerts.list")) {   // every development-half alert with the features that fired
            for (String line : devAlerts) out("  dev alert: %s", line);
        }
        out("\nthreshold | development half: alerts (rate) | without identical names (rate)%s", DEV_ONLY ? "" : " | held-out half: alerts | without identical names");
        out("---|---|---%s", DEV_ONLY ? "" : "|---|---");
        for (double t = 0.86; t <= 0.955; t += 0.01) {
            int[] a = new int[2], x = new int[2];
            for (int i = 0; i < held.size(); i++) {
                if (negTop[i] < t - 1e-9) continue;
                int half = alertSplitHeldOut(held.get(i).id()) ? 1 : 0;
                a[half]++;
                if (!identicalTop[i]) x[half]++;
            }
            String dev = String.format(Locale.ROOT, "%.2f | %d (%.4f) | %d (%.4f)", t, a[0], (double) a[0] / n[0], x[0], (double) x[0] / n[0]);
            out(DEV_ONLY ? dev : dev + String.format(Locale.ROOT, " | %d (%.4f) | %d (%.4f)", a[1], (double) a[1] / n[1], x[1], (double) x[1] / n[1]));
        }
        if (DEV_ONLY) { ENTITIES_FOR_IDS = entities; return; }
        out("examples of held-out names that alerted (many are the same person, vessel or company listed twice):");
        for (String e : examples) out("  - %s", e);
        out("\nthreshold | recall (noisy variants of indexed names, true entity >= t) | false-alert rate (held-out names) | precision (alerting queries whose best alert is right, %d positive + %d negative queries)",
                pos.size(), held.size());
        out("---|---|---|---");
        for (double t : thresholds) {
            int tp = 0, fp = 0, rec = 0, neg = 0;
            for (int i = 0; i < pos.size(); i++) {
                if (posTrue[i] >= t) rec++;
                boolean anyAlert = posTrue[i] >= t || posWrong[i] >= t;
                if (anyAlert) { if (posTrue[i] >= posWrong[i]) tp++; else fp++; }
            }
            for (double s : negTop) if (s >= t) { neg++; fp++; }
            out("%.2f | %.4f | %.4f | %.4f", t, (double) rec / pos.size(), (double) neg / held.size(),
                    tp + fp == 0 ? 1.0 : (double) tp / (tp + fp));
        }
        ENTITIES_FOR_IDS = entities;
    }

    // ------------------------------------------------------------------ speed

    /**
     * Every speed figure is taken on noisy queries the engine has not seen before (fresh seeds), so the
     * term cache helps only as much as real tokens repeat between different names.
     */
    static void speed(List<ListEntity> entities, BruteForceJaroWinkler baseline) throws Exception {
        ENTITIES_FOR_IDS = entities;
        ScreeningEngine engine = ScreeningEngine.build(entities, List.of(), CONFIG);
        ScreeningEngine uncached = ScreeningEngine.build(entities, List.of(), CONFIG.withTermCacheSize(0));
        List<String> warm = texts(noisyQueries(entities, 5000, new Random(SEED + 20)));
        for (int w = 0; w < 2; w++) for (String q : warm) { engine.screen(ScreeningQuery.of(q)); uncached.screen(ScreeningQuery.of(q)); }
        out("\n## Speed (single thread, limit 10; every set is 5,000 fresh noisy queries, after 10,000 warm-up queries of another seed)");
        out("configuration | wall p50 | wall p99 | CPU p50 | CPU p99 | queries per CPU-second");
        out("---|---|---|---|---|---");
        double[] cached = latency(engine, texts(noisyQueries(entities, 5000, new Random(SEED + 21))), false);
        out("default (term cache on, explanations built when read) | %.3f ms | %.3f ms | %.3f ms | %.3f ms | %.0f",
                cached[0], cached[1], cached[2], cached[3], cached[4]);
        double[] explained = latency(engine, texts(noisyQueries(entities, 5000, new Random(SEED + 23))), true);
        out("default, every hit's explanation built | %.3f ms | %.3f ms | %.3f ms | %.3f ms | %.0f",
                explained[0], explained[1], explained[2], explained[3], explained[4]);
        double[] cold = latency(uncached, texts(noisyQueries(entities, 5000, new Random(SEED + 24))), false);
        out("term cache off | %.3f ms | %.3f ms | %.3f ms | %.3f ms | %.0f", cold[0], cold[1], cold[2], cold[3], cold[4]);
        RecombinedNames recombined = new RecombinedNames(entities);
        for (String q : recombined.names(2000, SEED + 27)) engine.screen(ScreeningQuery.of(q));
        double[] nothing = latency(engine, recombined.names(5000, SEED + 28), false);
        out("default, names that match nothing (recombined from listed tokens) | %.3f ms | %.3f ms | %.3f ms | %.3f ms | %.0f",
                nothing[0], nothing[1], nothing[2], nothing[3], nothing[4]);
        List<String> bq = texts(noisyQueries(entities, 300, new Random(SEED + 26)));
        for (int i = 0; i < 20; i++) baseline.top(bq.get(i), 10);
        long[] bns = new long[bq.size()];
        for (int i = 0; i < bq.size(); i++) {
            long t = System.nanoTime();
            baseline.top(bq.get(i), 10);
            bns[i] = System.nanoTime() - t;
        }
        Arrays.sort(bns);
        double bp50 = bns[bns.length / 2] / 1e6, bp99 = bns[(int) (bns.length * 0.99)] / 1e6;
        out("brute-force Jaro-Winkler baseline (%d queries): p50 %.2f ms, p99 %.2f ms", bq.size(), bp50, bp99);
        out("speed-up at p50: %.0fx (term cache off: %.0fx); load average now %.2f", bp50 / cached[0], bp50 / cold[0],
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out("\nbatch (20,000 fresh noisy queries per run, limit 10):");
        long seed = SEED + 30;
        for (ScreeningEngine e : List.of(engine, uncached)) {
            for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
                List<String> qs = texts(noisyQueries(entities, 20_000, new Random(seed++)));
                double secs = batch(e, qs, threads);
                out("- %s, %d thread(s): %.2f s = %.0f names/s (%.0f per thread)",
                        e == engine ? "term cache on" : "term cache off", threads, secs, qs.size() / secs, qs.size() / secs / threads);
            }
        }
        for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
            List<String> qs = recombined.names(20_000, seed++);
            double secs = batch(engine, qs, threads);
            out("- names that match nothing (recombined), term cache on, %d thread(s): %.2f s = %.0f names/s (%.0f per thread)",
                    threads, secs, qs.size() / secs, qs.size() / secs / threads);
        }
    }

    /**
     * What a cold {@code custody screen NAME} does after the lists are read: the engine restored from its
     * snapshot (written to {@code file} first when missing) and one query, timed in this JVM, which should
     * be a fresh one with the launcher's flags ({@code -XX:TieredStopAtLevel=1}). Prints wall and CPU (all
     * threads of the process) of the restore and of the first query.
     */
    static void restore(List<ListEntity> entities, Path file) throws Exception {
        if (!Files.exists(file)) {
            ScreeningEngine built = ScreeningEngine.build(entities, List.of(), CONFIG);
            try (var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
                org.custody.screening.EngineSnapshot.write(built, out);
            }
            out("snapshot written to %s", file);
            return;
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        byte[] bytes = Files.readAllBytes(file);
        long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        ScreeningEngine engine = org.custody.screening.EngineSnapshot.read(
                new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes)), () -> entities, List.of(), CONFIG);
        long c1 = os.getProcessCpuTime(), t1 = System.nanoTime();
        ScreeningResult r = engine.screen(ScreeningQuery.of("Kataib Hezbollah"));
        long c2 = os.getProcessCpuTime(), t2 = System.nanoTime();
        out("restore: wall %.0f ms, CPU %.0f ms; first query (%d hits): wall %.0f ms, CPU %.0f ms; load average %.2f",
                (t1 - t0) / 1e6, (c1 - c0) / 1e6, r.hits().size(), (t2 - t1) / 1e6, (c2 - c1) / 1e6, os.getSystemLoadAverage());
    }

    /**
     * The query path alone, for comparing two builds of the engine on a shared machine: after 10,000
     * warm-up queries, {@code rounds} rounds of 5,000 fresh noisy queries on one thread, each round's CPU
     * time per query (the querying thread's, so other processes' load counts only through shared caches);
     * prints every round and the median round.
     */
    static void queryCpu(List<ListEntity> entities, int rounds, String set) {
        if (!set.equals("noisy") && !set.equals("recombined")) throw new IllegalArgumentException("query set: noisy or recombined, not " + set);
        boolean noisy = set.equals("noisy");
        RecombinedNames recombined = new RecombinedNames(entities);
        ScreeningEngine engine = ScreeningEngine.build(entities, List.of(), CONFIG);
        List<String> warm = noisy ? texts(noisyQueries(entities, 5000, new Random(SEED + 20))) : recombined.names(5000, SEED + 20);
        for (int w = 0; w < 2; w++) for (String q : warm) engine.screen(ScreeningQuery.of(q));
        out("\n## Query path, single thread (rounds of 5,000 fresh %s after 10,000 warm-up queries, limit 10)",
                noisy ? "noisy queries" : "names that match nothing, recombined from listed tokens");
        out("round | CPU p50 | CPU p99 | queries per CPU-second | load average");
        out("---|---|---|---|---");
        double[] perSecond = new double[rounds];
        double[] p50 = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double[] x = latency(engine, noisy ? texts(noisyQueries(entities, 5000, new Random(SEED + 100 + r)))
                    : recombined.names(5000, SEED + 100 + r), false);
            perSecond[r] = x[4];
            p50[r] = x[2];
            out("%d | %.3f ms | %.3f ms | %.0f | %.2f", r + 1, x[2], x[3], x[4],
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        Arrays.sort(perSecond);
        Arrays.sort(p50);
        out("median of %d rounds: CPU p50 %.3f ms, %.0f queries per CPU-second", rounds, p50[rounds / 2], perSecond[rounds / 2]);
    }

    /**
     * Every answer of the engine on 6,000 queries (5,000 noisy variants of the speed set's seed, 1,000 listed
     * names as written): each hit's id, score and verdict, and every explanation of the first 300 queries,
     * hashed (SHA-256) and, given a file, written out. A change meant only to make screening faster must
     * leave the digest as it was; the single-thread time of the 6,000 queries is printed beside it.
     */
    static void digest(List<ListEntity> entities, Path file) throws Exception {
        ScreeningEngine engine = ScreeningEngine.build(entities, List.of(), CONFIG);
        List<String> qs = new ArrayList<>(texts(noisyQueries(entities, 5000, new Random(SEED + 21))));
        Random rnd = new Random(SEED + 40);
        for (int i = 0; i < 1000; i++) qs.add(entities.get(rnd.nextInt(entities.size())).primaryName());
        StringBuilder sb = new StringBuilder(1 << 20);
        var mx = ManagementFactory.getThreadMXBean();
        long cpu = 0;
        for (int i = 0; i < qs.size(); i++) {
            long c = mx.getCurrentThreadCpuTime();
            ScreeningResult r = engine.screen(ScreeningQuery.of(qs.get(i)));
            cpu += mx.getCurrentThreadCpuTime() - c;
            sb.append(qs.get(i));
            for (Hit h : r.hits()) {
                sb.append('\t').append(h.entityId()).append(' ').append(h.score()).append(h.alert() ? " !" : "");
                if (i < 300) sb.append(' ').append(h.explanation());
            }
            sb.append('\n');
        }
        byte[] bytes = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (file != null) java.nio.file.Files.write(file, bytes);
        out("digest of %d queries: %s (single thread, %.2f s CPU, first pass, JIT warming up included)", qs.size(),
                java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)),
                cpu / 1e9);
        // names that match nothing (recombined from listed tokens): every hit's id, score and verdict
        StringBuilder rb = new StringBuilder(1 << 20);
        for (String q : new RecombinedNames(entities).names(3000, SEED + 41)) {
            rb.append(q);
            for (Hit h : engine.screen(ScreeningQuery.of(q)).hits()) {
                rb.append('\t').append(h.entityId()).append(' ').append(h.score()).append(h.alert() ? " !" : "");
            }
            rb.append('\n');
        }
        byte[] rbytes = rb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (file != null) java.nio.file.Files.write(Path.of(file.toString().replace(".tsv", "-recombined.tsv")), rbytes);
        out("digest of 3000 recombined names that match nothing: %s",
                java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(rbytes)));
    }

    static List<String> texts(List<Query> qs) {
        return qs.stream().map(Query::text).toList();
    }

    /** Wall p50, p99, CPU p50, p99 (ms) and queries per CPU-second of single-thread screening. */
    static double[] latency(ScreeningEngine engine, List<String> qs, boolean explain) {
        long[] ns = new long[qs.size()];
        long[] cpu = new long[qs.size()];
        var mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < qs.size(); i++) {
            long c = mx.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            ScreeningResult r = engine.screen(ScreeningQuery.of(qs.get(i)));
            if (explain) for (Hit h : r.hits()) h.explanation();
            ns[i] = System.nanoTime() - t;
            cpu[i] = mx.getCurrentThreadCpuTime() - c;
        }
        double cpuTotal = Arrays.stream(cpu).sum() / 1e9;
        Arrays.sort(ns);
        Arrays.sort(cpu);
        return new double[] {ns[ns.length / 2] / 1e6, ns[(int) (ns.length * 0.99)] / 1e6, cpu[cpu.length / 2] / 1e6,
                cpu[(int) (cpu.length * 0.99)] / 1e6, qs.size() / cpuTotal};
    }

    static double batch(ScreeningEngine engine, List<String> qs, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int k = 0; k < threads; k++) {
                final int start = k;
                fs.add(pool.submit(() -> {
                    for (int i = start; i < qs.size(); i += threads) engine.screen(ScreeningQuery.of(qs.get(i)));
                }));
            }
            for (Future<?> f : fs) f.get();
            return (System.nanoTime() - t) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * A short batch in a fresh JVM, the way {@code custody screen --batch} runs one: {@code n} names of one set
     * (noisy variants or recombined names that match nothing) screened in chunks of 2,048 on every core, each
     * hit's explanation summary built as the lean JSON output does. Prints the process CPU time (every thread:
     * the compiler's and the collector's too) of each chunk and of the whole batch, so that a batch's cost per
     * name can be split into warming up and steady state. Run once per set, each in its own JVM.
     */
    static void cold(List<ListEntity> entities, int n, String set) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<String> qs = switch (set) {
            case "recombined" -> new RecombinedNames(entities).names(n, SEED + 50);
            case "noisy" -> texts(noisyQueries(entities, n, new Random(SEED + 50)));
            default -> throw new IllegalArgumentException("set: noisy or recombined, not " + set);
        };
        long c0 = os.getProcessCpuTime();
        ScreeningEngine engine = ScreeningEngine.build(entities, List.of(), CONFIG);
        long c1 = os.getProcessCpuTime();
        out("\n## Cold batch of %,d %s in a fresh JVM (chunks of 2,048 on %d threads, explanation summaries built)", n,
                set.equals("noisy") ? "noisy variants" : "recombined names that match nothing",
                Runtime.getRuntime().availableProcessors());
        out("index build: CPU %.2f s (all threads)", (c1 - c0) / 1e9);
        out("chunk | names | process CPU per name | load average");
        out("---|---|---|---");
        int chunk = 2048;
        double last = 0;
        for (int from = 0, k = 1; from < qs.size(); from += chunk, k++) {
            List<String> part = qs.subList(from, Math.min(qs.size(), from + chunk));
            long c = os.getProcessCpuTime();
            part.parallelStream().forEach(q -> {       // this thread and the common pool, as the command does
                for (Hit h : engine.screen(ScreeningQuery.of(q)).hits()) h.explanation().summary();
            });
            last = (os.getProcessCpuTime() - c) / 1e6 / part.size();
            out("%d | %d | %.3f ms | %.2f", k, part.size(), last, os.getSystemLoadAverage());
        }
        long c2 = os.getProcessCpuTime();
        out("batch: process CPU %.2f s for %,d names = %.3f ms per name (last chunk %.3f ms per name); index build + batch %.2f s",
                (c2 - c1) / 1e9, qs.size(), (c2 - c1) / 1e6 / qs.size(), last, (c2 - c0) / 1e9);
    }

    // ------------------------------------------------------------------ 1,000,000 synthetic names

    static void scale(List<ListEntity> real) {
        Random rnd = new Random(SEED + 10);
        List<String> personFamily = new ArrayList<>(), personGiven = new ArrayList<>(), orgTokens = new ArrayList<>();
        List<Integer> personLen = new ArrayList<>(), orgLen = new ArrayList<>();
        for (ListEntity e : real) {
            for (Alias a : e.allNames()) {
                String n = a.name();
                if (e.schema() == Schema.PERSON) {
                    int comma = n.indexOf(',');
                    String fam = comma > 0 ? n.substring(0, comma) : n;
                    String giv = comma > 0 ? n.substring(comma + 1) : "";
                    personFamily.addAll(Arrays.asList(fam.trim().split("\\s+")));
                    for (String g : giv.trim().split("\\s+")) if (!g.isEmpty()) personGiven.add(g);
                    personLen.add(n.split("[\\s,]+").length);
                } else {
                    List<String> w = Arrays.asList(n.trim().split("\\s+"));
                    orgTokens.addAll(w);
                    orgLen.add(w.size());
                }
            }
        }
        int n = 1_000_000;
        List<ListEntity> synth = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name;
            Schema schema;
            if (rnd.nextInt(100) < 45) {
                schema = Schema.PERSON;
                int len = Math.max(2, personLen.get(rnd.nextInt(personLen.size())));
                StringBuilder sb = new StringBuilder(personFamily.get(rnd.nextInt(personFamily.size()))).append(',');
                for (int k = 1; k < len; k++) sb.append(' ').append(personGiven.get(rnd.nextInt(personGiven.size())));
                name = sb.toString();
            } else {
                schema = Schema.ORGANIZATION;
                int len = orgLen.get(rnd.nextInt(orgLen.size()));
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < len; k++) sb.append(k > 0 ? " " : "").append(orgTokens.get(rnd.nextInt(orgTokens.size())));
                name = sb.toString();
            }
            synth.add(new ListEntity("synthetic:" + i, "synthetic", Integer.toString(i), schema, name, List.of(),
                    List.of(), List.of(), List.of(), List.of(), List.of(), ""));
        }
        ENTITIES_FOR_IDS = synth;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t = System.nanoTime();
        ScreeningEngine engine = ScreeningEngine.build(synth, List.of(), CONFIG);
        double buildMs = (System.nanoTime() - t) / 1e6;
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        out("\n## 1,000,000-name synthetic list (seeded recombination of real SDN tokens; persons 'FAMILY, Given...', organisations from organisation-name tokens)");
        out("index build %.0f ms; heap used after GC: %d MiB with list + index (%d MiB before the index, so the index itself takes %d MiB); max heap %d MiB",
                buildMs, after >> 20, before >> 20, (after - before) >> 20, rt.maxMemory() >> 20);
        List<Query> qs = noisyQueries(synth, 3000, new Random(SEED + 11));
        ENTITIES_FOR_IDS = synth;
        for (Query q : qs.subList(0, 1000)) engine.screen(ScreeningQuery.of(q.text()));
        long[] ns = new long[qs.size()];
        long[] cpu = new long[qs.size()];
        var mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < qs.size(); i++) {
            long c = mx.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            engine.screen(ScreeningQuery.of(qs.get(i).text()));
            ns[i] = System.nanoTime() - s;
            cpu[i] = mx.getCurrentThreadCpuTime() - c;
        }
        Arrays.sort(ns);
        Arrays.sort(cpu);
        out("thread CPU time per query: p50 %.3f ms, p99 %.3f ms (load average %.2f)", cpu[cpu.length / 2] / 1e6,
                cpu[(int) (cpu.length * 0.99)] / 1e6, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Recall r = recall(engine, qs);
        out("queries: %d noisy variants of synthetic names: p50 %.3f ms, p99 %.3f ms, max %.1f ms; recall@10 %.4f (recall@1 %.4f, low because recombined names collide)",
                qs.size(), ns[ns.length / 2] / 1e6, ns[(int) (ns.length * 0.99)] / 1e6, ns[ns.length - 1] / 1e6, r.at10(), r.at1());
        ScreeningConfig c = engine.config();
        out("engine config: threshold %.2f, candidates %d", c.alertThreshold(), c.candidates());
    }

    /** Index build time, wall clock and process CPU time (all threads), so load from other jobs shows. */
    static void build(List<ListEntity> entities) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Double> wall = new ArrayList<>(), cpu = new ArrayList<>();
        ScreeningEngine engine = null;
        for (int i = 0; i < 11; i++) {
            long c = os.getProcessCpuTime();
            long t = System.nanoTime();
            engine = ScreeningEngine.build(entities, List.of(), CONFIG);
            wall.add((System.nanoTime() - t) / 1e6);
            cpu.add((os.getProcessCpuTime() - c) / 1e6);
        }
        out("\n## Index build (full SDN, %d analysed names), 11 builds in one JVM", engine.indexedNames());
        out("first (cold JVM): wall %.0f ms, CPU %.0f ms; builds 2-11: wall median %.0f ms (min %.0f), CPU median %.0f ms (min %.0f); load average %.2f",
                wall.get(0), cpu.get(0), median(wall.subList(1, 11)), Collections.min(wall.subList(1, 11)),
                median(cpu.subList(1, 11)), Collections.min(cpu.subList(1, 11)), os.getSystemLoadAverage());
    }

    // ------------------------------------------------------------------ helpers

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    static void out(String fmt, Object... args) {
        System.out.println(String.format(Locale.ROOT, fmt, args));
    }

    static Set<String> unused() {
        return Set.of();
    }

    private ScreeningBench() { }

    static void write(Path p, String s) throws Exception {
        Files.writeString(p, s);
    }
}
