package org.custody.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custody.cli.CliContext;
import org.custody.config.CustodyHome;
import org.custody.photo.ocr.tesseract.TesseractReaderTest;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A serial known only from a picture: a field monitor's post whose text names no serial, with a photograph of a
 * stencilled hull number that is on the ledger. Through {@code custody ingest} (tesseract reads the picture) and
 * {@code custody detect}, the case links the transfer by that serial, as decisive evidence, and shows what the
 * picture said.
 */
@Tag("db")
@Tag("ocr")
class PhotoSerialScenarioTest {

    @TempDir
    Path dir;

    @Test
    void aStencilledSerialReadFromAPhotoIsDecisiveOnTheCase() throws Exception {
        try (Database db = TestDatabases.fresh()) {
            CliContext ctx = new CliContext(new CustodyHome(dir.resolve("home")), db);
            Path ledger = dir.resolve("ledger.json");
            Files.writeString(ledger, UnseenEvidenceScenarioTest.ledgerJson());
            Commands.run(ctx, "ledger", "import", ledger.toString());

            Path evidence = Files.createDirectories(dir.resolve("evidence"));
            String serial = UnseenEvidenceScenarioTest.serial(58);
            TesseractReaderTest.plate(evidence, "hull.png", serial, 6, true);
            Files.writeString(evidence.resolve("post.json"), """
                    {"platform": "telegram", "author": "field monitor", "postedAt": "2018-01-20",
                     "text": "Kata'ib Hizballah fighters drove an M1A1 Abrams tank through a checkpoint near Jurf al-Sakhar.",
                     "media": [{"type": "photo", "file": "hull.png", "caption": "hull number of the tank"}]}
                    """);
            String ingestOut = Commands.run(ctx, "ingest", evidence.resolve("post.json").toString());
            String detectOut = Commands.run(ctx, "detect", "--as-of", "2018-06-01");

            List<JsonNode> cases = Commands.jsonLines(Commands.run(ctx, "cases", "--json"));
            JsonNode kh = cases.stream().filter(UnseenEvidenceScenarioTest::aboutKh).findFirst()
                    .orElseThrow(() -> new AssertionError(ingestOut + "\n" + detectOut));
            assertThat(kh.get("transfers")).hasSize(1);
            assertThat(kh.get("transfers").get(0).get("serialsMatched").toString()).contains(serial);
            assertThat(UnseenEvidenceScenarioTest.factor(kh, "serial_match").get("value").asDouble()).isEqualTo(1.0);

            String show = Commands.run(ctx, "case", "show", kh.get("id").asText());
            assertThat(show).contains("hull.png");
        }
    }
}
