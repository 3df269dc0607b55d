package org.custody.evidence.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custody.catalog.json.CatalogJson;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.extract.CatalogArticleResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ACLED evaluation harness on a few events written for this test, and its reading of the real file. */
class AcledEvaluationTest {

    private static final Path SHARED = Path.of(System.getenv().getOrDefault("CUSTODY_SHARED_DATA", "../shared/data"));
    private static final EvidenceAnalyzer ANALYZER =
            EvidenceAnalyzer.standard(new CatalogArticleResolver(CatalogJson.starter().catalog()), null);

    private final AcledEvaluation eval = new AcledEvaluation(ANALYZER, Map.of(
            "Islamic State (Iraq)", Set.of("actor:isis"),
            "Military Forces of Iraq (2014-)", Set.of("actor:isf", "actor:iraqi-army")));

    private static AcledEvaluation.Event event(String admin2, double lat, double lon, List<String> actors, String notes) {
        return new AcledEvaluation.Event("900001", "Iraq", LocalDate.of(2018, 2, 14), "Erbil", admin2, "somewhere",
                lat, lon, actors, notes);
    }

    @Test
    void aTownOfTheCodedDistrictCountsAtDistrictAndPointLevel() {
        var o = eval.score(event("Makhmur", 35.78, 43.58, List.of("Islamic State (Iraq)", "Civilians (Iraq)"),
                "On Feb 14, IS militants attacked a farm near Makhmur town, wounding two civilians."));
        assertNotNull(o.place());
        assertTrue(o.district(), o.toString());
        assertTrue(o.point(), o.toString());
        assertTrue(o.truthByName());
        assertEquals(List.of("Islamic State (Iraq)"), o.actorsScored(), "civilians name no actor and are not scored");
        assertEquals(List.of(), o.actorsMissed());
        assertTrue(o.dateStated());
        assertTrue(o.dateRight(), o.dateFound());
    }

    @Test
    void aPlaceElsewhereAndAMissingActorAreMisses() {
        var o = eval.score(event("Makhmur", 35.78, 43.58, List.of("Military Forces of Iraq (2014-)", "Islamic State (Iraq)"),
                "On Feb 12, IS militants fired mortars at a checkpoint in Tarmiyah, north of Baghdad."));
        assertFalse(o.district(), o.toString());
        assertFalse(o.point(), o.toString());
        assertEquals(List.of("Military Forces of Iraq (2014-)"), o.actorsMissed());
        assertTrue(o.dateStated());
        assertFalse(o.dateRight(), "the note's Feb 12 is not the coded Feb 14");
    }

    @Test
    void anActorOutsideTheKeyIsFoundByItsOwnName() {
        assertTrue(AcledEvaluation.namedIn("HTS: Hayat Tahrir al-Sham", List.of("hayattahrirsham")));
        assertFalse(AcledEvaluation.namedIn("JaI: Army of Glory", List.of("hayattahrirsham")));
    }

    @Test
    void theSplitIsStableAndHoldsOutAboutAThird() throws IOException {
        List<AcledEvaluation.Event> events = AcledEvaluation.read(SHARED.resolve("acled-mideast-2018/learningData.csv"),
                Set.of("Iraq"));
        assertTrue(events.size() > 100);
        long held = events.stream().filter(AcledEvaluation::heldOut).count();
        assertTrue(held > events.size() / 5 && held < events.size() / 2, held + " of " + events.size());
        assertEquals(events.stream().map(AcledEvaluation::heldOut).toList(),
                events.stream().map(AcledEvaluation::heldOut).toList());
    }

    @Test
    void aBadRowIsRefusedWithFileLineAndField(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("acled.csv");
        Files.writeString(csv, "data_id,country,event_date,admin1,admin2,location,latitude,longitude,actor1,actor2,notes\n"
                + "1,Iraq,14-Feb-18,Erbil,Makhmur,Makhmur,35.78,43.58,A,B,note\n"
                + "2,Iraq,14-Feb-18,Erbil,Makhmur,Makhmur,north,43.58,A,B,note\n");
        IOException e = assertThrows(IOException.class, () -> AcledEvaluation.read(csv, Set.of("Iraq")));
        assertTrue(e.getMessage().contains("acled.csv") && e.getMessage().contains("line 3")
                && e.getMessage().contains("latitude"), e.getMessage());
    }

    @Test
    void theAnswerKeyRefusesAMalformedLine(@TempDir Path dir) throws IOException {
        Path key = dir.resolve("key.tsv");
        Files.writeString(key, "# comment\nIslamic State (Iraq)\tisis\nno ids here\n");
        IOException e = assertThrows(IOException.class, () -> AcledEvaluation.readActorKey(key));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }
}
