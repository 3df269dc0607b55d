package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.custody.config.CustodyHome;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.intake.Intake;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.evidence.EvidenceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding 6 of the hardening issue: ordinary long files finish, a failing file never stops the batch or half-lands. */
@Tag("db")
class IngestHardeningTest {

    @TempDir
    Path home;
    @TempDir
    Path in;

    Database db;
    CliContext ctx;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh();
        ctx = new CliContext(new CustodyHome(home), db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long documents() {
        return db.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM evidence_document")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** ~300 KB of single-newline lines: one paragraph of thousands of lines (the old regex overflowed the stack). */
    static String longSingleNewlineText() {
        StringBuilder sb = new StringBuilder("Title: Convoy log\n\n");
        for (int i = 0; sb.length() < 300_000; i++) {
            sb.append("Line ").append(i).append(": a convoy of trucks was seen moving north near the river crossing at dawn\n");
        }
        return sb.toString();
    }

    @Test
    void aLongFileFinishesAWrongTypedPostIsRefusedByFieldAndTheBatchGoesOn() throws Exception {
        Files.writeString(in.resolve("a-long.txt"), longSingleNewlineText());
        Files.writeString(in.resolve("b-post.json"), "{\"platform\": [\"x\"], \"text\": 123}");
        Files.writeString(in.resolve("c-dup.json"), "{\"platform\": \"x\", \"text\": \"first\", \"text\": \"second\"}");
        Files.writeString(in.resolve("d-nul.json"), "{\"platform\": \"x\\u0000y\", \"text\": \"M16 rifles seen\"}");
        Files.writeString(in.resolve("e-good.txt"), "Title: Good\n\nIraqi army units received M1A1 tanks in Baghdad.\n");
        CliRun r = CliRun.run(ctx, "ingest", in.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("b-post.json: field 'platform': expected a string, found ARRAY")
                .contains("c-dup.json: not valid JSON at line 1").contains("Duplicate field 'text'")
                .contains("d-nul.json: field 'platform': control character U+0000")
                .contains("5 file(s), 2 document(s) stored, 0 unchanged, 3 refused");
        assertThat(r.err()).doesNotContain("StackOverflowError");
        assertThat(documents()).isEqualTo(2);
    }

    @Test
    void aFileThatFailsHalfWayLeavesNothingStored() throws Exception {
        Path posts = in.resolve("posts.json");
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            if (i > 0) sb.append(',');
            sb.append("{\"platform\":\"x\",\"postedAt\":\"2017-05-0").append(1 + i % 9)
                    .append("\",\"text\":\"Post ").append(i).append(": Humvees seen near Mosul.\"}");
        }
        Files.writeString(posts, sb.append(']').toString());
        EvidenceAnalyzer analyzer = EvidenceAnalyzer.standard(
                new org.custody.evidence.extract.CatalogArticleResolver(db.inTransaction(
                        org.custody.store.ledger.ArticleStore::catalog)), null);
        EvidenceStore store = new EvidenceStore(db);
        var docs = Intake.read(posts);
        assertThat(docs).hasSize(20);
        assertThatThrownBy(() -> store.storeFile(sink -> {
            int n = 0;
            for (var d : docs) {
                sink.store(analyzer.analyze(d));
                if (++n == 10) throw new IllegalStateException("interrupted after 10 of 20 posts");
            }
        })).hasMessageContaining("interrupted");
        assertThat(documents()).isZero();

        CliRun again = CliRun.run(ctx, "ingest", posts.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(documents()).isEqualTo(20);
    }
}
