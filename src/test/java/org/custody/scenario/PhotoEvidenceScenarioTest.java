package org.custody.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.custody.cli.CliContext;
import org.custody.cli.Json;
import org.custody.config.CustodyHome;
import org.custody.evidence.StoredClaim;
import org.custody.photo.TestImages;
import org.custody.photo.ocr.tesseract.TesseractReaderTest;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.evidence.EvidenceStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Photo evidence from intake to the case, through the commands a user types: a group's post with a photograph of a
 * tank, two re-posts of that photograph by other outlets (one resized and recompressed, one cropped), and a field
 * team's report whose photograph shows a stencilled hull number that is on the ledger and carries the camera's GPS
 * position and capture time. After {@code custody detect}: one case for the group, the three posts one origin and the
 * field team a second, the serial read from the picture decisive, and the picture's place and time on the sighting.
 */
@Tag("db")
@Tag("ocr")
class PhotoEvidenceScenarioTest {

    @TempDir
    Path dir;

    private Path post(Path folder, String name, String platform, String author, String date, String text, String photo)
            throws Exception {
        return Files.writeString(folder.resolve(name), ("""
                {"platform": "%s", "author": "%s", "postedAt": "%s",
                 "text": "%s",
                 "media": [{"type": "photo", "file": "%s", "caption": "Photo"}]}
                """).formatted(platform, author, date, text, photo));
    }

    @Test
    void rePostsAreOneOriginTheHullNumberIsDecisiveAndThePictureDatesAndPlacesTheSighting() throws Exception {
        Path evidence = Files.createDirectories(dir.resolve("evidence"));
        BufferedImage tank = TestImages.scene(1601, 1200, 900);
        Files.write(evidence.resolve("tank.jpg"), TestImages.jpeg(tank, 0.92f));
        Files.write(evidence.resolve("tank-small.jpg"), TestImages.jpeg(TestImages.scale(tank, 0.45), 0.55f));
        Files.write(evidence.resolve("tank-cropped.jpg"), TestImages.jpeg(TestImages.crop(tank, 0.06, 0.05, 0.88, 0.9), 0.8f));
        String serial = UnseenEvidenceScenarioTest.serial(58);
        BufferedImage hull = ImageIO.read(TesseractReaderTest.plate(dir, "hull.png", serial, 6, true).toFile());
        Files.write(evidence.resolve("hull.jpg"), TestImages.jpeg(hull, 0.95f,
                TestImages.exif("Samsung", "SM-G960F", LocalDateTime.of(2018, 1, 28, 10, 14, 5), 32.8703, 44.1861)));

        Path original = post(evidence, "original.json", "Telegram", "kh_media", "2018-02-10",
                "Our Kata'ib Hizballah fighters were seen driving an M1A1 Abrams tank near Jurf al-Sakhar today.", "tank.jpg");
        Path repost1 = post(evidence, "repost-gulf.json", "X", "Gulf Wire Service", "2018-02-11",
                "Kata'ib Hizballah fighters were seen with an M1A1 Abrams tank near Jurf al-Sakhar, a picture shared online shows.",
                "tank-small.jpg");
        Path repost2 = post(evidence, "repost-levant.json", "Facebook", "Levant Monitor", "2018-02-12",
                "On Sunday Kata'ib Hizballah fighters were seen with an M1A1 Abrams tank outside Jurf al-Sakhar, according to a picture circulating on social media.",
                "tank-cropped.jpg");
        Path report = Files.writeString(evidence.resolve("report.json"), """
                {"format": "custody-field-report/1", "reportId": "FR-2018-0131", "organisation": "Monitoring Team South",
                 "reportedOn": "2018-01-30", "holder": "Kata'ib Hizballah",
                 "title": "Checkpoint visit",
                 "observations": [{"text": "Monitors photographed the hull number of a tank at a checkpoint.",
                                   "items": [{"description": "M1A1 Abrams", "quantity": 1}]}],
                 "media": [{"type": "photo", "file": "hull.jpg", "caption": "Hull number of the tank"}]}
                """);

        try (Database db = TestDatabases.fresh()) {
            CliContext ctx = new CliContext(new CustodyHome(dir.resolve("home")), db);
            Path ledger = dir.resolve("ledger.json");
            Files.writeString(ledger, UnseenEvidenceScenarioTest.ledgerJson());
            Commands.run(ctx, "ledger", "import", ledger.toString());
            // the earliest poster arrives last and is still the credited origin
            StringBuilder ingested = new StringBuilder();
            for (Path p : List.of(repost1, repost2, original, report)) ingested.append(Commands.run(ctx, "ingest", p.toString()));
            String detected = Commands.run(ctx, "detect", "--as-of", "2018-06-01");

            List<JsonNode> cases = Commands.jsonLines(Commands.run(ctx, "cases", "--json"));
            assertThat(cases.stream().filter(UnseenEvidenceScenarioTest::aboutKh).count()).as(ingested + "\n" + detected)
                    .isEqualTo(1);
            JsonNode kh = cases.stream().filter(UnseenEvidenceScenarioTest::aboutKh).findFirst().orElseThrow();
            assertThat(kh.get("transfers")).hasSize(1);
            assertThat(kh.get("transfers").get(0).get("serialsMatched").toString()).contains(serial);
            assertThat(UnseenEvidenceScenarioTest.factor(kh, "serial_match").get("value").asDouble()).isEqualTo(1.0);
            assertThat(UnseenEvidenceScenarioTest.factor(kh, "corroboration").get("explanation").asText())
                    .as("three posts of one photograph are one origin; the field team is a second")
                    .startsWith("2 independent origin(s)");

            JsonNode shown = Json.MAPPER.readTree(Commands.run(ctx, "case", "show", kh.get("id").asText(), "--json"));
            JsonNode fieldPhoto = null;
            for (JsonNode p : shown.get("photos")) if (p.path("camera").asText().contains("SM-G960F")) fieldPhoto = p;
            assertThat(fieldPhoto).as(shown.toPrettyString()).isNotNull();
            assertThat(fieldPhoto.get("taken").asText()).startsWith("2018-01-28T10:14");

            // the report is dated 2018-01-30: a sighting dated the 28th can only have the picture's capture time
            List<StoredClaim> claims = new EvidenceStore(db).claims();
            StoredClaim sighting = claims.stream().filter(c -> LocalDate.of(2018, 1, 28).equals(c.date())).findFirst()
                    .orElseThrow(() -> new AssertionError("no sighting dated by the picture: " + claims));
            assertThat(sighting.latitude()).isCloseTo(32.8703, Offset.offset(1e-3));
            assertThat(sighting.longitude()).isCloseTo(44.1861, Offset.offset(1e-3));
            assertThat(sighting.date()).isEqualTo(LocalDate.of(2018, 1, 28));
        }
    }
}
