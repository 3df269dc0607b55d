package org.custody.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.custody.lists.ListSource;
import org.custody.lists.ListVersion;
import org.custody.lists.ShrinkGuard;
import org.custody.lists.SourceFiles;
import org.custody.lists.download.Progress;
import org.custody.store.lists.ListImports;
import org.custody.store.lists.WatchlistStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code custody lists}: import, show and update the watchlists screening runs against. */
@Command(name = "lists", mixinStandardHelpOptions = true,
        description = "Import, show and update watchlists (OFAC SDN/non-SDN CSV or XML, UN SC XML, FollowTheMoney).",
        subcommands = {ListsCommand.Import.class, ListsCommand.Show.class, ListsCommand.Update.class})
final class ListsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Reads every source and imports them together (refusing the whole import on the first malformed file). */
    static List<WatchlistStore.ImportOutcome> parseAndImport(CliContext context, List<ListSource> sources,
                                                             String sourceText, boolean allowShrink) {
        return parseAndImport(context, sources, sourceText, allowShrink, s -> SourceFiles.provenance(s.files(), true));
    }

    /**
     * As above; {@code provenance} describes each list's own files (each version records only the files it
     * was read from, with their hashes). The files are parsed while their entities are written, inside the
     * import's one transaction, so no list is ever whole in memory; a malformed file rolls it all back.
     */
    static List<WatchlistStore.ImportOutcome> parseAndImport(CliContext context, List<ListSource> sources,
            String sourceText, boolean allowShrink, java.util.function.Function<ListSource, String> provenance) {
        return imports(context).parseAndImport(sources, sourceText, allowShrink, provenance);
    }

    static ListImports imports(CliContext context) {
        return new ListImports(context.database(), shrinkGuard(context), context::invalidateScreener);
    }

    /** The guard against emptied or gutted lists: {@code lists.max-drop-share} in custody.properties, default 0.10. */
    static ShrinkGuard shrinkGuard(CliContext context) {
        return ListImports.shrinkGuard(properties(context), context.home().resolve("custody.properties").toString());
    }

    static void report(List<WatchlistStore.ImportOutcome> outcomes, boolean json, PrintStream out) {
        for (WatchlistStore.ImportOutcome o : outcomes) {
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("list", o.listId());
                m.put("version", o.version().version());
                m.put("unchanged", o.unchanged());
                m.put("replaced", o.replaced() == null ? null : o.replaced().version());
                m.put("entities", o.version().entityCount());
                m.put("contentHash", o.version().contentHash());
                m.put("publishedAt", o.version().publishedAt());
                m.put("files", o.version().files());
                m.put("counts", o.counts());
                m.put("warnings", o.warnings());
                out.println(Json.line(m));
                continue;
            }
            if (o.unchanged()) {
                out.printf("%s: unchanged, same content as the current version %d (%d entities)%n", o.listId(),
                        o.version().version(), o.version().entityCount());
            } else {
                out.printf("%s: version %d is now current (%d entities%s)%s%n", o.listId(), o.version().version(),
                        o.version().entityCount(),
                        o.replaced() == null ? "" : ", replaces version " + o.replaced().version(),
                        o.version().publishedAt() == null ? "" : ", published " + o.version().publishedAt());
            }
            for (String w : o.warnings()) System.err.println("  note: " + w);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import list files as the new current version of their lists (one transaction).")
    static final class Import implements Runnable {
        private final CliContext context;

        @Option(names = "--list", paramLabel = "ID", description = "List id to import under (one list only).")
        String listId;

        @Option(names = "--bundled", description = "Import the public-domain lists bundled under data/lists.")
        boolean bundled;

        @Option(names = "--allow-shrink", description = "Accept a new version that is empty or drops more than "
                + "lists.max-drop-share (default 10 %%) of the current version's entities.")
        boolean allowShrink;

        @Option(names = "--json", description = "JSON Lines output, one object per list.")
        boolean json;

        @Parameters(paramLabel = "PATH", arity = "0..*",
                description = "Files or folders: an OFAC folder (sdn.csv, alt.csv, ...), sdn.xml, UN consolidated.xml, FtM .json lines.")
        List<Path> paths = new ArrayList<>();

        Import(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            List<Path> all = new ArrayList<>(paths);
            if (bundled) all.add(bundledFolder());
            if (all.isEmpty()) throw new IllegalArgumentException("give PATH... or --bundled");
            List<ListSource> sources = ListSource.detect(all, listId);
            String sourceText = sources.stream().flatMap(s -> s.files().stream())
                    .map(p -> p.toAbsolutePath().normalize().toString()).collect(Collectors.joining(" "));
            report(parseAndImport(context, sources, sourceText, allowShrink), json, System.out);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show each list's current version, its counts and its version history.")
    static final class Show implements Runnable {
        private final CliContext context;

        @Option(names = "--json", description = "JSON Lines output, one object per list.")
        boolean json;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            WatchlistStore store = new WatchlistStore(context.database());
            List<String> ids = store.listIds();
            if (ids.isEmpty() && !json) {
                System.out.println("no lists imported yet (try: custody lists import --bundled)");
                return;
            }
            for (String id : ids) {
                List<WatchlistStore.VersionPeriod> history = store.history(id);
                WatchlistStore.VersionPeriod current = history.stream().filter(WatchlistStore.VersionPeriod::current)
                        .findFirst().orElse(null);
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("list", id);
                    m.put("current", current == null ? null : period(current));
                    m.put("history", history.stream().map(Show::period).toList());
                    System.out.println(Json.line(m));
                    continue;
                }
                if (current != null) {
                    ListVersion v = current.version();
                    System.out.printf("%s  version %d  %d entities  published %s  imported %s  sha256 %s%n", id,
                            v.version(), v.entityCount(), v.publishedAt() == null ? "date " + ListVersion.NOT_STATED : v.publishedAt(),
                            v.importedAt(), v.contentHash().substring(0, 12));
                    System.out.println("    counts: " + current.counts());
                    for (String file : v.source().split("; ")) System.out.println("    file: " + file);
                }
                for (WatchlistStore.VersionPeriod p : history) {
                    System.out.printf("    v%-3d %s .. %s  %6d entities  %s%n", p.version().version(), p.validFrom(),
                            p.validTo() == null ? "now (current)" : p.validTo(), p.version().entityCount(),
                            p.version().source());
                }
            }
        }

        private static Map<String, Object> period(WatchlistStore.VersionPeriod p) {
            Map<String, Object> m = new LinkedHashMap<>();
            ListVersion v = p.version();
            m.put("version", v.version());
            m.put("publishedAt", v.publishedAt());
            m.put("importedAt", v.importedAt());
            m.put("validFrom", p.validFrom());
            m.put("validTo", p.validTo());
            m.put("current", p.current());
            m.put("entities", v.entityCount());
            m.put("contentHash", v.contentHash());
            m.put("source", v.source());
            m.put("files", v.files());
            m.put("counts", p.counts());
            return m;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Fetch the current files from the publishers and import them, all or nothing.")
    static final class Update implements Runnable {
        private final CliContext context;

        @Option(names = "--source", paramLabel = "[LIST=]URL", arity = "1..*",
                description = "Fetch these URLs instead of the configured feeds (lists.source.<list> in custody.properties; "
                        + "defaults: OFAC's Sanctions List Service CSV exports and the UN consolidated XML).")
        List<String> sources = new ArrayList<>();

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", converter = NumericOptions.TimeoutSeconds.class,
                description = "Network timeout per request (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Option(names = "--json", description = "JSON Lines output, one object per list.")
        boolean json;

        @Option(names = "--allow-shrink", description = "Accept a new version that is empty or drops more than "
                + "lists.max-drop-share (default 10 %%) of the current version's entities.")
        boolean allowShrink;

        Update(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            report(imports(context).update(sources, properties(context), context.home().resolve("downloads"),
                    Duration.ofSeconds(timeoutSeconds), new BarProgress(), allowShrink), json, System.out);
        }
    }

    static Properties properties(CliContext context) {
        Properties props = new Properties();
        Path file = context.home().resolve("custody.properties");
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                props.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
            org.custody.config.SecretFiles.checkPrivate(file, props);
        }
        return props;
    }

    /** data/lists in the Custody checkout this program runs from (or $CUSTODY_BUNDLED_LISTS). */
    static Path bundledFolder() {
        String env = System.getenv("CUSTODY_BUNDLED_LISTS");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Distribution.folder("data/lists");
    }

    /** A progress bar per downloaded file, on standard error. */
    static final class BarProgress implements Progress {
        private ProgressBar bar;

        @Override
        public void start(String label, long totalBytes) {
            if (!Bars.stderrIsTerminal()) return;
            bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(totalBytes)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" KiB", 1024).showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }

        @Override
        public void advance(long bytes) {
            if (bar != null) bar.stepBy(bytes);
        }

        @Override
        public void finish() {
            if (bar != null) bar.close();
            bar = null;
        }
    }
}
