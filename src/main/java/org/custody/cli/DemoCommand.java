package org.custody.cli;

import java.nio.file.Path;
import java.util.List;
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

    /** Names as reporters and vetting files spell them, against the real OFAC SDN and UN lists. */
    static final List<String> SCREENING_SAMPLES = List.of(
            "Kataib Hezbollah", "Qassem Soleimani", "Abu Mahdi al-Mohandes", "كتائب حزب الله",
            "Asaib Ahl al-Haq", "Trading LLC");

    private final CliContext context;

    @Option(names = "--as-of", defaultValue = "2015-08-01",
            description = "Date detection measures recency from; the demo evidence dates from 2015 (default ${DEFAULT-VALUE}).")
    String asOf;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        Path demo = Distribution.folder("data/demo");
        System.out.println("Custody demo on " + context.database().description());
        step("1. Import the bundled real watchlists (OFAC SDN 2024-05, UN SC 2026-02)",
                "lists", "import", "--bundled");
        step("2. Screen names as they are spelled in reports", concat(List.of("screen", "--limit", "3"), SCREENING_SAMPLES));
        step("3. Import the demo ledger: units, transfers, lots and serial numbers",
                "ledger", "import", demo.resolve("ledger-iraq.json").toString());
        step("4. Ingest open-source evidence: reports, posts, a field report, an official denial",
                "ingest", demo.resolve("evidence").toString());
        step("5. Group documents into stories: corroboration counts independent origins",
                "stories");
        step("6. Detect suspected diversions: evidence joined to the ledger, scored, explained",
                "detect", "--as-of", asOf);
        step("7. The case list an end-use monitoring officer works from", "cases");
        System.out.println();
        System.out.println("Next: `custody case show ID`, `custody cases --json`, `custody audit --verify`.");
    }

    private void step(String title, String... args) {
        step(title, List.of(args));
    }

    private void step(String title, List<String> args) {
        System.out.println();
        System.out.println("== " + title);
        System.out.println("$ custody " + String.join(" ", args.stream().map(DemoCommand::quoted).toList()));
        System.out.flush();
        int code = CustodyCommand.execute(context, args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("demo step failed (exit " + code + "): custody " + String.join(" ", args));
        }
    }

    private static String quoted(String arg) {
        return arg.contains(" ") ? "'" + arg + "'" : arg;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
