package org.custody.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import me.tongfei.progressbar.ProgressBar;
import org.custody.lists.Schema;
import org.custody.screening.Comparison;
import org.custody.screening.ScoreText;
import org.custody.screening.ScreeningEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code custody compare}: two names scored by the screening scorer, with the reasons. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two names with the screening scorer and explain the score.")
final class CompareCommand implements Runnable {

    private final CliContext context;

    @Option(names = "--json", description = "JSON Lines: one object per pair.")
    boolean json;

    @Option(names = "--schema", paramLabel = "S", description = "person, organization, vessel, aircraft or other.")
    String schema;

    @Option(names = "--batch", paramLabel = "FILE",
            description = "Pairs from a file: lines 'name1,name2[,schema]', or a CSV with name1,name2[,schema] columns.")
    Path batch;

    @Parameters(paramLabel = "NAME", arity = "0..2", description = "The two names (quote names of several words).")
    List<String> names = new ArrayList<>();

    CompareCommand(CliContext context) {
        this.context = context;
    }

    record Pair(String name1, String name2, Schema schema) {}

    @Override
    public void run() {
        Schema s = schema == null ? null : Schema.parse(schema);
        List<Pair> pairs = new ArrayList<>();
        if (names.size() == 2) pairs.add(new Pair(names.get(0), names.get(1), s));
        else if (names.size() == 1) throw new IllegalArgumentException("compare needs two names");
        if (batch != null) {
            for (BatchInput.Row row : BatchInput.read(batch, "name1", List.of("name1", "name2", "schema")).rows()) {
                if (row.get("name1").isEmpty() || row.get("name2").isEmpty()) {
                    throw new IllegalArgumentException(batch + ":" + row.line() + ": field "
                            + (row.get("name1").isEmpty() ? "name1" : "name2") + ": empty (expected name1,name2[,schema])");
                }
                Schema rs = row.schema(batch, s);
                pairs.add(new Pair(row.get("name1"), row.get("name2"), rs));
            }
        }
        if (pairs.isEmpty()) throw new IllegalArgumentException("give NAME1 NAME2 or --batch FILE");
        ScreeningEngine engine = context.screener();
        Comparison[] out = new Comparison[pairs.size()];
        long started = System.nanoTime();
        ProgressBar bar = batch != null ? Bars.bar("compare", pairs.size(), "pairs") : null;
        try (bar) {
            IntStream.range(0, pairs.size()).parallel().forEach(i -> {
                Pair p = pairs.get(i);
                out[i] = engine.compare(p.name1(), p.name2(), p.schema());
                if (bar != null) bar.step();
            });
        }
        for (Comparison c : out) System.out.println(json ? Json.line(jsonShape(c)) : Printable.text(human(c, engine.config().alertThreshold())));
        if (batch != null && bar == null) {
            long matches = java.util.Arrays.stream(out).filter(Comparison::match).count();
            System.err.println(String.format(java.util.Locale.ROOT, "custody compare: %d pair(s) compared, %d match(es), in %.1f s",
                    out.length, matches, (System.nanoTime() - started) / 1e9));
        }
    }

    static Map<String, Object> jsonShape(Comparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name1", c.name1());
        m.put("name2", c.name2());
        m.put("score", c.score());
        m.put("match", c.match());
        m.put("explanation", c.explanation());
        return m;
    }

    static String human(Comparison c, double threshold) {
        StringBuilder sb = new StringBuilder();
        sb.append("%s  vs  %s: %s  %s%n".formatted(c.name1(), c.name2(), ScoreText.score(c.score(), threshold, 3),
                c.match() ? "MATCH" : "no match"));
        ScreenCommand.explain(sb, c.explanation(), "    ");
        return sb.toString().stripTrailing();
    }
}
