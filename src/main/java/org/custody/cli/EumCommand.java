package org.custody.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.custody.audit.AuditLog;
import org.custody.eum.CheckKind;
import org.custody.eum.FollowUpOutcome;
import org.custody.eum.InventoryCheck;
import org.custody.eum.ItemAssessment;
import org.custody.eum.ItemHistory;
import org.custody.eum.MonitoringAssessor;
import org.custody.eum.MonitoringFigures;
import org.custody.eum.MonitoringPolicy;
import org.custody.eum.Observation;
import org.custody.eum.ObservationStatus;
import org.custody.ledger.OrgUnit;
import org.custody.store.Database;
import org.custody.store.eum.EumStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code custody eum}: end-use monitoring (inventory checks, follow-ups, monitoring status). */
@Command(name = "eum", mixinStandardHelpOptions = true,
        description = "End-use monitoring: record inventory checks and follow-ups; status per transfer or unit.",
        subcommands = {EumCommand.Check.class, EumCommand.FollowUp.class, EumCommand.Status.class})
final class EumCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Inventory checks.",
            subcommands = {Check.Record.class})
    static final class Check implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }

        @Command(name = "record", mixinStandardHelpOptions = true,
                description = "Record an inventory check: items with --item SERIAL=STATUS[:evidence] (repeatable)"
                        + " and/or --items FILE (CSV: serial,status[,evidence][,article]). STATUS is SEEN, NOT_SEEN,"
                        + " DAMAGED or DESTROYED (DESTROYED needs evidence).")
        static final class Record implements Runnable {
            private final CliContext context;

            @Option(names = "--date", required = true, description = "Date of the check (YYYY-MM-DD).")
            LocalDate date;

            @Option(names = "--place", required = true, description = "Where the check took place.")
            String place;

            @Option(names = "--lat", converter = NumericOptions.Latitude.class, description = "Latitude of the place.")
            Double lat;

            @Option(names = "--lon", converter = NumericOptions.Longitude.class, description = "Longitude of the place.")
            Double lon;

            @Option(names = "--inspector", required = true, description = "Who checked.")
            String inspector;

            @Option(names = "--unit", description = "Code of the unit inspected.")
            String unit;

            @Option(names = "--kind", defaultValue = "ENHANCED", description = "ROUTINE, ENHANCED or FOLLOW_UP.")
            CheckKind kind;

            @Option(names = "--notes", defaultValue = "", description = "Free-text notes.")
            String notes;

            @Option(names = "--item", description = "SERIAL=STATUS[:evidence] (repeatable).")
            List<String> items = new ArrayList<>();

            @Option(names = "--items", description = "CSV file with header serial,status[,evidence][,article].")
            Path itemsFile;

            Record(CliContext context) {
                this.context = context;
            }

            @Override
            public void run() {
                List<Observation> obs = new ArrayList<>();
                for (String spec : items) obs.add(parseItem(spec));
                if (itemsFile != null) obs.addAll(readItems(itemsFile));
                InventoryCheck check = new InventoryCheck(date, place, Optional.ofNullable(lat), Optional.ofNullable(lon),
                        inspector, Optional.ofNullable(unit), kind, notes, obs);
                String actor = AuditLog.currentActor();
                long id = context.database().inTransaction(c -> EumStore.recordCheck(c, check, actor));
                Map<ObservationStatus, Integer> counts = new LinkedHashMap<>();
                obs.forEach(o -> counts.merge(o.status(), 1, Integer::sum));
                System.out.println("recorded check " + id + " on " + date + " at " + place + ": " + counts);
            }

            static Observation parseItem(String spec) {
                int eq = spec.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("--item '" + spec + "': expected SERIAL=STATUS[:evidence]");
                String serial = spec.substring(0, eq);
                String rest = spec.substring(eq + 1);
                int colon = rest.indexOf(':');
                String status = colon < 0 ? rest : rest.substring(0, colon);
                String evidence = colon < 0 ? "" : rest.substring(colon + 1);
                return new Observation(serial, Optional.empty(), status(status, "--item '" + spec + "'"), evidence);
            }

            static ObservationStatus status(String s, String where) {
                try {
                    return ObservationStatus.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_')
                            .replace(' ', '_'));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": status '" + s
                            + "' is not SEEN, NOT_SEEN, DAMAGED or DESTROYED");
                }
            }

            static List<Observation> readItems(Path file) {
                String name = file.getFileName().toString();
                List<Observation> out = new ArrayList<>();
                try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.RFC4180.builder().setHeader()
                        .setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).build())) {
                    List<String> header = p.getHeaderNames();
                    for (String h : header) {
                        if (!List.of("serial", "status", "evidence", "article").contains(h)) {
                            throw new IllegalArgumentException(name + ":1: field '" + h + "': unknown column");
                        }
                    }
                    if (!header.contains("serial") || !header.contains("status")) {
                        throw new IllegalArgumentException(name + ":1: columns 'serial' and 'status' are required");
                    }
                    for (CSVRecord r : p) {
                        String where = name + ":" + (r.getRecordNumber() + 1);
                        if (r.size() != header.size()) {
                            throw new IllegalArgumentException(where + ": has " + r.size() + " fields, header has "
                                    + header.size());
                        }
                        try {
                            String article = r.isMapped("article") ? r.get("article").trim() : "";
                            out.add(new Observation(r.get("serial"), article.isEmpty() ? Optional.empty()
                                    : Optional.of(article), status(r.get("status"), where + ": field 'status'"),
                                    r.isMapped("evidence") ? r.get("evidence") : ""));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException(e.getMessage().startsWith(where) ? e.getMessage()
                                    : where + ": " + e.getMessage(), e);
                        }
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new IllegalArgumentException(name + ": cannot read: " + e.getMessage(), e);
                }
                return out;
            }
        }
    }

    @Command(name = "follow-up", mixinStandardHelpOptions = true,
            description = "Record a follow-up on an item (e.g. after it was not seen).")
    static final class FollowUp implements Runnable {
        private final CliContext context;

        @Parameters(index = "0", description = "Serial number.")
        String serial;

        @Option(names = "--article", description = "Article id, when the serial exists for several articles.")
        String article;

        @Option(converter = NumericOptions.Id.class, names = "--check", description = "The check id this follows up.")
        Long checkId;

        @Option(names = "--date", required = true, description = "Date of the follow-up (YYYY-MM-DD).")
        LocalDate date;

        @Option(names = "--outcome", required = true,
                description = "PENDING, LOCATED, CONFIRMED_MISSING, CONFIRMED_DESTROYED or REPORTED.")
        FollowUpOutcome outcome;

        @Option(names = "--note", required = true, description = "What was done or found.")
        String note;

        FollowUp(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            String actor = AuditLog.currentActor();
            long id = context.database().inTransaction(c -> EumStore.recordFollowUp(c, serial,
                    Optional.ofNullable(article), Optional.ofNullable(checkId), date, outcome, note, actor));
            System.out.println("recorded follow-up " + id + " on " + serial + ": " + outcome);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Monitoring figures for a transfer (--case) or a unit and its sub-units (--unit).")
    static final class Status implements Runnable {
        private final CliContext context;

        @Option(names = "--case", description = "Transfer case id.")
        String caseId;

        @Option(names = "--unit", description = "Unit code (sub-units included).")
        String unit;

        @Option(names = "--as-of", description = "Day to assess (default: today, UTC).")
        LocalDate asOf;

        @Option(names = "--months", defaultValue = "12", converter = NumericOptions.Months.class, description = "Verification interval in months (default ${DEFAULT-VALUE}).")
        int months;

        @Option(names = "--json", description = "JSON output.")
        boolean json;

        Status(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            if ((caseId == null) == (unit == null)) throw new IllegalArgumentException("give exactly one of --case or --unit");
            if (months < 1) throw new IllegalArgumentException("--months must be at least 1");
            Database db = context.database();
            LocalDate day = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
            List<ItemHistory> items;
            String scope;
            if (caseId != null) {
                if (db.read(c -> org.custody.store.ledger.TransferStore.byCase(c, caseId)).isEmpty()) {
                    throw new NotFoundException("case '" + caseId + "' is not recorded (custody ledger transfers lists them)");
                }
                items = db.read(c -> EumStore.forTransfer(c, caseId));
                scope = "case " + caseId;
            } else {
                OrgUnit u = LedgerCommand.unit(db, unit);
                items = db.read(c -> EumStore.forUnit(c, u.id()));
                scope = "unit " + u.code() + " and sub-units";
            }
            MonitoringFigures f = new MonitoringAssessor(new MonitoringPolicy(java.time.Period.ofMonths(months)))
                    .figures(scope, items, day);
            if (json) {
                System.out.println(Json.line(f));
                return;
            }
            System.out.println(f.explanation());
            print("delinquent", f.delinquent());
            print("unaccounted", f.unaccounted());
            print("missing", f.missing());
            print("destroyed", f.destroyed());
        }

        private static void print(String what, List<ItemAssessment> list) {
            for (ItemAssessment a : list) {
                System.out.println("  " + what + ": " + a.item().designation() + " " + a.item().serial() + " ("
                        + a.item().caseId() + a.item().unitCode().map(u -> ", " + u).orElse("") + "): "
                        + a.explanation());
            }
        }
    }
}
