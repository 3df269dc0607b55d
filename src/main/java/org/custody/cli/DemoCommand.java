package org.custody.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custody.lists.Schema;
import org.custody.screening.ScreeningEngine;
import org.custody.screening.ScreeningQuery;
import org.custody.screening.ScreeningResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code custody demo}: Custody's main job on the bundled material, step by step, through the same
 * commands a user would type. Safe to run again on the same home: identical lists, ledger and documents
 * are recognised and change nothing, and detection updates the cases it opened before.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on the bundled material: real watchlists, a demo ledger, demo evidence.")
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

    @Option(names = "--as-of", defaultValue = "2015-08-01",
            description = "Date detection measures recency from; the demo evidence dates from 2015 (default ${DEFAULT-VALUE}).")
    String asOf;

    @Option(names = "--limit", paramLabel = "K", defaultValue = "3", converter = NumericOptions.HitLimit.class, description = "Hits per screened name (default ${DEFAULT-VALUE}).")
    int limit;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        Path demo = Distribution.folder("data/demo");
        System.out.println("Custody demo on " + context.database().description());
        step("1. Import the bundled real watchlists (OFAC SDN 2024-05, UN SC 2026-02)",
                "lists", "import", "--bundled");
        screenExamples();
        step("3. Import the demo ledger: units, transfers, lots and serial numbers",
                "ledger", "import", demo.resolve("ledger-iraq.json").toString());
        step("4. Ingest open-source evidence: reports, posts, a field report, an official denial",
                "ingest", demo.resolve("evidence").toString());
        step("5. Group documents into stories: corroboration counts independent origins", "stories");
        step("6. Detect suspected diversions: evidence joined to the ledger, scored, explained",
                "detect", "--as-of", asOf);
        step("7. The case list an end-use monitoring officer works from", "cases");
        System.out.println();
        System.out.println("Next: `custody case show ID`, `custody cases --json`, `custody audit --verify`.");
    }

    private void screenExamples() {
        heading("2. Screen names as reports spell them, each hit explained");
        ScreeningEngine engine = context.screener();
        List<ScreeningQuery> queries = new ArrayList<>();
        for (Example e : NAMES) queries.add(new ScreeningQuery(e.name(), e.schema(), limit, null, null, null));
        for (ScreeningResult r : ScreenCommand.run(engine, queries, false)) {
            System.out.println(ScreenCommand.human(r, engine.config().alertThreshold()));
            System.out.println();
        }
    }

    private void step(String title, String... args) {
        heading(title);
        System.out.println("$ custody " + String.join(" ", List.of(args).stream().map(DemoCommand::quoted).toList()));
        System.out.flush();
        int code = CustodyCommand.execute(context, args);
        if (code != 0) {
            throw new IllegalStateException("demo step failed (exit " + code + "): custody " + String.join(" ", args));
        }
    }

    private static void heading(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static String quoted(String arg) {
        return arg.contains(" ") ? "'" + arg + "'" : arg;
    }
}
