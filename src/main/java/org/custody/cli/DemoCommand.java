package org.custody.cli;

import java.util.ArrayList;
import java.util.List;
import org.custody.lists.ListSource;
import org.custody.lists.Schema;
import org.custody.screening.ScreeningEngine;
import org.custody.screening.ScreeningQuery;
import org.custody.screening.ScreeningResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code custody demo}: the main job on a fresh machine: import the bundled real lists (a no-op when they
 * are already current) and screen a set of spellings from open reporting, each hit explained.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Import the bundled OFAC SDN and UN lists and screen example names against them.")
final class DemoCommand implements Runnable {

    /** An example query: a spelling as reports write it, and the kind of actor the report says it is. */
    record Example(String name, Schema schema) {}

    /**
     * Spellings from open reporting, not as the lists write them. The last three must not alert: the Badr
     * Organization is on no list here (only a vessel BADR is), and the others are generic or partial names.
     */
    static final List<Example> NAMES = List.of(new Example("Kataib Hezbollah", Schema.ORGANIZATION),
            new Example("Qassem Soleimani", Schema.PERSON), new Example("Abu Mahdi al-Mohandes", Schema.PERSON),
            new Example("Asaib Ahl al-Haq", Schema.ORGANIZATION),
            new Example("Harakat Hezbollah al-Nujaba", Schema.ORGANIZATION),
            new Example("Kata'ib Sayyid al-Shuhada", Schema.ORGANIZATION), new Example("Quds Force", Schema.ORGANIZATION),
            new Example("كتائب حزب الله", Schema.ORGANIZATION), new Example("Badr Organization", Schema.ORGANIZATION),
            new Example("Emma Daniels", Schema.PERSON), new Example("Trading LLC", Schema.ORGANIZATION));

    private final CliContext context;

    @Option(names = "--json", description = "JSON Lines, as custody screen --json.")
    boolean json;

    @Option(names = "--limit", paramLabel = "K", defaultValue = "3", description = "Hits per name (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--schema", paramLabel = "S", description = "Schema for NAMEs given on the command line.")
    String schema;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Names to screen instead of the examples.")
    List<String> names = new ArrayList<>();

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        List<ListSource> sources = ListSource.detect(List.of(ListsCommand.bundledFolder()), null);
        String sourceText = "bundled: " + String.join(" ", sources.stream()
                .flatMap(s -> s.files().stream()).map(p -> p.getFileName().toString()).toList());
        var outcomes = ListsCommand.parseAndImport(context, sources, sourceText);
        if (!json) ListsCommand.report(outcomes, false, System.err);
        ScreeningEngine engine = context.screener();
        List<ScreeningQuery> queries = new ArrayList<>();
        if (names.isEmpty()) {
            for (Example e : NAMES) queries.add(new ScreeningQuery(e.name(), e.schema(), limit, null, null, null));
        } else {
            Schema s = schema == null ? null : Schema.parse(schema);
            for (String n : names) queries.add(new ScreeningQuery(n, s, limit, null, null, null));
        }
        List<ScreeningResult> results = ScreenCommand.run(engine, queries, false);
        for (ScreeningResult r : results) {
            System.out.println(json ? Json.line(ScreenCommand.jsonShape(r)) : ScreenCommand.human(r,
                    engine.config().alertThreshold()) + "\n");
        }
    }
}
