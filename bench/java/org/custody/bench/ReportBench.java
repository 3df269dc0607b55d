package org.custody.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custody.report.Quarter;
import org.custody.report.QuarterlyReport;
import org.custody.report.ReportFormat;
import org.custody.store.Database;
import org.custody.store.DatabaseConfig;
import org.custody.store.ledger.ArticleStore;
import org.custody.store.report.ReportService;

/**
 * Oversight-report benchmark on the embedded PostgreSQL: a record with N serialised items (default 1,000,000)
 * over 1,000 lots, inventory checks observing half of them, follow-ups, 10,000 diversion cases with evidence and
 * transfer links, and 1,000 vetting requests; then {@code ReportService.issue} for 2017-Q1 in every format (PDF,
 * HTML, CSV, XLSX), first run on a cold JVM and the median of the next runs. Baseline in the same run: streaming
 * the same serial and event rows through JDBC with no work done on them (the floor for any report that looks at
 * every item).
 * Usage: ReportBench [serials] [cases] [runs]
 */
public final class ReportBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int cases = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Files.createTempDirectory("custody-report-bench");
        System.out.println("# Report benchmark " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, serials=" + n + ", cases=" + cases + ", runs=" + runs);
        try (Database db = Database.open(new DatabaseConfig.Embedded(work.resolve("pgdata")))) {
            long t0 = System.nanoTime();
            db.inTransaction(c -> {
                populate(c, n, cases);
                return null;
            });
            db.read(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE");
                }
                return null;
            });
            System.out.printf("record built in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, counts(db));

            Quarter q = Quarter.parse("2017-Q1");
            List<Double> report = new ArrayList<>();
            List<Double> baseline = new ArrayList<>();
            QuarterlyReport last = null;
            Map<String, String> files = null;
            for (int r = 0; r <= runs; r++) {
                long b0 = System.nanoTime();
                long rows = db.inTransaction(ReportBench::streamBaseline);
                baseline.add((System.nanoTime() - b0) / 1e9);
                long s0 = System.nanoTime();
                long cpu0 = cpuNanos();
                ReportService.Issued issued = ReportService.issue(db, q, Optional.of("Iraq"), "bench",
                        EnumSet.allOf(ReportFormat.class), work.resolve("out-" + r), "bench");
                double s = (System.nanoTime() - s0) / 1e9;
                report.add(s);
                last = issued.report();
                files = issued.files();
                System.out.printf("run %d%s: report %.1f s (all formats; the JVM used %.1f s of CPU); baseline stream of %d rows %.1f s%n",
                        r, r == 0 ? " (cold JVM)" : "", s, (cpuNanos() - cpu0) / 1e9, rows, baseline.get(baseline.size() - 1));
            }
            // where the time goes (one more run, split): reading the record, then each format
            long p0 = System.nanoTime();
            QuarterlyReport built = ReportService.build(db, q, Optional.of("Iraq"), "bench");
            System.out.printf("  split: build from the record %.1f s", (System.nanoTime() - p0) / 1e9);
            for (ReportFormat f : ReportFormat.values()) {
                long f0 = System.nanoTime();
                ReportService.render(built, EnumSet.of(f));
                System.out.printf(", %s %.1f s", f.name().toLowerCase(), (System.nanoTime() - f0) / 1e9);
            }
            System.out.println();
            List<Double> warm = new ArrayList<>(report.subList(1, report.size()));
            List<Double> warmBase = new ArrayList<>(baseline.subList(1, baseline.size()));
            double median = median(warm);
            System.out.printf("report: cold %.1f s, median of %d warm runs %.1f s (baseline stream median %.1f s) -- target <= 30 s: %s%n",
                    report.get(0), warm.size(), median, median(warmBase), Math.max(report.get(0), median) <= 30 ? "MET" : "NOT MET");
            Path out = work.resolve("out-0");
            for (String f : List.of("report.pdf", "report.html", "report.xlsx", "eum-not-seen.csv")) {
                System.out.printf("  %s %,d bytes%n", f, Files.size(out.resolve(f)));
            }
            System.out.println("  files: " + files.size() + "; figures: " + last.tables().get(0).rows().size()
                    + "; enhanced delinquent on " + last.asOf() + ": "
                    + last.delinquency().get(last.delinquency().size() - 1).delinquent());
        }
    }

    /** CPU time of this JVM (all threads), to tell the work done from the waiting on a shared machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.isEmpty() ? Double.NaN : s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    private static long streamBaseline(Connection c) throws SQLException {
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.serial, s.article_id, a.designation, a.enhanced_monitoring,"
                + " t.case_id, u.code, l.delivery_date, e.kind, e.d, e.status, e.note FROM ledger_serial s"
                + " JOIN ledger_article a ON a.id = s.article_id JOIN ledger_lot l ON l.id = s.lot_id"
                + " JOIN ledger_transfer t ON t.id = l.transfer_id LEFT JOIN ledger_org_unit u ON u.id = l.unit_id"
                + " LEFT JOIN (SELECT o.serial_id, 0 AS kind, k.check_date AS d, o.status, o.evidence AS note FROM eum_observation o"
                + " JOIN eum_check k ON k.id = o.check_id UNION ALL SELECT serial_id, 1, follow_up_date, outcome, note"
                + " FROM eum_follow_up) e ON e.serial_id = s.id ORDER BY s.id")) {
            ps.setFetchSize(20_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows++;
            }
        }
        return rows;
    }

    private static String counts(Database db) {
        return db.read(c -> {
            StringBuilder sb = new StringBuilder();
            for (String t : List.of("ledger_org_unit", "ledger_lot", "ledger_serial", "eum_check", "eum_observation",
                    "eum_follow_up", "diversion_case", "diversion_case_link", "vetting_request", "vetting_decision")) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
                    rs.next();
                    sb.append(t).append('=').append(rs.getLong(1)).append(' ');
                }
            }
            return sb.toString().trim();
        });
    }

    /** Builds the record with set-based SQL (the report, not the import, is under test). */
    static void populate(Connection c, int n, int cases) throws SQLException {
        ArticleStore.seedStarter(c);
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO ledger_org_unit(code, name, echelon, country, area_place, area_lat, area_lon)"
                    + " SELECT 'B-U' || g, 'Bench unit ' || g, 'BRIGADE', 'Iraq', 'place ' || g, 30.5 + (g % 50) * 0.1,"
                    + " 40.5 + (g % 70) * 0.1 FROM generate_series(1, 200) g");
            s.execute("INSERT INTO ledger_transfer(case_id, supplier, recipient_country, programme, notification_date, source)"
                    + " SELECT 'B-T' || g, 'United States', 'Iraq', (ARRAY['FMS','ITEF','ISFF'])[1 + g % 3], DATE '2013-01-01', 'bench'"
                    + " FROM generate_series(1, 100) g");
            // a mix of enhanced-monitoring and routine articles from the starter catalogue
            s.execute("CREATE TEMP TABLE bench_article AS SELECT row_number() OVER (ORDER BY id) AS k, id, designation, category"
                    + " FROM (SELECT * FROM ledger_article WHERE enhanced_monitoring ORDER BY id LIMIT 3) e"
                    + " UNION ALL SELECT 3 + row_number() OVER (ORDER BY id), id, designation, category"
                    + " FROM (SELECT * FROM ledger_article WHERE NOT enhanced_monitoring ORDER BY id LIMIT 5) r");
            int lots = 1000;
            int perLot = (n + lots - 1) / lots;
            s.execute("INSERT INTO ledger_lot(transfer_id, lot_no, article_id, designation, category, quantity, delivery_date, unit_id)"
                    + " SELECT (SELECT min(id) FROM ledger_transfer) + g % 100, 'L' || g, a.id, a.designation, a.category, " + perLot + ","
                    + " DATE '2014-01-01' + (g * 13 % 1250), (SELECT min(id) FROM ledger_org_unit) + g % 200"
                    + " FROM generate_series(1, " + lots + ") g JOIN bench_article a ON a.k = 1 + g % 8");
            s.execute("INSERT INTO ledger_serial(lot_id, article_id, serial, serial_key)"
                    + " SELECT l.id, l.article_id, 'SN-' || g, 'SN' || g FROM generate_series(1, " + n + ") g"
                    + " JOIN ledger_lot l ON l.id = (SELECT min(id) FROM ledger_lot) + (g - 1) / " + perLot);
            s.execute("INSERT INTO eum_check(check_date, place, lat, lon, inspector, unit_id, kind, recorded_by)"
                    + " SELECT DATE '2015-01-01' + (g * 7 % 820), 'Check place ' || (g % 40), 31 + (g % 40) * 0.1, 41 + (g % 40) * 0.12,"
                    + " 'Inspector ' || (g % 9), (SELECT min(id) FROM ledger_org_unit) + g % 200, 'ENHANCED', 'bench'"
                    + " FROM generate_series(1, 2000) g");
            // half the items observed once: mostly seen, 1 % not seen, 0.1 % destroyed
            s.execute("INSERT INTO eum_observation(check_id, serial_id, status, evidence)"
                    + " SELECT (SELECT min(id) FROM eum_check) + (s.id / 500) % 2000, s.id,"
                    + " CASE WHEN s.id % 1000 = 0 THEN 'DESTROYED' WHEN s.id % 100 = 2 THEN 'NOT_SEEN' ELSE 'SEEN' END,"
                    + " CASE WHEN s.id % 1000 = 0 THEN 'incident report' ELSE '' END FROM ledger_serial s WHERE s.id % 2 = 0");
            s.execute("INSERT INTO eum_follow_up(serial_id, follow_up_date, outcome, note, actor)"
                    + " SELECT o.serial_id, k.check_date + 20, (ARRAY['LOCATED','CONFIRMED_MISSING','PENDING','REPORTED'])[1 + o.serial_id % 4],"
                    + " 'bench follow-up', 'bench' FROM eum_observation o JOIN eum_check k ON k.id = o.check_id"
                    + " WHERE o.status = 'NOT_SEEN' AND o.serial_id % 200 = 2");
            s.execute("INSERT INTO diversion_case(case_key, status, score, holder_name, holder_status, article_designation,"
                    + " article_family, article_category, factors, reason, opened_at, updated_at)"
                    + " SELECT 'bench-' || g, (ARRAY['open','under_review','confirmed','dismissed','referred'])[1 + g % 5],"
                    + " 0.5 + (g % 50) / 100.0, 'Holder ' || (g % 300), 'unapproved', 'AN/PVS-14', 'AN/PVS-14', 'night vision device',"
                    + " '[]', 'bench case', TIMESTAMPTZ '2017-01-01 00:00Z' + (g % 89) * INTERVAL '1 day',"
                    + " TIMESTAMPTZ '2017-01-01 00:00Z' + (g % 89) * INTERVAL '1 day' FROM generate_series(1, " + cases + ") g");
            s.execute("INSERT INTO diversion_case_link(case_id, kind, ref, detail, current, linked_at, linked_by)"
                    + " SELECT id, 'evidence', 'claim-' || id, jsonb_build_object('date', (DATE '2017-01-01' + (id % 89)::int)::text,"
                    + " 'serial', 'SN-' || (id * 97 % " + n + "), 'stance', 'asserted', 'place', (ARRAY['Tikrit','Mosul','Ramadi','Kirkuk','Baghdad'])[1 + id % 5],"
                    + " 'attributedTo', 'field team', 'sentence', 'Device SN-' || (id * 97 % " + n + ") || ' seen with holder ' || id),"
                    + " true, opened_at, 'bench' FROM diversion_case");
            s.execute("INSERT INTO diversion_case_link(case_id, kind, ref, detail, current, linked_at, linked_by)"
                    + " SELECT id, 'transfer', 'B-T' || (id % 100) || '#L1', jsonb_build_object('recipientCountry', 'Iraq'), true, opened_at,"
                    + " 'bench' FROM diversion_case");
            s.execute("INSERT INTO diversion_case_event(case_id, at, actor, action, detail)"
                    + " SELECT id, opened_at + INTERVAL '3 days', 'bench', 'status', jsonb_build_object('from', 'under_review', 'to', status,"
                    + " 'reason', 'bench') FROM diversion_case WHERE status IN ('confirmed','dismissed','referred')");
            s.execute("INSERT INTO vetting_request(subject_kind, subject_id, purpose_kind, purpose, as_of, requested_by, requested_at, status)"
                    + " SELECT 'unit', (SELECT min(id) FROM ledger_org_unit) + g % 200, 'transfer', 'B-T' || (g % 100),"
                    + " DATE '2017-01-01' + (g % 89), 'bench', TIMESTAMPTZ '2017-01-01 00:00Z' + (g % 89) * INTERVAL '1 day',"
                    + " CASE WHEN g % 5 = 0 THEN 'pending' ELSE 'decided' END FROM generate_series(1, 1000) g");
            s.execute("INSERT INTO vetting_check(request_id, checked_at, as_of, names_screened, nodes_screened, truncated, roster,"
                    + " list_versions, screened) SELECT id, requested_at, as_of, 3, 2, false, '{}', '{}', '[]' FROM vetting_request");
            s.execute("INSERT INTO vetting_decision(request_id, check_id, subject_kind, subject_id, outcome, conditions, reason, expires,"
                    + " officer, decided_at, roster) SELECT r.id, k.id, r.subject_kind, r.subject_id,"
                    + " (ARRAY['approved','restricted','denied'])[1 + r.id % 3], CASE WHEN r.id % 3 = 1 THEN 'training only' ELSE '' END,"
                    + " 'bench decision', r.as_of + 120 + (r.id % 200)::int, 'officer ' || (r.id % 7), r.requested_at + INTERVAL '2 days', '{}'"
                    + " FROM vetting_request r JOIN vetting_check k ON k.request_id = r.id WHERE r.status = 'decided'");
        }
    }
}
