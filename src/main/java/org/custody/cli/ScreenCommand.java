package org.custody.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import me.tongfei.progressbar.ProgressBar;
import org.custody.lists.ListVersion;
import org.custody.lists.Schema;
import org.custody.screening.Explanation;
import org.custody.screening.Hit;
import org.custody.screening.ScoreText;
import org.custody.screening.ScreeningEngine;
import org.custody.screening.ScreeningQuery;
import org.custody.screening.ScreeningResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code custody screen}: names against every current watchlist, best hits first, each explained. */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = "Screen names against the current watchlists (quote a name of several words).")
final class ScreenCommand implements Runnable {

    private final CliContext context;

    @Option(names = "--json", description = "JSON Lines: one object per query.")
    boolean json;

    @Option(names = "--schema", paramLabel = "S", description = "person, organization, vessel, aircraft or other.")
    String schema;

    @Option(names = "--limit", paramLabel = "K", defaultValue = "10", converter = NumericOptions.HitLimit.class, description = "Hits per query (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--threshold", paramLabel = "T", converter = NumericOptions.Share.class, description = "Alert threshold 0..1 (default: the engine's documented default).")
    Double threshold;

    @Option(names = "--dob", paramLabel = "DATE", description = "Date or year of birth, as extra evidence.")
    String birthDate;

    @Option(names = "--nationality", paramLabel = "COUNTRY", description = "Nationality, as extra evidence.")
    String nationality;

    @Option(names = "--batch", paramLabel = "FILE",
            description = "Queries from a file: one name per line, or a CSV with a 'name' column (optional schema, dob, nationality).")
    Path batch;

    @Option(names = "--explain", description = "With --json: each hit's full explanation (token alignment, features, "
            + "normalisation steps) and each list version's date and content hash; without it, a one-line summary per hit.")
    boolean explain;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Names to screen, one query each.")
    List<String> names = new ArrayList<>();

    ScreenCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        Schema s = schema == null ? null : Schema.parse(schema);
        List<ScreeningQuery> queries = new ArrayList<>();
        for (String n : names) queries.add(new ScreeningQuery(n, s, limit, threshold, birthDate, nationality));
        // a first pass checks every row, so a bad row is refused before anything is screened or printed
        long batchRows = batch == null ? 0 : BatchInput.forEach(batch, "name", List.of("name"), row -> query(row, s));
        if (queries.isEmpty() && batchRows == 0) throw new IllegalArgumentException("give NAME... or --batch FILE");
        ScreeningEngine engine = context.screener();
        if (engine.entityCount() == 0) {
            throw new IllegalStateException("no watchlist imported yet: run 'custody lists import --bundled' "
                    + "or 'custody lists update' first");
        }
        double shownThreshold = threshold != null ? threshold : engine.config().alertThreshold();
        if (!json) {
            String lists = String.join(", ", engine.listVersions().stream().map(v -> v.listId() + " v" + v.version()).toList());
            // every result below was computed against these versions: the header carries their provenance
            for (ListVersion v : engine.listVersions()) System.out.println("# " + v.provenanceLine());
            if (context.screenerSource().startsWith("restored")) {
                System.err.printf("screening against %d entities (%s); index %s in %d ms%n", engine.entityCount(), lists,
                        context.screenerSource(), context.screenerBuildMillis());
            } else {
                System.err.printf("screening against %d entities (%s); lists loaded in %d ms, index ready after %d ms%n",
                        engine.entityCount(), lists, context.listsLoadMillis(), context.screenerBuildMillis());
            }
        }
        Function<ScreeningResult, String> render = json ? r -> Json.line(jsonShape(r, explain)) : r -> Printable.text(human(r, shownThreshold));
        long started = System.nanoTime();
        ProgressBar bar = batch != null ? Bars.bar("screen", queries.size() + batchRows, "names") : null;
        ChunkedScreening stream = new ChunkedScreening(engine, render, bar);
        try (bar; stream) {
            queries.forEach(stream::add);
            if (batch != null) BatchInput.forEach(batch, "name", List.of("name"), row -> stream.add(query(row, s)));
        }
        // without a terminal there is no bar: a batch ends with one line saying what was done
        if (batch != null && bar == null) System.err.println(summary(stream.screened(), stream.alerted(), started));
    }

    static String summary(long screened, long alerted, long startedNanos) {
        return String.format(Locale.ROOT, "custody screen: %d name(s) screened, %d with an alert, in %.1f s",
                screened, alerted, (System.nanoTime() - startedNanos) / 1e9);
    }

    /** One batch row as a query; an empty name or a bad schema names file, line and field. */
    private ScreeningQuery query(BatchInput.Row row, Schema fallback) {
        String name = row.get("name");
        if (name.isEmpty()) throw new IllegalArgumentException(batch + ":" + row.line() + ": field name: empty");
        return new ScreeningQuery(name, row.schema(batch, fallback), limit, threshold,
                row.get("dob").isEmpty() ? birthDate : row.get("dob"),
                row.get("nationality").isEmpty() ? nationality : row.get("nationality"));
    }

    /**
     * Screens a stream of queries in chunks: each chunk is screened and rendered in parallel on the common
     * pool, then printed in input order before the next chunk is read. Memory therefore stays that of one
     * chunk whatever the input size; nothing of a printed result is kept.
     */
    static final class ChunkedScreening implements AutoCloseable {
        static final int CHUNK = 2048;
        private final ScreeningEngine engine;
        private final Function<ScreeningResult, String> render;
        private final ProgressBar bar;
        private final List<ScreeningQuery> chunk = new ArrayList<>(CHUNK);
        private long screened;
        private long alerted;

        ChunkedScreening(ScreeningEngine engine, Function<ScreeningResult, String> render, ProgressBar bar) {
            this.engine = engine;
            this.render = render;
            this.bar = bar;
        }

        void add(ScreeningQuery q) {
            chunk.add(q);
            if (chunk.size() == CHUNK) flush();
        }

        private void flush() {
            if (chunk.isEmpty()) return;
            String[] lines = new String[chunk.size()];
            boolean[] alert = new boolean[chunk.size()];
            IntStream.range(0, lines.length).parallel().forEach(i -> {
                ScreeningResult r = engine.screen(chunk.get(i));
                alert[i] = !r.alerts().isEmpty();
                lines[i] = render.apply(r);
                if (bar != null) bar.step();
            });
            screened += lines.length;
            for (boolean a : alert) if (a) alerted++;
            StringBuilder sb = new StringBuilder(lines.length * 256);
            for (String l : lines) sb.append(l).append(System.lineSeparator());
            System.out.print(sb);
            System.out.flush();
            chunk.clear();
        }

        /** Names screened so far. */
        long screened() {
            return screened;
        }

        /** Of those, names with at least one hit at or above the threshold. */
        long alerted() {
            return alerted;
        }

        @Override
        public void close() {
            flush();
        }
    }

    /**
     * Screens in parallel (the engine is thread-safe), in input order, with a progress bar for batches.
     * Every hit's explanation is printed, so it is built here on the parallel workers, not while printing.
     */
    static List<ScreeningResult> run(ScreeningEngine engine, List<ScreeningQuery> queries, boolean progress) {
        ScreeningResult[] out = new ScreeningResult[queries.size()];
        try (ProgressBar bar = progress ? Bars.bar("screen", queries.size(), "names") : null) {
            IntStream.range(0, queries.size()).parallel().forEach(i -> {
                out[i] = engine.screen(queries.get(i));
                out[i].hits().forEach(Hit::explanation);
                if (bar != null) bar.step();
            });
        }
        return List.of(out);
    }

    /**
     * The JSON Lines contract (docs/screening-json.md): query, hits best first, the list versions the answer
     * used. Lean by default (each hit's one-line summary; each version's list and number); with
     * {@code explain}, each hit's full explanation and each version's publication time and content hash.
     */
    static Map<String, Object> jsonShape(ScreeningResult r, boolean explain) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", r.query());
        List<Map<String, Object>> hits = new ArrayList<>();
        for (Hit h : r.hits()) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("entityId", h.entityId());
            hm.put("name", h.name());
            hm.put("schema", h.schema().name().toLowerCase(java.util.Locale.ROOT));
            hm.put("lists", h.lists());
            hm.put("score", h.score());
            hm.put("alert", h.alert());
            if (explain) hm.put("explanation", h.explanation());
            else hm.put("summary", h.explanation() == null ? null : h.explanation().summary());
            hits.add(hm);
        }
        m.put("hits", hits);
        m.put("listVersions", versions(r.listVersions(), explain));
        return m;
    }

    static List<Map<String, Object>> versions(List<ListVersion> versions, boolean full) {
        return ListVersion.asMaps(versions, full);
    }

    static String human(ScreeningResult r, double threshold) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.query()).append("  (").append(r.hits().size()).append(" hits, ")
                .append(r.alerts().size()).append(" at or above ").append(threshold).append(")\n");
        int rank = 0;
        for (Hit h : r.hits()) {
            sb.append("  %2d. %s %-5s %s  %s [%s, %s]%n".formatted(++rank, ScoreText.score(h.score(), threshold, 3),
                    h.alert() ? "ALERT" : "",
                    h.name(), h.entityId(), h.schema().name().toLowerCase(java.util.Locale.ROOT),
                    String.join(", ", h.lists())));
            // the full token-by-token explanation for alerts and the best hit; the summary line for the rest
            if (rank == 1 || h.alert()) explain(sb, h.explanation(), "      ");
            else if (h.explanation() != null) sb.append("      ").append(h.explanation().summary()).append('\n');
        }
        if (r.hits().isEmpty()) sb.append("  no similar listed name\n");
        sb.append("  lists: ");
        List<String> vs = new ArrayList<>();
        for (ListVersion v : r.listVersions()) vs.add(v.listId() + " v" + v.version());
        sb.append(String.join(", ", vs));
        return sb.toString();
    }

    static void explain(StringBuilder sb, Explanation e, String indent) {
        if (e == null) return;
        if (e.summary() != null && !e.summary().isBlank()) sb.append(indent).append(e.summary()).append('\n');
        if (e.matchedAlias() != null && !e.matchedAlias().isBlank()) {
            sb.append(indent).append("matched: ").append(e.matchedAlias());
            if (e.aliasStrength() != null) sb.append(" (").append(e.aliasStrength().toLowerCase(java.util.Locale.ROOT)).append(')');
            sb.append('\n');
        }
        for (Explanation.TokenMatch t : e.tokens()) {
            sb.append(indent).append("  %-18s -> %-18s sim %.2f weight %.2f %s%n".formatted(
                    t.queryToken() == null ? "(none)" : t.queryToken(),
                    t.listedToken() == null ? "(unmatched)" : t.listedToken(), t.similarity(), t.weight(),
                    t.how() == null ? "" : t.how()));
        }
        for (Explanation.FeatureScore f : e.features()) {
            String why = f.explanation() == null ? "" : f.explanation();
            int dash = why.indexOf(" \u2014 ");   // keep the case-specific part, drop the feature's general description
            if (dash > 0) why = why.substring(0, dash);
            sb.append(indent).append("  feature %-18s %+.3f x %+.2f  %s%n".formatted(f.name(), f.value(), f.weight(), why));
        }
        if (!e.normalisations().isEmpty()) {
            sb.append(indent).append("normalised by: ").append(String.join(", ", e.normalisations())).append('\n');
        }
    }
}
