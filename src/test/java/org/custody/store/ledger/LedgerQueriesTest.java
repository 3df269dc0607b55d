package org.custody.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.custody.catalog.Category;
import org.custody.eum.CheckKind;
import org.custody.eum.FollowUpOutcome;
import org.custody.eum.InventoryCheck;
import org.custody.eum.ItemEvent;
import org.custody.eum.ItemState;
import org.custody.eum.MonitoringAssessor;
import org.custody.eum.MonitoringFigures;
import org.custody.eum.MonitoringPolicy;
import org.custody.eum.Observation;
import org.custody.eum.ObservationStatus;
import org.custody.ledger.Clearance;
import org.custody.ledger.CustodyChain;
import org.custody.ledger.DeliveredItem;
import org.custody.ledger.format.LedgerCsv;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.eum.EumStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("db")
class LedgerQueriesTest {

    static Database db;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        db = TestDatabases.fresh();
        Files.writeString(dir.resolve("units.csv"), LedgerImporterTest.UNITS);
        Files.writeString(dir.resolve("transfers.csv"), LedgerImporterTest.TRANSFERS);
        Files.writeString(dir.resolve("lots.csv"), LedgerImporterTest.LOTS);
        Files.writeString(dir.resolve("serials.csv"), LedgerImporterTest.SERIALS);
        var batch = LedgerCsv.read(dir);
        db.inTransaction(c -> LedgerImporter.importBatch(c, batch, (u, d) -> new Clearance.Cleared("test"), "t"));
        db.inTransaction(c -> {
            EumStore.recordCheck(c, new InventoryCheck(LocalDate.of(2017, 3, 1), "Camp Taji", Optional.of(33.52),
                    Optional.of(44.26), "J. Smith", Optional.of("IQ-IA-9D-35B-1"), CheckKind.ENHANCED, "",
                    List.of(new Observation("NV1001", Optional.empty(), ObservationStatus.SEEN, ""),
                            new Observation("nv-1002", Optional.empty(), ObservationStatus.NOT_SEEN,
                                    "unit says issued to a checkpoint"))), "t");
            EumStore.recordFollowUp(c, "NV-1002", Optional.empty(), Optional.empty(), LocalDate.of(2017, 4, 1),
                    FollowUpOutcome.CONFIRMED_MISSING, "checkpoint overrun in 2014, not recovered", "t");
            return null;
        });
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void theCustodyChainGoesFromCaseToUnitToSightings() {
        CustodyChain chain = db.read(c -> LedgerQueries.custodyChain(c, "nv 1001"));
        assertThat(chain.items()).singleElement().satisfies(it -> {
            assertThat(it.caseId()).isEqualTo("IQ-ITEF-17");
            assertThat(it.unitCode()).contains("IQ-IA-9D-35B-1");
            assertThat(it.unitParents()).hasSize(4).first().asString().contains("35th Brigade");
            assertThat(it.endUseTerms()).contains("no re-transfer without consent");
            assertThat(it.clearance()).hasValueSatisfying(s -> assertThat(s).startsWith("CLEARED"));
            assertThat(it.events()).singleElement().isInstanceOf(ItemEvent.Observed.class);
            assertThat(it.summary()).contains("SEEN at Camp Taji");
        });
        assertThat(db.read(c -> LedgerQueries.custodyChain(c, "nothing-like-it")).items()).isEmpty();
    }

    @Test
    void deliveredToIncludesSubUnits() {
        long division = db.read(c -> OrgUnitStore.byCode(c, "IQ-IA-9D")).orElseThrow().id();
        List<DeliveredItem> items = db.read(c -> LedgerQueries.deliveredTo(c, division));
        assertThat(items).extracting(DeliveredItem::caseId).containsExactly("IQ-B-UAB", "IQ-ITEF-17");
        long battalion = db.read(c -> OrgUnitStore.byCode(c, "IQ-IA-9D-35B-1")).orElseThrow().id();
        List<DeliveredItem> bn = db.read(c -> LedgerQueries.deliveredTo(c, battalion));
        assertThat(bn).singleElement().satisfies(d -> assertThat(d.serials()).isEqualTo(2));
    }

    @Test
    void byArticleMatchesIdFamilyOrCategoryInACountry() {
        List<DeliveredItem> tanks = db.read(c -> LedgerQueries.byArticle(c,
                new LedgerQueries.ArticleType.ByCategory(Category.MAIN_BATTLE_TANK), "iraq"));
        assertThat(tanks).extracting(DeliveredItem::designation).containsExactly("M1A1 Abrams");
        List<DeliveredItem> family = db.read(c -> LedgerQueries.byArticle(c,
                new LedgerQueries.ArticleType.ByFamily("M1 Abrams"), "Iraq"));
        assertThat(family).hasSize(1);
        List<DeliveredItem> elsewhere = db.read(c -> LedgerQueries.byArticle(c,
                new LedgerQueries.ArticleType.ById("m1a1-abrams"), "Syria"));
        assertThat(elsewhere).isEmpty();
    }

    @Test
    void monitoringFiguresComeFromRecordedChecks() {
        var histories = db.read(c -> EumStore.forTransfer(c, "IQ-ITEF-17"));
        MonitoringFigures f = new MonitoringAssessor(MonitoringPolicy.DEFAULT).figures("IQ-ITEF-17", histories,
                LocalDate.of(2017, 12, 31));
        assertThat(f.enhancedItems()).isEqualTo(2);
        assertThat(f.enhancedVerified()).isEqualTo(1);
        assertThat(f.missing()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(ItemState.MISSING);
            assertThat(a.explanation()).contains("checkpoint overrun");
        });
        long army = db.read(c -> OrgUnitStore.byCode(c, "IQ-IA")).orElseThrow().id();
        List<org.custody.eum.ItemHistory> underArmy = db.read(c -> EumStore.forUnit(c, army));
        assertThat(underArmy).hasSize(4);
    }

    @Test
    void aCheckOfAnUnknownSerialIsRefusedWhole() {
        assertThatThrownBy(() -> db.inTransaction(c -> EumStore.recordCheck(c, new InventoryCheck(
                LocalDate.of(2018, 1, 1), "Taji", Optional.empty(), Optional.empty(), "J. Smith", Optional.empty(),
                CheckKind.ROUTINE, "", List.of(new Observation("NV1001", Optional.empty(), ObservationStatus.SEEN, ""),
                        new Observation("ZZ999", Optional.empty(), ObservationStatus.SEEN, ""))), "t")))
                .hasMessageContaining("observation 2").hasMessageContaining("ZZ999");
        CustodyChain chain = db.read(c -> LedgerQueries.custodyChain(c, "NV1001"));
        assertThat(chain.items().get(0).events()).hasSize(1);
    }
}
