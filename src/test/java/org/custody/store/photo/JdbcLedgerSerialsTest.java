package org.custody.store.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custody.ledger.Clearance;
import org.custody.ledger.format.LedgerCsv;
import org.custody.photo.ImageText;
import org.custody.photo.Region;
import org.custody.photo.ocr.ConfusionFold;
import org.custody.photo.ocr.ReadLine;
import org.custody.photo.ocr.SerialMatch;
import org.custody.photo.ocr.SerialMatcher;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.ledger.LedgerImporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("db")
class JdbcLedgerSerialsTest {

    static Database db;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        db = TestDatabases.fresh();
        Files.writeString(dir.resolve("units.csv"), """
                code,name,echelon,country,parent_code,aliases,area_place,area_lat,area_lon
                IQ-IA-9D,9th Armoured Division,division,Iraq,,,,,
                """);
        Files.writeString(dir.resolve("transfers.csv"), """
                case_id,supplier,recipient_country,programme,notification_date,end_users,end_use_terms,notes
                IQ-B-UAB,United States,Iraq,FMS,2008-07-31,IQ-IA-9D,no re-transfer without consent,
                """);
        Files.writeString(dir.resolve("lots.csv"), """
                case_id,lot,article,quantity,delivery_date,delivered_to,override_justification
                IQ-B-UAB,1,M1A1 Abrams,4,2010-08-01,IQ-IA-9D,
                """);
        // 0127 and O127 fold alike; 0128 differs by a digit the fold keeps
        Files.writeString(dir.resolve("serials.csv"), """
                case_id,lot,serial
                IQ-B-UAB,1,IQ-M1A1-0127
                IQ-B-UAB,1,IQ-M1A1-O127
                IQ-B-UAB,1,IQ-M1A1-0128
                IQ-B-UAB,1,SB-4412
                """);
        var batch = LedgerCsv.read(dir);
        db.inTransaction(c -> LedgerImporter.importBatch(c, batch, (u, d) -> new Clearance.Cleared("test"), "t"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void theDatabaseFoldsSerialsAsTheReaderDoes() {
        List<String> keys = db.read(c -> new JdbcLedgerSerials(c).keysFolding(ConfusionFold.of("5B-44I2")));
        assertThat(keys).containsExactly("SB4412");
        List<String> twins = db.read(c -> new JdbcLedgerSerials(c).keysFolding(ConfusionFold.of("IQ-MIAI-0127")));
        assertThat(twins).containsExactlyInAnyOrder("IQM1A10127", "IQM1A1O127");
        List<String> none = db.read(c -> new JdbcLedgerSerials(c).keysFolding("NOTHING1"));
        assertThat(none).isEmpty();
    }

    @Test
    void aReadOfOneOfTwoLookAlikeSerialsIsAmbiguousAndTheOtherMatches() {
        List<SerialMatch> twin = db.read(c -> new SerialMatcher(new JdbcLedgerSerials(c), 6, 0.3)
                .match(List.of(ReadLine.of(new ImageText("IQ-M1A1-0127", new Region(0, 0, 100, 20), 0.9, "Latin")))));
        assertThat(twin).singleElement().isInstanceOf(SerialMatch.Ambiguous.class);
        List<SerialMatch> other = db.read(c -> new SerialMatcher(new JdbcLedgerSerials(c), 6, 0.3)
                .match(List.of(ReadLine.of(new ImageText("IQ-MIAI-OI28", new Region(0, 0, 100, 20), 0.9, "Latin")))));
        assertThat(other).singleElement().isInstanceOfSatisfying(SerialMatch.Matched.class,
                m -> assertThat(m.ledgerKey()).isEqualTo("IQM1A10128"));
    }

    @Test
    @Tag("ocr")
    void aPostsPhotoIsReadAtIngestItsSerialBecomesATokenAndItsBannerText() throws IOException {
        Path post = dir.resolve("post.json");
        org.custody.photo.ocr.tesseract.TesseractReaderTest.plate(dir, "hull.png", "SB-4412", 6, true);
        org.custody.photo.ocr.tesseract.TesseractReaderTest.banner(dir, "كتائب حزب الله");
        Files.writeString(post, """
                {"platform": "telegram", "author": "field monitor", "postedAt": "2024-03-02",
                 "text": "Tank seen at the checkpoint near Jurf al-Sakhar.",
                 "media": [{"type": "photo", "file": "hull.png", "caption": "hull"},
                           {"type": "photo", "file": "banner.png"}]}
                """);
        var intake = new org.custody.store.evidence.EvidenceIntake(db, null,
                org.custody.photo.ocr.tesseract.TesseractReader.ifInstalled().orElseThrow(
                        () -> new AssertionError("tesseract is not installed (CI installs tesseract-ocr)")));
        var ingested = intake.ingest(post);
        assertThat(ingested).hasSize(1);
        String id = ingested.get(0).stored().documentId();
        assertThat(ingested.get(0).document().text()).contains("Text in the picture banner.png", "حزب");
        List<PhotoTextStore.Row> rows = db.read(c -> PhotoTextStore.forDocument(c, id));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo("serial");
            assertThat(r.image()).isEqualTo("hull.png");
            assertThat(r.ledgerKeys()).containsExactly("SB4412");
            assertThat(r.region().w()).isPositive();
            assertThat(r.explanation()).contains("SB4412");
        });
        assertThat(rows).anySatisfy(r -> assertThat(r.script()).isEqualTo("Arabic"));
        List<String> tokens = db.read(c -> {
            try (var ps = c.prepareStatement("SELECT serial_key FROM evidence_serial_token WHERE document_id = ?")) {
                ps.setString(1, id);
                var rs = ps.executeQuery();
                List<String> out = new java.util.ArrayList<>();
                while (rs.next()) out.add(rs.getString(1));
                return out;
            }
        });
        assertThat(tokens).contains("SB4412");
    }
}
