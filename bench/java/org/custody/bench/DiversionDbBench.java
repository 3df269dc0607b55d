package org.custody.bench;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.custody.catalog.Article;
import org.custody.diversion.Actor;
import org.custody.diversion.ArticleRef;
import org.custody.diversion.ClaimKind;
import org.custody.diversion.DesignationView;
import org.custody.diversion.EvidenceClaim;
import org.custody.diversion.GeoPoint;
import org.custody.diversion.InMemoryLedger;
import org.custody.diversion.ScoringConfig;
import org.custody.diversion.Stance;
import org.custody.store.Database;
import org.custody.store.DatabaseConfig;
import org.custody.store.diversion.DiversionRunner;
import org.custody.store.diversion.JdbcLedgerSnapshot;
import org.custody.store.ledger.ArticleStore;
import org.postgresql.PGConnection;

/**
 * Detection end to end on the embedded PostgreSQL: a ledger of S serials (default 1,000,000) written into
 * the ledger's tables, loaded with {@link JdbcLedgerSnapshot}, N claims (default 100,000) detected, and the
 * resulting cases written (opened with links, events, audit entries) by {@link DiversionRunner}.
 *
 * <pre>bench/diversion.sh --db [claims] [serials]</pre>
 */
public final class DiversionDbBench {

    public static void main(String[] args) throws Exception {
        int claimsN = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int serialsN = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = Files.createTempDirectory("custody-diversion-bench");
        Random rnd = new Random(42);
        try (Database db = Database.open(new DatabaseConfig.Embedded(dir.resolve("pgdata")))) {
            List<Article> articles = db.inTransaction(c -> {
                ArticleStore.seedStarter(c);
                return ArticleStore.all(c);
            });
            int transfersN = Math.max(1, serialsN / 100);
            long t0 = System.nanoTime();
            List<Long> units = new ArrayList<>();
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_org_unit(code, name, echelon, country, area_lat, area_lon)"
                        + " VALUES (?,?,?,?,?,?) RETURNING id")) {
                    for (int i = 0; i < 500; i++) {
                        ps.setString(1, "U" + i);
                        ps.setString(2, "Unit " + i);
                        ps.setString(3, "BRIGADE");
                        ps.setString(4, "Iraq");
                        ps.setDouble(5, 30 + rnd.nextDouble() * 6);
                        ps.setDouble(6, 40 + rnd.nextDouble() * 6);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            units.add(rs.getLong(1));
                        }
                    }
                }
                StringBuilder transfers = new StringBuilder();
                StringBuilder endUsers = new StringBuilder();
                StringBuilder lots = new StringBuilder();
                for (int i = 1; i <= transfersN; i++) {
                    transfers.append(i).append("\tCASE-").append(i).append("\tUnited States\tIraq\tFMS\t2008-01-01\tbench\n");
                    endUsers.append(i).append('\t').append(units.get(rnd.nextInt(units.size()))).append('\n');
                    Article a = articles.get(rnd.nextInt(articles.size()));
                    lots.append(i).append('\t').append(i).append("\t1\t").append(a.id()).append('\t').append(a.designation())
                            .append('\t').append(a.category().name()).append("\t100\t")
                            .append(LocalDate.of(2005, 1, 1).plusDays(rnd.nextInt(4000))).append('\n');
                }
                var copy = c.unwrap(PGConnection.class).getCopyAPI();
                try {
                copy.copyIn("COPY ledger_transfer(id, case_id, supplier, recipient_country, programme, notification_date, source) FROM STDIN",
                        new StringReader(transfers.toString()));
                copy.copyIn("COPY ledger_transfer_end_user(transfer_id, unit_id) FROM STDIN", new StringReader(endUsers.toString()));
                copy.copyIn("COPY ledger_lot(id, transfer_id, lot_no, article_id, designation, category, quantity, delivery_date) FROM STDIN",
                        new StringReader(lots.toString()));
                c.createStatement().execute("SELECT setval('ledger_transfer_id_seq', " + transfersN + ")");
                c.createStatement().execute("SELECT setval('ledger_lot_id_seq', " + transfersN + ")");
                StringBuilder serials = new StringBuilder(serialsN * 24);
                try (PreparedStatement ps = c.prepareStatement("SELECT id, article_id FROM ledger_lot");
                     ResultSet rs = ps.executeQuery()) {
                    int per = serialsN / transfersN;
                    int n = 0;
                    while (rs.next()) {
                        for (int k = 0; k < per; k++, n++) {
                            serials.append(rs.getLong(1)).append('\t').append(rs.getString(2)).append("\tSN-").append(n)
                                    .append("\tSN").append(n).append('\n');
                        }
                    }
                }
                copy.copyIn("COPY ledger_serial(lot_id, article_id, serial, serial_key) FROM STDIN", new StringReader(serials.toString()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            });
            long tWrite = System.nanoTime() - t0;

            long t1 = System.nanoTime();
            InMemoryLedger ledger = db.inTransaction(c -> JdbcLedgerSnapshot.load(c, 50));
            long tLoad = System.nanoTime() - t1;

            List<EvidenceClaim> claims = new ArrayList<>(claimsN);
            Stance[] stances = Stance.values();
            for (int i = 0; i < claimsN; i++) {
                Article a = articles.get(rnd.nextInt(articles.size()));
                ArticleRef ref = new ArticleRef(a.designation(), a.family(), a.category().label());
                int kind = rnd.nextInt(10);
                String serial = kind < 3 ? "SN-" + rnd.nextInt(serialsN * 3 / 2) : null;
                if (kind >= 3 && kind < 5) ref = new ArticleRef(null, a.family(), a.category().label());
                Actor holder = rnd.nextInt(4) == 0 ? new Actor(null, "Unit " + rnd.nextInt(500))
                        : new Actor("group-" + rnd.nextInt(400), "Armed group " + rnd.nextInt(400));
                claims.add(new EvidenceClaim("c" + i, ClaimKind.POSSESSION, ref, holder, serial, null,
                        new GeoPoint(30 + rnd.nextDouble() * 6, 40 + rnd.nextDouble() * 6), "Iraq",
                        LocalDate.of(2012, 1, 1).plusDays(rnd.nextInt(3000)), stances[rnd.nextInt(3)],
                        Set.of("origin-" + rnd.nextInt(3000)), null, "doc" + i, "s", null));
            }
            DesignationView designations = h -> Optional.empty();
            DiversionRunner runner = new DiversionRunner(db, ScoringConfig.defaults(),
                    (org.custody.notify.WebhookConfig) null, (c, id, u, r, a) -> List.of());
            long t2 = System.nanoTime();
            DiversionRunner.Report rep = runner.detect(ledger, designations, claims, LocalDate.of(2024, 1, 1), "bench");
            long tRun = System.nanoTime() - t2;
            System.out.printf(Locale.ROOT, "ledger written to PostgreSQL (COPY): %,d serials, %,d deliveries in %.1f s%n",
                    ledger.serialCount(), ledger.transferCount(), tWrite / 1e9);
            System.out.printf(Locale.ROOT, "JdbcLedgerSnapshot.load: %.2f s%n", tLoad / 1e9);
            System.out.printf(Locale.ROOT, "detect + write cases (%,d claims -> %,d findings, %,d cases opened with links, events, audit): %.2f s%n",
                    claims.size(), rep.findings().size(), rep.applied().opened(), tRun / 1e9);
            System.out.printf(Locale.ROOT, "end to end (load + detect + write): %.2f s%n", (tLoad + tRun) / 1e9);
        }
    }

    private DiversionDbBench() {}
}
