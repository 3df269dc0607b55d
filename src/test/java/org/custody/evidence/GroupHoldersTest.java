package org.custody.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Holders outside the actor registry: group names by their shape, holder classes, anaphora, possessives, stance. */
class GroupHoldersTest {

    private static List<String> claims(String text) {
        return ExtractionTest.analyze(text).claims().stream()
                .map(c -> c.kind().label() + "|" + c.holder().detail().getOrDefault("antecedent", c.holder().text()) + "|"
                        + c.stance().label())
                .toList();
    }

    private static List<String> actors(String text) {
        return ExtractionTest.analyze(text).mentions(MentionType.ACTOR).stream().map(Mention::text).toList();
    }

    @Test
    void groupNamesByTheirShape() {
        assertThat(actors("Witnesses saw the Sinai Tribal Union Brigade and units of the Salah al-Din Martyrs Battalion near Arish."))
                .contains("Sinai Tribal Union Brigade", "Salah al-Din Martyrs Battalion");
        assertThat(actors("Liwa al-Ghuraba and the Darfur Joint Protection Force both denied it.")).contains("Liwa al-Ghuraba",
                "Darfur Joint Protection Force");
        assertThat(actors("Troops of the Government of National Unity entered the town.")).contains("Government of National Unity");
        // a person's name inside a clan's name does not make the clan that person
        assertThat(actors("The rifles belonged to the Al Bu Nimr clan.")).contains("Al Bu Nimr clan");
        // no group word, a body that holds no arms, a heading in capitals: no actor
        assertThat(actors("The United Nations Security Council met in New York.")).doesNotContain("United Nations Security Council");
        assertThat(actors("The Central Bank Governor spoke.")).isEmpty();
    }

    @Test
    void groupNamesHoldClaimsInBothVoices() {
        assertThat(claims("Our monitors documented six Toyota technicals with DShK machine guns in the hands of the Tebu Desert Brigade."))
                .contains("possession|Tebu Desert Brigade|asserted");
        assertThat(claims("The Armed Forces of the Republic of Sudan received 30 Humvees in May."))
                .contains("supply|Armed Forces of the Republic of Sudan|asserted");
        assertThat(claims("The Coastal Shield Regiment denied ever possessing Kornet missiles."))
                .contains("possession|Coastal Shield Regiment|denied");
    }

    @Test
    void holderClassesNeedNoName() {
        assertThat(claims("Police said the rifles had been sold to smugglers by a storekeeper."))
                .contains("transfer|smugglers|asserted");
        assertThat(claims("Unidentified gunmen fired RPG-7 launchers at the checkpoint."))
                .contains("use|gunmen|asserted");
        // bare "fighters" refers to a group named elsewhere, "their fighters" to its owner: no class
        assertThat(actors("Fighters fired a TOW missile.")).doesNotContain("Fighters");
        assertThat(actors("The Houthis said their fighters seized rifles.")).doesNotContain("fighters");
    }

    @Test
    void theBrigadeAndSentenceInitialItReferBack() {
        assertThat(claims("Witnesses described the Ajlun Defence Brigade in detail. The brigade is believed to hold 40 Grad rockets."))
                .contains("possession|Ajlun Defence Brigade|hedged");
        assertThat(claims("Hezbollah was mentioned in the report. It fields Kornet missiles of its own."))
                .contains("possession|Hezbollah|asserted");
        assertThat(claims("Kata'ib Hezbollah denied that the Humvees belonged to it."))
                .contains("possession|Kata'ib Hezbollah|denied");
        // an expletive "It is …" refers to nothing
        assertThat(claims("Hezbollah spoke. It is unclear who fired the Kornet missiles.")).isEmpty();
    }

    @Test
    void anOwnersNameBeforeTheArticleIsPossession() {
        assertThat(claims("A drone struck an SDF Humvee near Hajin.")).contains("possession|SDF|asserted");
        assertThat(claims("The group claims it destroyed a Houthi drone.")).contains("possession|Houthi|asserted");
    }

    @Test
    void verbFramesBeyondTheCommonOnes() {
        assertThat(claims("Export records show the carbines had been issued to the Badr Organization in 2016."))
                .contains("supply|Badr Organization|asserted");
        assertThat(claims("Some of the rifles have found their way to Asa'ib Ahl al-Haq."))
                .contains("transfer|Asa'ib Ahl al-Haq|asserted");
        assertThat(claims("Residents counted three Humvees flying Kata'ib Hezbollah banners."))
                .contains("possession|Kata'ib Hezbollah|asserted");
        assertThat(claims("The Humvees had been given to the SDF by the coalition.")).contains("supply|SDF|asserted");
    }

    @Test
    void negationOnTheSubjectAndReportsDeclaredFalse() {
        assertThat(claims("None of the M4 carbines had been transferred to Kata'ib Hezbollah, the ministry said."))
                .contains("transfer|Kata'ib Hezbollah|denied");
        assertThat(claims("Reports that army officers sold M16 rifles to the Badr Organization are false."))
                .contains("transfer|Badr Organization|denied");
    }

    @Test
    void aStateThatReceivesIsSuppliedAndASpeakersPronounIsTheSpeaker() {
        assertThat(claims("Rifles sold to Jordan were later found in Daraa.")).contains("supply|Jordan|asserted");
        assertThat(claims("The Southern Shield Brigade said on Monday they had seized 12 Kalashnikov rifles."))
                .contains("possession|Southern Shield Brigade|asserted");
        assertThat(claims("The Southern Shield Brigade denied having received Humvees.")).contains("supply|Southern Shield Brigade|denied");
    }
}
