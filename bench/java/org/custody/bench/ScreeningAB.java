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
        Build old = new Build(Path.of(args[1]), data, set);
        Build neu = new Build(Path.of(args[2]), data, set);
        old.warm();
        neu.warm();
        ScreeningBench.out("\n## Two builds taking turns (%s, rounds of 1,000 fresh %s after 10,000 warm-up queries each, limit 10)",
                set, set.equals("noisy") ? "noisy queries" : "names that match nothing, recombined from listed tokens");
        ScreeningBench.out("old: %s, new: %s", args[1], args[2]);
        ScreeningBench.out("round | old queries per CPU-second | new queries per CPU-second | new / old | load average");
        ScreeningBench.out("---|---|---|---|---");
        double[] o = new double[rounds], n = new double[rounds], ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long seed = ScreeningBench.SEED + 1000 + r;
            if (r % 2 == 0) { o[r] = old.round(seed); n[r] = neu.round(seed); }
            else { n[r] = neu.round(seed); o[r] = old.round(seed); }
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

    /** One build: its class loader, its engine, and the bench's own query generators as that build has them. */
    private static final class Build {
        private final Object engine;
        private final Object entities;
        private final Method latency;
        private final Method noisy;
        private final Method texts;
        private final Object recombined;
        private final Method names;
        private final String set;

        Build(Path classes, Path data, String set) throws Exception {
            this.set = set;
            List<URL> urls = new ArrayList<>();
            urls.add(classes.toUri().toURL());
            for (String p : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                if (!p.isBlank() && !p.contains("/classes")) urls.add(Path.of(p).toUri().toURL());
            }
            ClassLoader cl = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> importer = cl.loadClass("org.custody.lists.ofac.OfacCsvImporter");
            Class<?> csvSet = cl.loadClass("org.custody.lists.ofac.OfacCsvSet");
            Object found = ((java.util.Optional<?>) csvSet.getMethod("inFolder", Path.class).invoke(null, data)).orElseThrow();
            Object parsed = importer.getMethod("read", csvSet).invoke(null, found);
            entities = parsed.getClass().getMethod("entities").invoke(parsed);
            Class<?> engineClass = cl.loadClass("org.custody.screening.ScreeningEngine");
            engine = engineClass.getMethod("build", List.class, List.class).invoke(null, entities, List.of());
            Class<?> bench = cl.loadClass("org.custody.bench.ScreeningBench");
            latency = bench.getDeclaredMethod("latency", engineClass, List.class, boolean.class);
            noisy = bench.getDeclaredMethod("noisyQueries", List.class, int.class, Random.class);
            texts = bench.getDeclaredMethod("texts", List.class);
            Class<?> rec = cl.loadClass("org.custody.bench.RecombinedNames");
            var ctor = rec.getDeclaredConstructor(List.class);
            ctor.setAccessible(true);
            recombined = ctor.newInstance(entities);
            names = rec.getDeclaredMethod("names", int.class, long.class);
            for (Method m : List.of(latency, noisy, texts, names)) m.setAccessible(true);
        }

        List<?> queries(int count, long seed) throws Exception {
            if (set.equals("recombined")) return (List<?>) names.invoke(recombined, count, seed);
            return (List<?>) texts.invoke(null, noisy.invoke(null, entities, count, new Random(seed)));
        }

        void warm() throws Exception {
            List<?> qs = queries(5000, ScreeningBench.SEED + 20);
            for (int w = 0; w < 2; w++) latency.invoke(null, engine, qs, false);
        }

        /** Queries per CPU-second of the querying thread on 1,000 queries of {@code seed}. */
        double round(long seed) throws Exception {
            return ((double[]) latency.invoke(null, engine, queries(1000, seed), false))[4];
        }
    }

    private ScreeningAB() { }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
