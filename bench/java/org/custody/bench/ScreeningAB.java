package org.custody.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.custody.lists.ListEntity;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;

/**
 * Two builds of the screening engine in one JVM, taking turns on the same queries, so that both see the
 * same load: on a shared machine the CPU time of one thread moves by half between minutes, which hides a
 * difference of tens of per cent between two runs made one after the other. Each build is loaded from its
 * own class folder (for example main's, compiled from {@code git archive}) in a class loader of its own,
 * with the same dependency jars; each builds its engine on the real OFAC SDN list, warms up on 10,000
 * queries, then the two alternate rounds of 1,000 fresh queries (the same queries for both, each round's
 * order of builds swapped). Prints each round's queries per CPU-second of the querying thread for both
 * builds and the median of the per-round ratios.
 *
 * <pre>
 *   ScreeningAB DATA_DIR OLD_CLASSES NEW_CLASSES ROUNDS noisy|recombined
 * </pre>
 */
public final class ScreeningAB {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int rounds = Integer.parseInt(args[3]);
        String set = args[4];
        if (!set.equals("noisy") && !set.equals("recombined")) throw new IllegalArgumentException("set: noisy or recombined, not " + set);
        List<ListEntity> entities = OfacCsvImporter.read(OfacCsvSet.inFolder(data).orElseThrow(
                () -> new IllegalArgumentException("no OFAC CSV set in " + data))).entities();
        Queries queries = new Queries(entities, set);
        Build old = new Build(Path.of(args[1]), data);
        Build neu = new Build(Path.of(args[2]), data);
        List<String> warm = queries.of(5000, ScreeningBench.SEED + 20);
        old.warm(warm);
        neu.warm(warm);
        ScreeningBench.out("\n## Two builds taking turns (%s, rounds of 1,000 fresh %s after 10,000 warm-up queries each, limit 10)",
                set, set.equals("noisy") ? "noisy queries" : "names that match nothing, recombined from listed tokens");
        ScreeningBench.out("old: %s, new: %s", args[1], args[2]);
        ScreeningBench.out("round | old queries per CPU-second | new queries per CPU-second | new / old | load average");
        ScreeningBench.out("---|---|---|---|---");
        double[] o = new double[rounds], n = new double[rounds], ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long seed = ScreeningBench.SEED + 1000 + r;
            List<String> qs = queries.of(1000, seed);
            if (r % 2 == 0) { o[r] = old.round(qs); n[r] = neu.round(qs); }
            else { n[r] = neu.round(qs); o[r] = old.round(qs); }
            ratio[r] = n[r] / o[r];
            ScreeningBench.out("%d | %.0f | %.0f | %.2f | %.2f", r + 1, o[r], n[r], ratio[r],
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        Arrays.sort(o);
        Arrays.sort(n);
        Arrays.sort(ratio);
        ScreeningBench.out("median of %d rounds: old %.0f, new %.0f queries per CPU-second; median ratio new / old %.2f",
                rounds, o[rounds / 2], n[rounds / 2], ratio[rounds / 2]);
    }

    /** The queries both builds answer, made once by this build of the benchmark. */
    private record Queries(List<ListEntity> entities, String set, RecombinedNames recombined) {
        Queries(List<ListEntity> entities, String set) {
            this(entities, set, new RecombinedNames(entities));
        }

        List<String> of(int count, long seed) {
            if (set.equals("recombined")) return recombined.names(count, seed);
            return ScreeningBench.texts(ScreeningBench.noisyQueries(entities, count, new Random(seed)));
        }
    }

    /**
     * One build: its class loader and its engine on its own parse of the list; timed by that build's own
     * {@code ScreeningBench.latency}, so an older build needs nothing of this benchmark's newer code.
     */
    private static final class Build {
        private final Object engine;
        private final Method latency;

        Build(Path classes, Path data) throws Exception {
            List<URL> urls = new ArrayList<>();
            urls.add(classes.toUri().toURL());
            // the dependency jars of this JVM's class path (its own class folders left out)
            for (String p : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                if (!p.isBlank() && p.endsWith(".jar")) urls.add(Path.of(p).toUri().toURL());
            }
            ClassLoader cl = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> importer = cl.loadClass("org.custody.lists.ofac.OfacCsvImporter");
            Class<?> csvSet = cl.loadClass("org.custody.lists.ofac.OfacCsvSet");
            Object found = ((java.util.Optional<?>) csvSet.getMethod("inFolder", Path.class).invoke(null, data)).orElseThrow();
            Object parsed = importer.getMethod("read", csvSet).invoke(null, found);
            Object entities = parsed.getClass().getMethod("entities").invoke(parsed);
            Class<?> engineClass = cl.loadClass("org.custody.screening.ScreeningEngine");
            engine = engineClass.getMethod("build", List.class, List.class).invoke(null, entities, List.of());
            latency = cl.loadClass("org.custody.bench.ScreeningBench")
                    .getDeclaredMethod("latency", engineClass, List.class, boolean.class);
            latency.setAccessible(true);
        }

        void warm(List<String> qs) throws Exception {
            for (int w = 0; w < 2; w++) latency.invoke(null, engine, qs, false);
        }

        /** Queries per CPU-second of the querying thread on {@code qs}. */
        double round(List<String> qs) throws Exception {
            return ((double[]) latency.invoke(null, engine, qs, false))[4];
        }
    }

    private ScreeningAB() { }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
