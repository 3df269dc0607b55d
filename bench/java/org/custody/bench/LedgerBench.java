package org.custody.bench;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import org.custody.ledger.Clearance;
import org.custody.ledger.LedgerBatch;
import org.custody.ledger.SerialKey;
import org.custody.ledger.format.LedgerCsv;
import org.custody.store.Database;
import org.custody.store.DatabaseConfig;
import org.custody.store.ledger.ImportReport;
import org.custody.store.ledger.LedgerImporter;
import org.custody.store.ledger.LedgerQueries;

/**
 * Ledger benchmark on the embedded PostgreSQL: (1) import of N serial numbers (default 1,000,000) from the
 * ledger CSV format, end to end (parse, COPY into staging, bulk checks, insert), against row-by-row JDBC
 * inserts and JDBC batch inserts of a sample, extrapolated; (2) the custody-chain lookup of random serials
 * (p50/p99), against a naive lookup that normalises the stored serial on the fly (no usable index).
 * Usage: LedgerBench [serials] [lookups]
 */
public final class LedgerBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path work = Files.createTempDirectory("custody-ledger-bench");
        System.out.println("# Ledger benchmark " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, serials=" + n + ", lookups=" + lookups);
        try (Database db = Database.open(new DatabaseConfig.Embedded(work.resolve("pgdata")))) {
            Path folder = work.resolve("batch");
            int lots = 100;
            write(folder, n, lots);
            LedgerBatch batch = LedgerCsv.read(folder);
            long t0 = System.nanoTime();
            ImportReport report = db.inTransaction(c -> LedgerImporter.importBatch(c, batch,
                    (unit, date) -> new Clearance.Cleared("benchmark: clearance is not under test"), "bench"));
            double importS = (System.nanoTime() - t0) / 1e9;
            System.out.printf("import: %d serials in %.1f s (%.0f serials/s) -- target <= 60 s: %s%n",
                    report.serials(), importS, report.serials() / importS, importS <= 60 ? "MET" : "NOT MET");

            // baselines: plain inserts into the same table (with its indexes), sample then extrapolated
            long lotId = db.read(c -> one(c, "SELECT min(id) FROM ledger_lot"));
            int sample = Math.min(20_000, n);
            double rowS = db.inTransaction(c -> {
                long s0 = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_serial(lot_id, article_id, serial, "
                        + "serial_key) VALUES (?,?,?,?)")) {
                    for (int i = 0; i < sample; i++) {
                        String s = "RB-" + i;
                        ps.setLong(1, lotId);
                        ps.setString(2, "an-pvs-14");
                        ps.setString(3, s);
                        ps.setString(4, SerialKey.of(s));
                        ps.executeUpdate();
                    }
                }
                c.rollback();
                return (System.nanoTime() - s0) / 1e9;
            });
            System.out.printf("baseline row-by-row JDBC inserts: %d in %.2f s -> %.0f s extrapolated to %d%n",
                    sample, rowS, rowS * n / sample, n);
            int batchSample = Math.min(200_000, n);
            double batchS = db.inTransaction(c -> {
                long s0 = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_serial(lot_id, article_id, serial, "
                        + "serial_key) VALUES (?,?,?,?)")) {
                    for (int i = 0; i < batchSample; i++) {
                        String s = "BB-" + i;
                        ps.setLong(1, lotId);
                        ps.setString(2, "an-pvs-14");
                        ps.setString(3, s);
                        ps.setString(4, SerialKey.of(s));
                        ps.addBatch();
                        if (i % 5000 == 4999) ps.executeBatch();
                    }
                    ps.executeBatch();
                }
                c.rollback();
                return (System.nanoTime() - s0) / 1e9;
            });
            System.out.printf("baseline JDBC batch inserts (5000/batch, no checks): %d in %.2f s -> %.0f s extrapolated to %d%n",
                    batchSample, batchS, batchS * n / batchSample, n);

            db.read(c -> {
                c.createStatement().execute("VACUUM ANALYZE ledger_serial");
                return null;
            });
            Random rnd = new Random(42);
            for (int i = 0; i < 2000; i++) {   // warm-up
                int k = rnd.nextInt(n);
                db.read(c -> LedgerQueries.custodyChain(c, serial(k)));
            }
            long[] ns = new long[lookups];
            int found = 0;
            for (int i = 0; i < lookups; i++) {
                int k = rnd.nextInt(n);
                long s0 = System.nanoTime();
                var chain = db.read(c -> LedgerQueries.custodyChain(c, serial(k).toLowerCase()));
                ns[i] = System.nanoTime() - s0;
                if (chain.items().size() == 1) found++;
            }
            Arrays.sort(ns);
            System.out.printf("custody chain lookup: %d lookups (%d found), p50 %.3f ms, p99 %.3f ms, max %.3f ms"
                            + " -- target p99 <= 2 ms: %s%n", lookups, found, ns[lookups / 2] / 1e6,
                    ns[(int) (lookups * 0.99)] / 1e6, ns[lookups - 1] / 1e6, ns[(int) (lookups * 0.99)] <= 2_000_000
                            ? "MET" : "NOT MET");
            int naive = 20;
            long[] nn = new long[naive];
            for (int i = 0; i < naive; i++) {
                String key = SerialKey.of(serial(rnd.nextInt(n)));
                long s0 = System.nanoTime();
                db.read(c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT s.id, t.case_id, l.lot_no FROM ledger_serial s "
                            + "JOIN ledger_lot l ON l.id = s.lot_id JOIN ledger_transfer t ON t.id = l.transfer_id "
                            + "WHERE upper(regexp_replace(s.serial, '[^A-Za-z0-9]', '', 'g')) = ?")) {
                        ps.setString(1, key);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) rs.getLong(1);
                        }
                    }
                    return null;
                });
                nn[i] = System.nanoTime() - s0;
            }
            Arrays.sort(nn);
            System.out.printf("baseline naive lookup (normalise on the fly, sequential scan): %d lookups, p50 %.1f ms,"
                    + " max %.1f ms%n", naive, nn[naive / 2] / 1e6, nn[naive - 1] / 1e6);
        } finally {
            deleteTree(work);
        }
    }

    static String serial(int i) {
        return "NV-%07d".formatted(i);
    }

    static void write(Path folder, int n, int lots) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("units.csv"), "code,name,echelon,country,parent_code\n"
                + "B-MOD,Ministry,ministry,Iraq,\nB-ARMY,Army,service,Iraq,B-MOD\nB-DIV,Division,division,Iraq,B-ARMY\n"
                + "B-BDE,Brigade,brigade,Iraq,B-DIV\n");
        Files.writeString(folder.resolve("transfers.csv"), "case_id,supplier,recipient_country,programme,end_users\n"
                + "BENCH-1,United States,Iraq,ITEF,B-ARMY\n");
        int per = (n + lots - 1) / lots;
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("lots.csv"))) {
            w.write("case_id,lot,article,quantity,delivery_date,delivered_to\n");
            for (int l = 0; l < lots; l++) {
                w.write("BENCH-1,L" + l + ",an-pvs-14," + per + "," + LocalDate.of(2016, 1, 1).plusDays(l) + ",B-BDE\n");
            }
        }
        try (BufferedWriter w = new BufferedWriter(Files.newBufferedWriter(folder.resolve("serials.csv")), 1 << 20)) {
            w.write("case_id,lot,serial\n");
            for (int i = 0; i < n; i++) {
                w.write("BENCH-1,L" + (i / per) + "," + serial(i) + "\n");
            }
        }
    }

    static long one(Connection c, String sql) throws java.sql.SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void deleteTree(Path p) {
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (Exception ignored) {
            // temp files
        }
    }
}
