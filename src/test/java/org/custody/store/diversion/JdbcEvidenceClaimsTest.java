package org.custody.store.diversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.custody.catalog.ArticleCatalog;
import org.custody.cli.CliContext;
import org.custody.cli.CustodyCommand;
import org.custody.config.CustodyHome;
import org.custody.diversion.EvidenceClaim;
import org.custody.diversion.Stance;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.ledger.ArticleStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("db")
class JdbcEvidenceClaimsTest {

    @TempDir
    Path home;

    @Test
    void ingestedDemoEvidenceBecomesDetectionClaims() {
        try (Database db = TestDatabases.fresh()) {
            PrintStream old = System.out;
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try {
                System.setOut(new PrintStream(sink, true, StandardCharsets.UTF_8));
                CustodyCommand.execute(new CliContext(new CustodyHome(home), db), "ingest", "data/demo/evidence");
            } finally {
                System.setOut(old);
            }
            ArticleCatalog catalog = db.inTransaction(ArticleStore::catalog);
            List<EvidenceClaim> claims = db.read(c -> JdbcEvidenceClaims.load(c, catalog));
            assertThat(claims).isNotEmpty();
            // the field report's photographed hull number is attached to its claim
            assertThat(claims).anySatisfy(c -> {
                assertThat(c.serial()).isEqualTo("AB1A-10042");
                assertThat(c.coordinates()).isNotNull();
                assertThat(c.country()).isEqualTo("Iraq");
                assertThat(c.date()).isEqualTo(java.time.LocalDate.of(2015, 6, 4));
            });
            // the syndicated copy counts its credited wire as its origin
            assertThat(claims.stream().filter(c -> c.stance() == Stance.ASSERTED && c.article().designation() != null
                    && c.holder().name().contains("Kata'ib") && c.serial() == null)
                    .flatMap(c -> c.origins().stream()).distinct().toList()).contains("wire agency a").doesNotContain("regional daily");
            assertThat(claims).anySatisfy(c -> assertThat(c.stance()).isEqualTo(Stance.DENIED));
            assertThat(claims).anySatisfy(c -> {
                assertThat(c.stance()).isEqualTo(Stance.HEDGED);
                assertThat(c.article().family()).isEqualTo("HMMWV");
            });
            assertThat(claims).anySatisfy(c -> {
                assertThat(c.holder().name()).containsIgnoringCase("kata'ib");
                assertThat(c.article().designation()).isEqualTo("M1A1 Abrams");
                assertThat(c.stance()).isEqualTo(Stance.ASSERTED);
            });
        }
    }
}
