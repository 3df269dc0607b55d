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
}
