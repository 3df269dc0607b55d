package org.custody.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.custody.audit.AuditLog;
import org.custody.report.Quarter;
import org.custody.report.ReportFormat;
import org.custody.report.ReportTable;
import org.custody.store.report.ReportService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code custody report}: oversight reports from the record, and their verification. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Oversight reports (PDF, HTML, CSV, XLSX) built from the record, and their verification.",
        subcommands = {ReportCommand.Quarterly.class, ReportCommand.Verify.class})
final class ReportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static String version(CommandLine.Model.CommandSpec spec) {
        String[] v = spec.root().version();
        return v.length == 0 ? "unknown" : v[0].replaceFirst("^custody\\s+", "");
    }

    @Command(name = "quarterly", mixinStandardHelpOptions = true,
            description = "The quarterly vetting and end-use-monitoring report: report.pdf, report.html, one CSV per table, report.xlsx.")
    static final class Quarterly implements Runnable {
        private final CliContext context;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--quarter", required = true, paramLabel = "YYYY-Qn", description = "The quarter, e.g. 2017-Q1.")
        String quarter;

        @Option(names = "--country", description = "Only this recipient country (as the ledger writes it, e.g. Iraq).")
        String country;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the files into (created if missing).")
        Path out;

        @Option(names = "--format", defaultValue = "pdf,html,csv,xlsx", paramLabel = "LIST",
                description = "Which files: any of pdf,html,csv,xlsx (default ${DEFAULT-VALUE}).")
        String format;

        Quarterly(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            Quarter q = Quarter.parse(quarter);
            var formats = ReportFormat.parse(format);
            ReportService.Issued issued = ReportService.issue(context.database(), q, Optional.ofNullable(country),
                    version(spec), formats, out, AuditLog.currentActor(), checkpointTable(context));
            System.out.println("Report " + q + (country == null ? "" : " (" + country + ")") + " written to " + out
                    + " (audit entry " + issued.auditSeq() + ", data fingerprint " + issued.report().dataFingerprint() + "):");
            int csv = 0;
            for (Map.Entry<String, String> f : issued.files().entrySet()) {
                if (f.getKey().endsWith(".csv")) csv++;
                else System.out.println("  " + f.getKey() + "  sha256 " + f.getValue());
            }
            if (csv > 0) System.out.println("  " + csv + " CSV files, one per table (figures.csv first); their SHA-256 are in the audit entry");
        }
    }

    /** The audit chain's newest entry, signed now, as the report's appendix table (see {@link ReportService#checkpointTable}). */
    static Optional<ReportTable> checkpointTable(CliContext context) {
        return ReportService.checkpointTable(context.database(), context.auditCheckpoints());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Tell whether a report file is one this installation issued and still matches the record. Exit 0 if it does, 1 if not.")
    static final class Verify implements java.util.concurrent.Callable<Integer> {
        private final CliContext context;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "report.pdf, report.html, report.xlsx or one of its CSV files.")
        Path file;

        Verify(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ReportService.Verification v = ReportService.verify(context.database(), file, version(spec));
            System.out.println(v.message());
            return v.matches() ? 0 : 1;
        }
    }
}
