package org.custody.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.custody.audit.AuditEntry;
import org.custody.audit.AuditLog;
import org.custody.ledger.Clearance;
import org.custody.ledger.DeliveryClearance;
import org.custody.ledger.DeliveryRefusedException;
import org.custody.ledger.LedgerBatch;
import org.custody.ledger.LedgerFormatException;
import org.custody.ledger.Lot;
import org.custody.ledger.OrgUnit;
import org.custody.ledger.Transfer;
import org.custody.ledger.format.LedgerCsv;
import org.custody.ledger.format.LedgerJson;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("db")
class LedgerImporterTest {

    /** A small real clearance: units whose code is in the denied set are refused; others cleared. */
    static final class DenyList implements DeliveryClearance {
        final java.util.Set<Long> denied = new java.util.HashSet<>();

        @Override
        public Clearance check(long unitId, LocalDate deliveryDate) {
            return denied.contains(unitId) ? new Clearance.Refused("unit " + unitId + " denied by vetting")
                    : new Clearance.Cleared("approved for test");
        }
    }

    Database db;
    DenyList clearance = new DenyList();
    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        db = TestDatabases.fresh();
    }

    @AfterEach
    void stop() {
        db.close();
    }

    static final String UNITS = """
            code,name,echelon,country,parent_code,aliases,area_place,area_lat,area_lon
            IQ-MOD,Ministry of Defence,ministry,Iraq,,,Baghdad,33.34,44.40
            IQ-IA,Iraqi Army,service,Iraq,IQ-MOD,IA,,,
            IQ-IA-9D-35B,35th Brigade,brigade,Iraq,IQ-IA-9D,Liwa 35,Taji,33.52,44.26
            IQ-IA-9D,9th Armoured Division,division,Iraq,IQ-IA,,,,
            IQ-IA-9D-35B-1,1st Battalion,battalion,Iraq,IQ-IA-9D-35B,,,,
            IQ-PMF,Popular Mobilization Commission,other,Iraq,,PMF;Hashd,,,
            """;
    static final String TRANSFERS = """
            case_id,supplier,recipient_country,programme,notification_date,end_users,end_use_terms,notes
            IQ-B-UAB,United States,Iraq,FMS,2008-07-31,IQ-IA-9D,no re-transfer without consent;no use other than stated,140 M1A1
            IQ-ITEF-17,United States,Iraq,ITEF,2016-01-10,IQ-IA,no re-transfer without consent,
            """;
    static final String LOTS = """
            case_id,lot,article,quantity,delivery_date,delivered_to,override_justification
            IQ-B-UAB,1,M1A1 Abrams,3,2010-08-01,IQ-IA-9D-35B,
            IQ-ITEF-17,A,an-pvs-14,4,2016-05-01,IQ-IA-9D-35B-1,
            """;
    static final String SERIALS = """
            case_id,lot,serial
            IQ-B-UAB,1,US-0001
            IQ-B-UAB,1,US-0002
            IQ-ITEF-17,A,NV 1001
            IQ-ITEF-17,A,NV-1002
            """;

    Path write(String units, String transfers, String lots, String serials) throws IOException {
        Path d = Files.createTempDirectory(dir, "b");
        if (units != null) Files.writeString(d.resolve("units.csv"), units);
        if (transfers != null) Files.writeString(d.resolve("transfers.csv"), transfers);
        if (lots != null) Files.writeString(d.resolve("lots.csv"), lots);
        if (serials != null) Files.writeString(d.resolve("serials.csv"), serials);
        return d;
    }

    ImportReport load(Path folder) throws IOException {
        LedgerBatch b = LedgerCsv.read(folder);
        return db.inTransaction(c -> LedgerImporter.importBatch(c, b, clearance, "tester"));
    }

    @Test
    void aFullBatchIsRecorded() throws IOException {
        ImportReport r = load(write(UNITS, TRANSFERS, LOTS, SERIALS));
        assertThat(r.units()).isEqualTo(6);
        assertThat(r.serials()).isEqualTo(4);
        Transfer t = db.read(c -> TransferStore.byCase(c, "IQ-B-UAB")).orElseThrow();
        assertThat(t.endUserUnitCodes()).containsExactly("IQ-IA-9D");
        assertThat(t.endUseTerms()).containsExactly("no re-transfer without consent", "no use other than stated");
        List<Lot> lots = db.read(c -> TransferStore.lots(c, t.id()));
        assertThat(lots).singleElement().satisfies(l -> {
            assertThat(l.articleId()).contains("m1a1-abrams");
            assertThat(l.deliveryYear()).contains(2010);
        });
        OrgUnit bde = db.read(c -> OrgUnitStore.byCode(c, "IQ-IA-9D-35B")).orElseThrow();
        assertThat(bde.parentId()).isPresent();
        List<AuditEntry> audit = db.read(c -> AuditLog.entries(c, "ledger:" + r.source()));
        assertThat(audit).extracting(AuditEntry::action).containsExactly("ledger.import");
    }

    @Test
    void aRefusedDeliveryFailsTheWholeImportAndNamesTheLine() throws IOException {
        Path units = write(UNITS, null, null, null);
        load(units);
        long bn = db.read(c -> OrgUnitStore.byCode(c, "IQ-IA-9D-35B-1")).orElseThrow().id();
        clearance.denied.add(bn);
        Path rest = write(null, TRANSFERS, LOTS, SERIALS);
        assertThatThrownBy(() -> load(rest)).isInstanceOf(DeliveryRefusedException.class)
                .hasMessageContaining("lots.csv:3").hasMessageContaining("denied by vetting");
        Optional<Transfer> none = db.read(c -> TransferStore.byCase(c, "IQ-B-UAB"));
        assertThat(none).isEmpty();
    }

    @Test
    void anOverrideRecordsTheDeliveryAndKeepsRefusalAndJustification() throws IOException {
        load(write(UNITS, null, null, null));
        long bn = db.read(c -> OrgUnitStore.byCode(c, "IQ-IA-9D-35B-1")).orElseThrow().id();
        clearance.denied.add(bn);
        String lots = LOTS.replace("IQ-IA-9D-35B-1,", "IQ-IA-9D-35B-1,\"Urgent: Mosul offensive, approved by chief of mission\"");
        ImportReport r = load(write(null, TRANSFERS, lots, SERIALS));
        assertThat(r.overrides()).singleElement().satisfies(o -> {
            assertThat(o.refusal()).contains("denied by vetting");
            assertThat(o.justification()).contains("Mosul offensive");
        });
        List<AuditEntry> audit = db.read(c -> AuditLog.entries(c, "unit:" + bn));
        assertThat(audit).extracting(AuditEntry::action).containsExactly("ledger.delivery.override");
        String outcome = db.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT outcome || '|' || refusal_reason || '|' || justification FROM ledger_delivery_clearance "
                            + "WHERE outcome = 'OVERRIDDEN'")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(outcome).startsWith("OVERRIDDEN|").contains("denied by vetting").contains("chief of mission");
    }

    @Test
    void aDeliveryOutsideTheApprovedEndUsersIsRefused() throws IOException {
        String lots = LOTS.replace("IQ-B-UAB,1,M1A1 Abrams,3,2010-08-01,IQ-IA-9D-35B,",
                "IQ-B-UAB,1,M1A1 Abrams,3,2010-08-01,IQ-PMF,");
        assertThatThrownBy(() -> load(write(UNITS, TRANSFERS, lots, SERIALS)))
                .hasMessageContaining("not an approved end user of case IQ-B-UAB");
        Optional<OrgUnit> none = db.read(c -> OrgUnitStore.byCode(c, "IQ-PMF"));
        assertThat(none).isEmpty();
    }

    @Test
    void malformedRowsNameFileLineAndField() throws IOException {
        assertThatThrownBy(() -> load(write(UNITS, TRANSFERS, LOTS.replace(",3,2010-08-01", ",three,2010-08-01"),
                SERIALS))).isInstanceOf(LedgerFormatException.class)
                .hasMessageContaining("lots.csv:2").hasMessageContaining("'quantity'");
        assertThatThrownBy(() -> load(write(UNITS, TRANSFERS, LOTS.replace("M1A1 Abrams", "Leopard 2A4"), SERIALS)))
                .hasMessageContaining("lots.csv:2").hasMessageContaining("'article'");
        assertThatThrownBy(() -> load(write(UNITS.replace("brigade,Iraq", "legion,Iraq"), null, null, null)))
                .hasMessageContaining("units.csv:4").hasMessageContaining("'echelon'");
        assertThatThrownBy(() -> load(write(UNITS, TRANSFERS.replace(",FMS,", ",BARTER,"), LOTS, SERIALS)))
                .hasMessageContaining("transfers.csv:2").hasMessageContaining("'programme'");
        assertThatThrownBy(() -> load(write(UNITS, TRANSFERS, LOTS.replace("2010-08-01", "01/08/2010"), SERIALS)))
                .hasMessageContaining("'delivery_date'");
        assertThatThrownBy(() -> load(write(UNITS, TRANSFERS, LOTS, SERIALS.replace("IQ-B-UAB,1,US-0002",
                "IQ-B-UAB,9,US-0002")))).hasMessageContaining("serials.csv:3").hasMessageContaining("'lot'");
        assertThatThrownBy(() -> load(write(UNITS, TRANSFERS, LOTS, SERIALS + "IQ-B-UAB,1,us 0001\n")))
                .hasMessageContaining("serials.csv:6").hasMessageContaining("already appears on line 2");
        assertThatThrownBy(() -> load(write(UNITS, TRANSFERS, LOTS, SERIALS + "IQ-B-UAB,1,US-0003\nIQ-B-UAB,1,US-0004\n")))
                .hasMessageContaining("quantity 3 but 4");
        assertThatThrownBy(() -> load(write(UNITS, TRANSFERS, LOTS, "case_id,lot,serial,colour\n")))
                .hasMessageContaining("serials.csv:1").hasMessageContaining("'colour'");
        assertThatThrownBy(() -> load(write(UNITS.replace("service,Iraq,IQ-MOD", "service,Iraq,IQ-NOPE"), null, null, null)))
                .hasMessageContaining("'parent_code'");
        // nothing from any failed attempt was kept
        List<OrgUnit> units = db.read(OrgUnitStore::all);
        assertThat(units).isEmpty();
    }

    @Test
    void serialsAlreadyRecordedAreRefusedOnASecondImport() throws IOException {
        load(write(UNITS, TRANSFERS, LOTS.replace(",3,", ",5,"), SERIALS));
        assertThatThrownBy(() -> load(write(null, null, null, "case_id,lot,serial\nIQ-B-UAB,1,US-0003\nIQ-B-UAB,1,US0001\n")))
                .hasMessageContaining("serials.csv:3").hasMessageContaining("already recorded");
        ImportReport more = load(write(null, null, null, "case_id,lot,serial\nIQ-B-UAB,1,US-0003\n"));
        assertThat(more.serials()).isEqualTo(1);
    }

    @Test
    void theJsonFormatCarriesTheSameRecords() throws IOException {
        Path units = write(UNITS, null, null, null);
        load(units);
        Path json = dir.resolve("case.json");
        Files.writeString(json, """
                {"transfers": [
                  {"caseId": "IQ-B-UAB", "supplier": "United States", "recipientCountry": "Iraq",
                   "programme": "FMS", "endUsers": ["IQ-IA-9D"], "endUseTerms": ["no re-transfer without consent"],
                   "lots": [{"lot": "1", "article": "M-1A1", "quantity": 2, "deliveryDate": "2010-08-01",
                             "deliveredTo": "IQ-IA-9D-35B", "serials": ["US-1", "US-2"]}]}
                ]}""");
        LedgerBatch b = LedgerJson.read(json);
        ImportReport r = db.inTransaction(c -> LedgerImporter.importBatch(c, b, clearance, "tester"));
        assertThat(r.serials()).isEqualTo(2);
        Files.writeString(json, """
                {"transfers": [
                  {"caseId": "X", "supplier": "United States", "recipientCountry": "Iraq", "programme": "FMS",
                   "lots": [{"lot": "1", "article": "M-1A1", "quantity": "two"}]}
                ]}""");
        assertThatThrownBy(() -> LedgerJson.read(json)).hasMessageContaining("case.json:2")
                .hasMessageContaining("transfers[0].lots[0]").hasMessageContaining("'quantity'");
    }
}
