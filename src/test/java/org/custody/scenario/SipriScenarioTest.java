package org.custody.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.custody.diversion.Actor;
import org.custody.diversion.ArticleRef;
import org.custody.diversion.ClaimKind;
import org.custody.diversion.DiversionDetector;
import org.custody.diversion.EvidenceClaim;
import org.custody.diversion.Finding;
import org.custody.diversion.GeoPoint;
import org.custody.diversion.HolderStatus;
import org.custody.diversion.InMemoryLedger;
import org.custody.diversion.ScoringConfig;
import org.custody.diversion.Stance;
import org.custody.diversion.SuspicionModel;
import org.custody.ledger.Clearance;
import org.custody.ledger.format.LedgerJson;
import org.custody.ledger.sipri.SipriDeliveries;
import org.custody.lists.ParsedList;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;
import org.custody.screening.ScreeningEngine;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.diversion.JdbcLedgerSnapshot;
import org.custody.store.diversion.ScreeningDesignations;
import org.custody.store.ledger.LedgerImporter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Country-level real transfers: the SIPRI deliveries register for Iraq, Saudi Arabia and Yemen. */
@Tag("db")
class SipriScenarioTest {

    static final Path SHARED = Path.of(System.getenv().getOrDefault("CUSTODY_SHARED_DATA", "../shared/data"));

    @Test
    void sipriCountryLevelScenario() throws Exception {
        try (Database db = TestDatabases.fresh()) {
            db.inTransaction(c -> {
                try {
                    LedgerImporter.importBatch(c, LedgerJson.read(Path.of("data/demo/ledger-iraq.json")),
                            (unit, date) -> new Clearance.Cleared("scenario"), "scenario");
                    LedgerImporter.importBatch(c, SipriDeliveries.read(SHARED.resolve("sipri-deliveries/trade-register.csv"),
                            r -> Set.of("Iraq", "Saudi Arabia", "Yemen").contains(r)),
                            (unit, date) -> new Clearance.Cleared("scenario"), "scenario");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            });
            InMemoryLedger ledger = db.inTransaction(c -> JdbcLedgerSnapshot.load(c, 50));
            ParsedList sdn = OfacCsvImporter.read(OfacCsvSet.inFolder(SHARED.resolve("ofac-sdn")).orElseThrow());
            LocalDate asOf = LocalDate.of(2016, 1, 1);
            DiversionDetector detector = new DiversionDetector(ledger,
                    new ScreeningDesignations(ScreeningEngine.build(sdn.entities(), List.of()), db, asOf),
                    new SuspicionModel(ScoringConfig.defaults()));
            ArticleRef m1a2s = new ArticleRef("M1A2S Abrams", "M1 Abrams", "main battle tank");
            ArticleRef m1a1 = new ArticleRef("M1A1 Abrams", "M1 Abrams", "main battle tank");
            List<EvidenceClaim> claims = new ArrayList<>();
            for (String origin : List.of("agency-1", "agency-2")) {
                claims.add(new EvidenceClaim("y-" + origin, ClaimKind.POSSESSION, m1a2s, new Actor(null, "Houthi rebels"), null,
                        "Sanaa", new GeoPoint(15.35, 44.21), "Yemen", LocalDate.of(2015, 11, 1), Stance.ASSERTED, Set.of(origin),
                        null, "doc-" + origin, "Houthi fighters drove a captured M1A2S Abrams.", origin));
            }
            claims.add(new EvidenceClaim("ia-1", ClaimKind.USE, m1a1, new Actor(null, "Iraqi Army"), null, "Baiji",
                    new GeoPoint(34.93, 43.49), "Iraq", LocalDate.of(2015, 5, 1), Stance.ASSERTED, Set.of("agency-3"), null,
                    "doc-ia", "Iraqi Army Abrams advanced on Baiji.", "agency-3"));
            List<Finding> fs = detector.detect(claims, asOf);
            Finding houthi = fs.stream().filter(f -> f.sighting().holder().name().startsWith("Houthi")).findFirst().orElseThrow();
            assertThat(houthi.sighting().countryNote()).contains("no delivery to yemen");
            assertThat(houthi.sighting().candidates()).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.recipientCountry()).isIn("Saudi Arabia", "Iraq"));
            assertThat(houthi.opensCase()).isTrue();
            Finding army = fs.stream().filter(f -> f.sighting().holder().name().equals("Iraqi Army")).findFirst().orElseThrow();
            assertThat(army.sighting().holderStatus()).isEqualTo(HolderStatus.RECIPIENT_FORCES);
            assertThat(army.opensCase()).isFalse();
        }
    }
}
