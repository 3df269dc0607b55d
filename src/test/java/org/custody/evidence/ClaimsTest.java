package org.custody.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custody.evidence.claims.Attribution;
import org.custody.evidence.claims.StanceClassifier;
import org.junit.jupiter.api.Test;

class ClaimsTest {

    private static List<Claim> claims(String text) {
        return ExtractionTest.analyze(text).claims();
    }

    private static String summary(Claim c) {
        return c.kind().label() + "|" + (c.article() == null ? "-" : c.article().text()) + "|" + c.holder().text() + "|"
                + c.stance().label() + "|" + c.attributedTo();
    }

    @Test
    void possessionFromAPhotoDescription() {
        List<Claim> cs = claims("Members of Iraqi Shiite militias proudly display American arms, such as an M1A1 Abrams tank "
                + "draped in a Hezbollah flag, Bloomberg reports.");
        assertThat(cs).extracting(ClaimsTest::summary).contains(
                "possession|American arms|Iraqi Shiite militias|asserted|Bloomberg",
                "possession|M1A1 Abrams tank|Hezbollah|asserted|Bloomberg");
    }

    @Test
    void deniedClaimWithSpokesmanAttribution() {
        List<Claim> cs = claims("\"We have no reason to believe that the Iraqi government transferred U.S.-supplied weapons "
                + "to Shia militia,\" said White House spokesman Alastair Baskey.");
        assertThat(cs).isNotEmpty();
        assertThat(cs).allSatisfy(c -> assertThat(c.stance()).isEqualTo(Stance.DENIED));
        assertThat(cs.getFirst().attributedTo()).isEqualTo("White House spokesman Alastair Baskey");
        assertThat(cs.getFirst().holder().resolved().id()).isEqualTo("actor:shiite-militias");
    }

    @Test
    void hedgedClaims() {
        assertThat(claims("Asa'ib Ahl al-Haq fighters may be using Humvees near Fallujah."))
                .extracting(ClaimsTest::summary).containsExactly("use|Humvees|Asa'ib Ahl al-Haq|hedged|null");
        assertThat(claims("Kata'ib Hezbollah reportedly received TOW missiles."))
                .extracting(c -> c.stance().label()).containsExactly("hedged");
    }

    @Test
    void transferWithSayAttribution() {
        List<Claim> cs = claims("Officials and lawmakers say the Baghdad government has been turning military hardware over to the militias.");
        assertThat(cs).extracting(ClaimsTest::summary).contains("transfer|military hardware|the militias|asserted|Officials and lawmakers");
    }

    @Test
    void possessionVerbsAndPhrasesBeyondTheCommonOnes() {
        assertThat(claims("Hezbollah fighters have Abrams tanks.")).extracting(ClaimsTest::summary)
                .containsExactly("possession|Abrams tanks|Hezbollah|asserted|null");
        assertThat(claims("Asa'ib Ahl al-Haq units are now in possession of 12 Humvees.")).extracting(ClaimsTest::summary)
                .containsExactly("possession|12 Humvees|Asa'ib Ahl al-Haq|asserted|null");
        assertThat(claims("The Badr Organization now fields T-72 tanks.")).extracting(c -> c.kind().label() + "|" + c.holder().text())
                .containsExactly("possession|Badr Organization");
        assertThat(claims("Police said a tribal clan linked to Kata'ib Hezbollah bought the rifles.")).extracting(c -> c.kind().label())
                .contains("possession");
        assertThat(claims("FSA fighters were photographed riding on Leopard tanks.")).extracting(c -> c.kind().label() + "|" + c.holder().text())
                .containsExactly("possession|FSA fighters");
        assertThat(claims("Every time the army loses a Humvee, it seems to turn up with the Popular Mobilization Forces."))
                .extracting(c -> c.kind().label() + "|" + c.holder().text() + "|" + c.stance().label())
                .contains("possession|Popular Mobilization Forces|hedged");
        // a bare "has"/"have" holds only an article named right after it, not one after another verb
        assertThat(claims("Hezbollah fighters have said that Abrams tanks are heavy.")).noneMatch(c -> c.kind() == ClaimKind.POSSESSION);
    }

    @Test
    void anAffirmingNegativeIsNoDenialAndAProgressiveIsNoPassive() {
        assertThat(claims("It is no secret that the Badr Organization fields T-72 tanks.")).extracting(c -> c.stance().label())
                .containsExactly("asserted");
        // "is training X": X is trained, the coalition is the trainer
        assertThat(claims("The U.S.-led coalition is training some 2,000 Syrian Democratic Forces fighters near Hasakah."))
                .extracting(c -> c.kind().label() + "|" + c.holder().resolved().id()).containsExactly("training|actor:sdf");
    }

    @Test
    void itTheGroupAndItsFightersReferBackToTheGroupNamedLast() {
        List<Claim> cs = claims("Kata'ib Hezbollah on Wednesday denied that it had obtained American-made rockets. "
                + "A U.S. official said the group may have acquired rockets from army depots.");
        assertThat(cs).extracting(c -> c.kind().label() + "|" + c.holder().text() + "|" + c.holder().resolved().id() + "|"
                + c.stance().label()).containsExactly("possession|it|actor:kh|denied", "possession|the group|actor:kh|hedged");
        assertThat(cs.getFirst().holder().detail()).containsEntry("antecedent", "Kata'ib Hezbollah");
        assertThat(claims("A video released by the Islamic State shows its fighters driving Humvees."))
                .extracting(c -> c.kind().label() + "|" + c.holder().resolved().id()).containsExactly("use|actor:isis");
    }

    @Test
    void noClaimWithoutActorOrTrigger() {
        assertThat(claims("The weather in Mosul was cold. Tanks are heavy.")).isEmpty();
    }

    @Test
    void stanceCues() {
        String s = "The Pentagon categorically denied that the U.S. military is providing assistance to Shiite militias.";
        int t = s.indexOf("providing");
        assertThat(StanceClassifier.classify(s, t, t + 9).stance()).isEqualTo(Stance.DENIED);
        String n = "The fighters do not use American rifles.";
        assertThat(StanceClassifier.classify(n, n.indexOf("use"), n.indexOf("use") + 3).stance()).isEqualTo(Stance.DENIED);
        String a = "The fighters use American rifles.";
        assertThat(StanceClassifier.classify(a, a.indexOf("use"), a.indexOf("use") + 3).stance()).isEqualTo(Stance.ASSERTED);
        String h = "The fighters allegedly use American rifles.";
        assertThat(StanceClassifier.classify(h, h.indexOf("use"), h.indexOf("use") + 3).stance()).isEqualTo(Stance.HEDGED);
    }

    @Test
    void attributionFindsSubjectsInversionsAndAccordingTo() {
        assertThat(Attribution.find("U.S. weapons are winding up with militias, Bloomberg reports."))
                .extracting(Attribution.Source::phrase).containsExactly("Bloomberg");
        assertThat(Attribution.find("According to the Times, the guns were delivered."))
                .extracting(Attribution.Source::phrase).containsExactly("the Times");
        assertThat(Attribution.find("“We don’t support them,” declared Gen. Volesky."))
                .extracting(Attribution.Source::phrase).containsExactly("Gen. Volesky");
        assertThat(Attribution.find("A senior administration official told Bloomberg that the risk is high."))
                .extracting(Attribution.Source::phrase).containsExactly("A senior administration official");
    }

    @Test
    void quotesGetSpeakers() {
        Analysis a = ExtractionTest.analyze("“We only train forces we can vet,” Dorrian said. Rudaw said nothing.");
        assertThat(a.quotes()).extracting(Quote::speaker).containsExactly("Dorrian");
    }

    @Test
    void creditedOriginsWithReporters() {
        Analysis a = ExtractionTest.analyze("A senior official told Bloomberg's Josh Rogin and Eli Lake that weapons reach militias. "
                + "The militias display the arms, Bloomberg reports.");
        assertThat(a.origins()).extracting(o -> o.outlet() + o.reporters() + o.credited())
                .contains("Bloomberg[Josh Rogin, Eli Lake]true");
    }
}
