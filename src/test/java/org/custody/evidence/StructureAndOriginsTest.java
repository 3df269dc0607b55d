package org.custody.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custody.evidence.extract.OutletRegistry;
import org.custody.evidence.extract.SpellingKey;
import org.custody.evidence.intake.Intake;
import org.custody.evidence.intake.IntakeRefusal;
import org.junit.jupiter.api.Test;

/** Sightings from structure, spelling variants of actors, serials in prose, and the outlet a text says is reporting. */
class StructureAndOriginsTest {

    static Analysis report(String json) {
        return ExtractionTest.ANALYZER.analyze(Intake.read("r.json", json.getBytes(StandardCharsets.UTF_8), Instant.EPOCH).getFirst());
    }

    static String fieldReport(String title, String summary, String holderField, String items) {
        return """
                {"format": "custody-field-report/1", "reportId": "FR-X-1", "organisation": "Team North",
                 "observedOn": "2017-03-02", "reportedOn": "2017-03-04",
                 "location": {"name": "Tal Afar", "latitude": 36.37, "longitude": 42.45},
                 %s "title": "%s", "summary": "%s",
                 "observations": [{"text": "Photographed from the road.", "items": [%s]}]}
                """.formatted(holderField, title, summary, items);
    }

    static List<Claim> structured(Analysis a) {
        return a.claims().stream().filter(c -> c.cues().stream().anyMatch(x -> x.startsWith("structured item"))).toList();
    }

    @Test
    void fieldReportItemsBecomeSightingsWhateverTheProse() {
        // the prose fits no extraction pattern; the item still becomes a claim with everything it states
        Analysis a = report(fieldReport("Tank at an Asa'ib Ahl al-Haq position",
                "A vehicle was noted beside a position held by Asa'ib Ahl al-Haq near the town.", "",
                "{\"description\": \"M1A1 Abrams\", \"quantity\": 2, \"serials\": [\"QX-7781\", \"QX-7782\"]}"));
        List<Claim> s = structured(a);
        assertThat(s).hasSize(1);
        Claim c = s.getFirst();
        assertThat(c.kind()).isEqualTo(ClaimKind.POSSESSION);
        assertThat(c.stance()).isEqualTo(Stance.ASSERTED);
        assertThat(c.holder().resolved().name()).isEqualTo("Asa'ib Ahl al-Haq");
        assertThat(c.article().resolved().attributes().get("designation")).isEqualTo("M1A1 Abrams");
        assertThat(c.article().detail()).containsEntry("quantity", "2");
        assertThat(c.serials()).containsExactly("QX-7781", "QX-7782");
        assertThat(c.place().detail()).containsEntry("latitude", "36.37").containsEntry("longitude", "42.45");
        assertThat(c.date().resolved().id()).isEqualTo("2017-03-02");
        assertThat(c.attributedTo()).isEqualTo("Team North");
        assertThat(a.document().text().substring(c.start(), c.end())).isEqualTo("- 2 M1A1 Abrams (serials: QX-7781, QX-7782)");
    }

    @Test
    void anExplicitHolderFieldWinsOverThePros() {
        Analysis a = report(fieldReport("Convoy seen on the highway", "Humvees of the Federal Police passed the checkpoint.",
                "\"holder\": \"Kataib Hizbollah\",", "{\"description\": \"HMMWV\", \"quantity\": 3}"));
        Claim c = structured(a).getFirst();
        assertThat(c.holder().text()).isEqualTo("Kataib Hizbollah");
        assertThat(c.holder().resolved().id()).isEqualTo("actor:kh");
        assertThat(c.cues()).contains("holder from the explicit holder field");
    }

    @Test
    void anItemWithNoHolderNamedAnywhereIsNoClaim() {
        Analysis a = report(fieldReport("Road survey", "Vehicles noted on the road.", "", "{\"description\": \"HMMWV\"}"));
        assertThat(structured(a)).isEmpty();
    }

    @Test
    void badCoordinatesAndDatesAreRefusedNamingTheField() {
        String bad = fieldReport("t", "s", "", "{\"description\": \"HMMWV\"}").replace("36.37", "136.37");
        assertThatThrownBy(() -> report(bad)).isInstanceOf(IntakeRefusal.class).hasMessageContaining("location.latitude");
        String badDate = fieldReport("t", "s", "", "{\"description\": \"HMMWV\"}").replace("\"2017-03-02\"", "\"soon\"");
        assertThatThrownBy(() -> report(badDate)).isInstanceOf(IntakeRefusal.class).hasMessageContaining("observedOn");
    }

    @Test
    void aMediaCaptionNamingAnArticleAndAHolderIsASighting() {
        Analysis a = ExtractionTest.ANALYZER.analyze(Intake.read("p.json", """
                {"platform": "telegram", "author": "@watcher", "postedAt": "2017-05-01", "text": "Look at this.",
                 "media": [{"type": "photo", "caption": "Nujaba fighters beside an M1A1 Abrams outside Tal Afar"}]}
                """.getBytes(StandardCharsets.UTF_8), Instant.EPOCH).getFirst());
        assertThat(a.claims()).anySatisfy(c -> {
            assertThat(c.holder().resolved().id()).isEqualTo("actor:nujaba");
            assertThat(c.article().text()).contains("M1A1 Abrams");
        });
    }

    @Test
    void spellingVariantsMeetAndDifferentGroupsStayApart() {
        assertThat(SpellingKey.of("Kata'ib Hezbollah")).isEqualTo(SpellingKey.of("Kataib Hizbollah"))
                .isEqualTo(SpellingKey.of("Khata'ib Hizballah"));
        assertThat(SpellingKey.of("Hezbollah")).isNotEqualTo(SpellingKey.of("Kata'ib Hezbollah"));
        assertThat(SpellingKey.close("Hizbulla", "Hizbullah")).isTrue();
        assertThat(SpellingKey.of("Hamas")).isEqualTo(SpellingKey.of("Homs"));
        assertThat(SpellingKey.close("Hamas", "Homs")).isFalse();
        for (String written : List.of("Kataib Hizbollah", "Kata'ib Hizbullah", "Khataib Hezbollah")) {
            List<Mention> actors = ExtractionTest.analyze("Fighters of " + written + " drove the tank.").mentions(MentionType.ACTOR);
            assertThat(actors).as(written).anySatisfy(m -> assertThat(m.resolved().id()).isEqualTo("actor:kh"));
        }
        List<Mention> lebanese = ExtractionTest.analyze("Fighters of Hizbollah drove the tank.").mentions(MentionType.ACTOR);
        assertThat(lebanese).anySatisfy(m -> assertThat(m.resolved().id()).isEqualTo("actor:hezbollah"));
    }

    @Test
    void serialsInProse() {
        for (String s : List.of("The hull number IQ-M1A1-0127 was legible.", "Its serial no. IQ-M1A1-0127 was legible.",
                "A photo shows serial number IQ-M1A1-0127 on the plate.")) {
            assertThat(org.custody.evidence.claims.ClaimExtractor.serialsIn(s)).as(s).containsExactly("IQ-M1A1-0127");
        }
    }

    static List<Origin> credited(String text) {
        return ExtractionTest.analyze(text).origins().stream().filter(Origin::credited).toList();
    }

    @Test
    void theCreditedOriginIsTheOutletTheTextSaysIsReporting() {
        String[] leads = {
                "Washington wants answers after footage showed a militia driving a U.S. tank, Bloomerg is reporting.",
                "Washington wants answers after footage showed a militia driving a U.S. tank, according to Bloomberg.",
                "Footage shows a militia driving a U.S. tank, Bloombreg reports.",
                "Bloomberg is reporting that a militia drives a U.S. tank."};
        for (String lead : leads) {
            String text = "Title: Militia tank\nOutlet: Levant Daily Ledger\nPublished: 2018-01-26\n\n" + lead
                    + "\n\nThe Washington Post reported last year that militias had acquired Humvees.\n";
            assertThat(credited(text)).as(lead).extracting(Origin::outlet).containsExactly("Bloomberg");
        }
    }

    @Test
    void anOutletTheRegistryDoesNotKnowIsCreditedWhenTheTextSaysItReported() {
        assertThat(credited("Title: t\nOutlet: Regional Daily\nPublished: 2015-06-12\n\nFighters paraded two tanks near "
                + "Al-Qa'im on Wednesday, Wire Agency A reported, citing witnesses.\n")).extracting(Origin::key)
                .containsExactly("wire agency a");
        assertThat(credited("Title: t\nOutlet: Regional Daily\nPublished: 2015-06-12\n\nFighters paraded two tanks, "
                + "according to Levant Monitor.\n")).extracting(Origin::outlet).containsExactly("Levant Monitor");
        // actors, officials and lower-case sources are no outlet
        assertThat(credited("Title: t\nOutlet: Regional Daily\nPublished: 2015-06-12\n\nFighters paraded two tanks, "
                + "Kata'ib Hizballah reported.\n")).isEmpty();
        assertThat(credited("Title: t\nOutlet: Regional Daily\nPublished: 2015-06-12\n\nFighters paraded two tanks, "
                + "local officials reported.\n")).isEmpty();
    }

    @Test
    void aMisspellingIsReadAsAnOutletOnlyWhereTheTextSaysItIsReporting() {
        OutletRegistry outlets = OutletRegistry.bundled();
        assertThat(outlets.closest("Bloomerg")).map(OutletRegistry.Outlet::name).contains("Bloomberg");
        assertThat(outlets.closest("Washingon Post")).map(OutletRegistry.Outlet::name).contains("Washington Post");
        assertThat(outlets.closest("Blue")).isEmpty();
        assertThat(credited("Title: t\nOutlet: Daily\nPublished: 2018-01-26\n\nBloomerg, a trader, bought a tank.\n")).isEmpty();
    }
}
