package org.custody.store.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.custody.audit.AuditEntry;
import org.custody.audit.AuditLog;
import org.custody.ledger.DeliveryRefusedException;
import org.custody.ledger.Echelon;
import org.custody.ledger.LedgerBatch;
import org.custody.ledger.format.LedgerCsv;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.ledger.ImportReport;
import org.custody.store.ledger.LedgerImporter;
import org.custody.vetting.NodeRef;
import org.custody.vetting.Outcome;
import org.custody.vetting.Purpose;
import org.custody.vetting.VettingRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger recording deliveries through vetting's clearance: refused without, recorded with an override. */
@Tag("db")
class VettingOverrideTest {

    @TempDir
    Path dir;

    Database db;
    VettingService service;

    @BeforeEach
    void start() {
        db = TestDatabases.fresh();
        SdnLists.Loaded lists = SdnLists.load("ofac-sdn");
        service = new VettingService(db, lists::engine, lists.entries());
    }

    @AfterEach
    void stop() {
        db.close();
    }

    static final String TRANSFERS = """
            case_id,supplier,recipient_country,programme,notification_date,end_users,end_use_terms,notes
            IQ-ITEF-17,United States,IQ,ITEF,2016-01-10,V-DENIED,no re-transfer without consent,
            """;

    Path batch(String justification) throws IOException {
        Path d = Files.createTempDirectory(dir, "b");
        Files.writeString(d.resolve("transfers.csv"), TRANSFERS);
        Files.writeString(d.resolve("lots.csv"), """
                case_id,lot,article,quantity,delivery_date,delivered_to,override_justification
                IQ-ITEF-17,A,an-pvs-14,4,2016-05-01,V-DENIED,%s
                """.formatted(justification));
        return d;
    }

    @Test
    void aDeliveryToADeniedUnitIsRefusedUnlessAnOverrideIsRecordedAndBothAreKept() throws IOException {
        LedgerFixture ledger = new LedgerFixture(db);
        NodeRef.Unit unit = ledger.unit("V-DENIED", "Denied Battalion", Echelon.BATTALION, null);
        VettingRequest r = service.request(unit, new Purpose(Purpose.Kind.TRANSFER, "IQ-ITEF-17"),
                LocalDate.of(2016, 1, 1), "req");
        service.check(r.id(), "system");
        service.decide(r.id(), new Outcome.Denied(), "credible reports of abuses", LocalDate.of(2018, 1, 1), "officer");

        LedgerBatch refused = LedgerCsv.read(batch(""));
        assertThatThrownBy(() -> db.inTransaction(c ->
                LedgerImporter.importBatch(c, refused, VettingDeliveryClearance.on(c), "clerk")))
                .isInstanceOf(DeliveryRefusedException.class).hasMessageContaining("denied");
        int rows = db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM ledger_delivery_clearance")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(rows).isZero();

        LedgerBatch overridden = LedgerCsv.read(batch("urgent counter-ISIS operation; approved by the ambassador"));
        ImportReport report = db.inTransaction(c ->
                LedgerImporter.importBatch(c, overridden, VettingDeliveryClearance.on(c), "clerk"));
        assertThat(report.overrides()).singleElement().satisfies(o -> {
            assertThat(o.refusal()).contains("vetting refuses (denied)").contains("credible reports of abuses");
            assertThat(o.justification()).contains("approved by the ambassador");
        });
        List<AuditEntry> audit = db.read(c -> AuditLog.entries(c, unit.key()));
        assertThat(audit).extracting(AuditEntry::action).contains("vet.decide", "ledger.delivery.override");
        String outcome = db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT outcome FROM ledger_delivery_clearance")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(outcome).isEqualTo("OVERRIDDEN");
    }
}
