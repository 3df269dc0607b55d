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
        vetUnits();
        inventory(demo);
        Path reports = context.home().resolve("reports").resolve(REPORT_QUARTER);
        step("10. The quarterly oversight report (PDF, HTML, CSV, XLSX), its SHA-256 recorded in the audit log",
                "report", "quarterly", "--quarter", REPORT_QUARTER, "--country", "Iraq", "--out", reports.toString());
        System.out.println();
        System.out.println("Next: `custody case show ID`, `custody cases --json`, `custody audit --verify`, "
                + "`custody report verify " + reports.resolve("report.pdf") + "`.");
    }

    /** The quarter the demo's oversight report covers: the demo evidence and inventory date from it. */
    static final String REPORT_QUARTER = "2015-Q2";

    /** Vetting decisions the report reads: the 9th Armoured Division restricted, the CTS approved (once per home). */
    private void vetUnits() {
        heading("8. Vet two recipient units (screened against the lists, then decided)");
        record Vetting(String unit, String asOf, String purpose, String[] decide) {}
        List<Vetting> all = List.of(
                new Vetting("IQ-9AD", "2015-04-15", "IQ-B-TOW follow-on", new String[] {"--outcome", "restricted",
                        "--conditions", "no further TOW-2A deliveries until the inventory shortfall is resolved",
                        "--reason", "enhanced-monitoring inventory overdue for 8 of 20 missiles", "--expires", "2015-09-30"}),
                new Vetting("IQ-CTS", "2015-05-10", "IQ-D-HMV", new String[] {"--outcome", "approved",
                        "--reason", "no derogatory information on the unit or its commanders", "--expires", "2016-05-10"}));
        for (Vetting v : all) {
            long unit = context.database().read(c -> org.custody.store.ledger.OrgUnitStore.byCode(c, v.unit()))
                    .orElseThrow(() -> new IllegalStateException("demo unit " + v.unit() + " is not in the ledger")).id();
            Long existing = context.database().read(c -> {
                try (var ps = c.prepareStatement("SELECT max(id) FROM vetting_request WHERE subject_kind = 'unit' AND subject_id = ?"
                        + " AND purpose = ?")) {
                    ps.setLong(1, unit);
                    ps.setString(2, v.purpose());
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        long id = rs.getLong(1);
                        return rs.wasNull() ? null : id;
                    }
                }
            });
            if (existing != null) {
                System.out.println(v.unit() + ": already vetted for " + v.purpose() + " (request " + existing + ")");
                continue;
            }
            run("vet", "request", "--unit", v.unit(), "--purpose", "transfer", "--for", v.purpose(), "--as-of", v.asOf());
            long request = context.database().read(c -> {
                try (var ps = c.prepareStatement("SELECT max(id) FROM vetting_request"); var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            run("vet", "check", String.valueOf(request));
            List<String> decide = new ArrayList<>(List.of("vet", "decide", String.valueOf(request)));
            decide.addAll(List.of(v.decide()));
            run(decide.toArray(String[]::new));
        }
    }

    /** An enhanced end-use-monitoring inventory of the TOW-2A missiles and a follow-up (once per home). */
    private void inventory(Path demo) {
        heading("9. Record an inventory check of the TOW-2A missiles and a follow-up on the one not seen");
        boolean done = context.database().read(c -> {
            try (var ps = c.prepareStatement("SELECT 1 FROM eum_check WHERE check_date = DATE '2015-05-20' AND place = 'Camp Taji'");
                 var rs = ps.executeQuery()) {
                return rs.next();
            }
        });
        if (done) {
            System.out.println("already recorded: the check of 2015-05-20 at Camp Taji");
            return;
        }
        run("eum", "check", "record", "--date", "2015-05-20", "--place", "Camp Taji", "--lat", "33.52", "--lon", "44.26",
                "--inspector", "EUM team Baghdad", "--unit", "IQ-9AD", "--items", demo.resolve("check-2015-05.csv").toString());
        run("eum", "follow-up", "TOW-40011", "--date", "2015-06-25", "--outcome", "CONFIRMED_MISSING",
                "--note", "not at the Bayji checkpoint; unit cannot account for it");
    }

    private void run(String... args) {
        System.out.println("$ custody " + String.join(" ", List.of(args).stream().map(DemoCommand::quoted).toList()));
        System.out.flush();
        int code = CustodyCommand.execute(context, args);
        if (code != 0) {
            throw new IllegalStateException("demo step failed (exit " + code + "): custody " + String.join(" ", args));
        }
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
        run(args);
    }

    private static void heading(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static String quoted(String arg) {
        return arg.contains(" ") ? "'" + arg + "'" : arg;
    }
}
