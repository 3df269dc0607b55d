package org.custody.store.diversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.custody.catalog.ArticleCatalog;
import org.custody.cli.CliContext;
import org.custody.cli.CustodyCommand;
import org.custody.config.CustodyHome;
import org.custody.diversion.EvidenceClaim;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.ledger.ArticleStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serials in prose are indexed at ingest (in the ingest transaction) and detection joins that index to the
 * ledger's serials instead of re-reading every document; documents stored before the index existed are
 * indexed once by the next detection.
 */
@Tag("db")
class SerialTokenIndexTest {

    @TempDir
    Path dir;

    private static void run(CliContext ctx, String... args) {
        PrintStream old = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            CustodyCommand.execute(ctx, args);
        } finally {
            System.setOut(old);
        }
    }

    private static List<String> tokens(Database db) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT serial_key, serial FROM evidence_serial_token ORDER BY serial_key");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1) + "=" + rs.getString(2));
            }
            return out;
        });
    }

    private static List<String> serials(Database db) {
        ArticleCatalog catalog = db.inTransaction(ArticleStore::catalog);
        return db.read(c -> JdbcEvidenceClaims.load(c, catalog)).stream().map(EvidenceClaim::serial)
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    @Test
    void proseSerialsAreIndexedAtIngestAndJoinedAtDetection() throws Exception {
        try (Database db = TestDatabases.fresh()) {
            CliContext ctx = new CliContext(new CustodyHome(dir.resolve("home")), db);
            Path evidence = Files.createDirectories(dir.resolve("evidence"));
            Files.writeString(evidence.resolve("note.txt"), "Title: Abrams at a checkpoint\nPublished: 2015-06-20\n\n"
                    + "Kata'ib Hezbollah fighters drove an M1A1 Abrams tank near Jurf al-Sakhar; its hull number, AB1A-10042, "
                    + "was legible in the photographs.\n");
            run(ctx, "ledger", "import", "data/demo/ledger-iraq.json");
            run(ctx, "ingest", evidence.toString());
            assertThat(tokens(db)).contains("AB1A10042=AB1A-10042");
            assertThat(serials(db)).containsExactly("AB1A-10042");

            // detection reads the index, not the text: with the serial gone from the stored body it is still found
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE evidence_document SET body = replace(body, 'AB1A-10042', 'unreadable')")) {
                    return ps.executeUpdate();
                }
            });
            assertThat(serials(db)).containsExactly("AB1A-10042");

            // a document stored before the index existed is indexed once, by the next detection
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM evidence_serial_token");
                     PreparedStatement back = c.prepareStatement(
                             "UPDATE evidence_document SET body = replace(body, 'unreadable', 'AB1A-10042'), serials_indexed = false")) {
                    ps.executeUpdate();
                    return back.executeUpdate();
                }
            });
            assertThat(tokens(db)).isEmpty();
            assertThat(serials(db)).containsExactly("AB1A-10042");
            assertThat(tokens(db)).contains("AB1A10042=AB1A-10042");
        }
    }
}
