package org.custody.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.custody.catalog.ArticleCatalog;
import org.custody.cli.CliContext;
import org.custody.cli.CustodyCommand;
import org.custody.config.CustodyHome;
import org.custody.diversion.Actor;
import org.custody.diversion.ArticleLevel;
import org.custody.diversion.ArticleRef;
import org.custody.diversion.CandidateTransfer;
import org.custody.diversion.ClaimKind;
import org.custody.diversion.DiversionDetector;
import org.custody.diversion.EvidenceClaim;
import org.custody.diversion.Factor;
import org.custody.diversion.Finding;
import org.custody.diversion.GeoPoint;
import org.custody.diversion.HolderStatus;
import org.custody.diversion.InMemoryLedger;
import org.custody.diversion.ScoringConfig;
import org.custody.diversion.Stance;
import org.custody.diversion.SuspicionModel;
import org.custody.diversion.jsonl.ClaimsJsonl;
import org.custody.ledger.Clearance;
import org.custody.ledger.format.LedgerJson;
import org.custody.lists.ParsedList;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;
import org.custody.screening.ScreeningEngine;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.diversion.JdbcEvidenceClaims;
import org.custody.store.diversion.JdbcLedgerSnapshot;
import org.custody.store.diversion.ScreeningDesignations;
import org.custody.store.ledger.ArticleStore;
import org.custody.store.ledger.LedgerImporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diversion scenario suite on realistic data: the demo ledger (Abrams to an Iraqi armoured division
 * under FMS with no-re-transfer terms, Humvees to the CTS, rifles to an infantry division), the real OFAC
 * SDN list screened by the real engine, and the demo evidence both as a claims file and as ingested
 * documents, through to the command line.
 */
@Tag("db")
class DiversionScenarioTest {

    static final Path SHARED = Path.of(System.getenv().getOrDefault("CUSTODY_SHARED_DATA", "../shared/data"));
    static final LocalDate AS_OF = LocalDate.of(2016, 1, 1);

    static Database db;
    static InMemoryLedger ledger;
    static ScreeningEngine engine;

    @TempDir
    static Path home;

    @BeforeAll
    static void load() throws Exception {
        db = TestDatabases.fresh();
        db.inTransaction(c -> {
            try {
                LedgerImporter.importBatch(c, LedgerJson.read(Path.of("data/demo/ledger-iraq.json")),
                        (unit, date) -> new Clearance.Cleared("scenario"), "scenario");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        ledger = db.inTransaction(c -> JdbcLedgerSnapshot.load(c, 50));
        ParsedList sdn = OfacCsvImporter.read(OfacCsvSet.inFolder(SHARED.resolve("ofac-sdn")).orElseThrow());
        engine = ScreeningEngine.build(sdn.entities(), List.of());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    DiversionDetector detector() {
        return new DiversionDetector(ledger, new ScreeningDesignations(engine, db, AS_OF),
                new SuspicionModel(ScoringConfig.defaults()));
    }

    static Finding about(List<Finding> fs, String holderPart, String familyPart) {
        return fs.stream().filter(f -> f.sighting().holder().name().toLowerCase().contains(holderPart.toLowerCase())
                        && f.sighting().article().label().toLowerCase().contains(familyPart.toLowerCase())
                        || f.sighting().holder().name().toLowerCase().contains(holderPart.toLowerCase())
                        && f.sighting().article().family() != null
                        && f.sighting().article().family().toLowerCase().contains(familyPart.toLowerCase()))
                .findFirst().orElseThrow(() -> new AssertionError("no finding for " + holderPart + " / " + familyPart + " in " + fs));
    }

    static Factor factor(Finding f, String name) {
        return f.factors().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void ledgerLoadsFromTheLedgersOwnTables() {
        assertThat(ledger.serialCount()).isEqualTo(140 + 50 + 40 + 20);
        assertThat(ledger.bySerial("ab1a 10042")).map(CandidateTransfer::transferId).contains("IQ-B-UAL#1");
        assertThat(ledger.bySerial("AB1A-10100")).map(CandidateTransfer::transferId).contains("IQ-B-UAL#2");
        CandidateTransfer abrams = ledger.bySerial("AB1A-10042").orElseThrow();
        assertThat(abrams.noReTransfer()).isTrue();
        assertThat(abrams.approvedEndUsers()).extracting(u -> u.name()).containsExactly("9th Armoured Division");
        assertThat(abrams.article().family()).isEqualTo("M1 Abrams");
        assertThat(ledger.byFamily(ArticleRef.key("M1 Abrams"))).hasSize(3);
        String army = ledger.unitForActor(new Actor(null, "Iraqi Army")).orElseThrow().id();
        assertThat(ledger.unitCountry(army)).isEqualTo("Iraq");
    }

    @Test
    void claimsFileScenario() throws Exception {
        List<EvidenceClaim> claims = ClaimsJsonl.read(Path.of("data/demo/claims.jsonl"));
        List<Finding> fs = detector().detect(claims, AS_OF);

        Finding kh = about(fs, "Kata'ib", "Abrams");
        assertThat(kh.opensCase()).isTrue();
        assertThat(kh.sighting().level()).isEqualTo(ArticleLevel.SERIAL);
        assertThat(kh.sighting().candidates()).extracting(CandidateTransfer::transferId).containsExactly("IQ-B-UAL#1");
        assertThat(kh.sighting().designation()).isPresent();
        assertThat(factor(kh, "holder_designated").explanation()).containsIgnoringCase("KATA'IB");
        assertThat(factor(kh, "corroboration").explanation()).contains("3 independent origin(s) across 4 document(s)");
        assertThat(factor(kh, "stance").explanation()).contains("denied by Iraqi MoD spokesman");

        Finding approved = about(fs, "35th Armoured Brigade", "Abrams");
        assertThat(approved.sighting().holderStatus()).isEqualTo(HolderStatus.APPROVED_SUB_UNIT);
        assertThat(approved.opensCase()).isFalse();

        Finding aah = about(fs, "Asa'ib", "HMMWV");
        Finding nujaba = about(fs, "Nujaba", "M16");
        assertThat(aah.score()).isLessThan(kh.score());
        assertThat(nujaba.score()).isLessThan(kh.score());
        assertThat(nujaba.sighting().level()).isEqualTo(ArticleLevel.FAMILY);
    }

    @Test
    void ingestedDocumentsScenario() {
        PrintStream old = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            CustodyCommand.execute(new CliContext(new CustodyHome(home), db), "ingest", "data/demo/evidence");
        } finally {
            System.setOut(old);
        }
        ArticleCatalog catalog = db.inTransaction(ArticleStore::catalog);
        List<EvidenceClaim> claims = db.read(c -> JdbcEvidenceClaims.load(c, catalog));
        List<Finding> fs = detector().detect(claims, AS_OF);
        Finding kh = about(fs, "Kata'ib", "Abrams");
        assertThat(kh.opensCase()).isTrue();
        assertThat(kh.sighting().serialMatches()).containsEntry("AB1A-10042", "IQ-B-UAL#1");
        Finding brigade = about(fs, "35th Armoured Brigade", "Abrams");
        assertThat(brigade.opensCase()).isFalse();
    }

    @Test
    void demoRunsEndToEndFromTheCommandLine() throws Exception {
        CliContext ctx = new CliContext(new CustodyHome(home), db);
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int ingest;
        int detect;
        int cases;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            ingest = CustodyCommand.execute(ctx, "ingest", "data/demo/evidence");
            detect = CustodyCommand.execute(ctx, "detect", "--as-of", "2016-01-01");
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            cases = CustodyCommand.execute(ctx, "cases", "--json");
        } finally {
            System.setOut(old);
        }
        assertThat(ingest).isZero();
        assertThat(detect).isZero();
        assertThat(cases).isZero();
        List<com.fasterxml.jackson.databind.JsonNode> lines = new ArrayList<>();
        for (String l : out.toString(StandardCharsets.UTF_8).strip().split("\n")) lines.add(org.custody.cli.Json.MAPPER.readTree(l));
        assertThat(lines).anySatisfy(n -> {
            assertThat(n.get("holder").get("name").asText()).contains("Kata'ib");
            assertThat(n.get("article").get("family").asText()).isEqualTo("M1 Abrams");
            assertThat(n.get("transfers").toString()).contains("IQ-B-UAL#1", "AB1A-10042");
            assertThat(n.get("evidence").size()).isGreaterThanOrEqualTo(4);
            assertThat(n.get("factors").size()).isEqualTo(SuspicionModel.FEATURES.size());
        });
        assertThat(lines).noneSatisfy(n -> assertThat(n.get("holder").get("name").asText()).contains("35th"));
    }

    @Test
    void unitRiskCountsDelinquentInventoriesFromEndUseMonitoring() throws Exception {
        long div9 = db.read(c -> {
            try (var ps = c.prepareStatement("SELECT id FROM ledger_org_unit WHERE code = 'IQ-9AD'"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        List<org.custody.eum.Observation> seen = new ArrayList<>();
        for (int i = 40001; i <= 40015; i++) {
            seen.add(new org.custody.eum.Observation("TOW-" + i, java.util.Optional.empty(),
                    org.custody.eum.ObservationStatus.SEEN, ""));
        }
        db.inTransaction(c -> org.custody.store.eum.EumStore.recordCheck(c, new org.custody.eum.InventoryCheck(
                LocalDate.of(2015, 1, 10), "Taji", java.util.Optional.empty(), java.util.Optional.empty(), "inspector 1",
                java.util.Optional.of("IQ-9AD"), org.custody.eum.CheckKind.ENHANCED, "", seen), "scenario"));
        org.custody.diversion.UnitRisk soon = db.read(c -> org.custody.store.diversion.UnitRiskQuery.risk(c, Long.toString(div9),
                new org.custody.store.diversion.EumInventory(c, LocalDate.of(2015, 2, 1)), ScoringConfig.defaults(),
                LocalDate.of(2015, 2, 1)));
        org.custody.diversion.UnitRisk late = db.read(c -> org.custody.store.diversion.UnitRiskQuery.risk(c, Long.toString(div9),
                new org.custody.store.diversion.EumInventory(c, LocalDate.of(2016, 6, 1)), ScoringConfig.defaults(),
                LocalDate.of(2016, 6, 1)));
        Factor soonInv = soon.factors().get(2);
        Factor lateInv = late.factors().get(2);
        assertThat(soonInv.explanation()).contains("of 20 enhanced-monitoring items delinquent");
        assertThat(lateInv.value()).isGreaterThan(soonInv.value());
        assertThat(late.score()).isGreaterThan(soon.score());
    }
}
