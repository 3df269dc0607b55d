package org.custody.diversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custody.diversion.IraqLedger.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiversionDetectorTest {

    static final LocalDate AS_OF = LocalDate.of(2016, 1, 1);
    static final LocalDate SEEN = LocalDate.of(2015, 6, 10);

    final DiversionDetector detector = new DiversionDetector(ledger(), designations(),
            new SuspicionModel(ScoringConfig.defaults()));

    Finding only(EvidenceClaim... claims) {
        List<Finding> f = detector.detect(List.of(claims), AS_OF);
        assertThat(f).hasSize(1);
        return f.getFirst();
    }

    static Factor factor(Finding f, String name) {
        return f.factors().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void designatedMilitiaWithAbramsOpensCaseNamingTheDelivery() {
        Finding f = only(claim(KH, M1A1, Stance.ASSERTED, "afp", AL_QAIM, SEEN),
                claim(KH, M1A1, Stance.ASSERTED, "militia-telegram", AL_QAIM, SEEN),
                claim(KH, M1A1, Stance.ASSERTED, "field-report", AL_QAIM, SEEN));
        assertThat(f.opensCase()).isTrue();
        assertThat(f.sighting().level()).isEqualTo(ArticleLevel.EXACT);
        assertThat(f.sighting().candidates()).extracting(CandidateTransfer::transferId).containsExactly("T-IQ-B-UAL");
        assertThat(f.sighting().holderStatus()).isEqualTo(HolderStatus.UNKNOWN_ACTOR);
        assertThat(factor(f, "holder_designated").value()).isEqualTo(1.0);
        assertThat(factor(f, "holder_designated").explanation()).contains("KATA'IB HIZBALLAH", "us-ofac-sdn");
        assertThat(factor(f, "holder_not_approved").explanation()).contains("9th Armoured Division");
        assertThat(factor(f, "corroboration").value()).isEqualTo(1.0);
        assertThat(f.reason()).contains("not an approved end-user");
    }

    @Test
    void serialMatchIsDecisive() {
        ArticleRef vague = new ArticleRef(null, null, "main battle tank");
        Finding withSerial = only(claim(KH, vague, Stance.ASSERTED, "afp", AL_QAIM, SEEN, "ab 0042"));
        assertThat(withSerial.sighting().level()).isEqualTo(ArticleLevel.SERIAL);
        assertThat(withSerial.sighting().candidates()).extracting(CandidateTransfer::transferId).containsExactly("T-IQ-B-UAL");
        assertThat(withSerial.sighting().serialMatches()).containsEntry("ab 0042", "T-IQ-B-UAL");
        assertThat(factor(withSerial, "serial_match").value()).isEqualTo(1.0);
        assertThat(factor(withSerial, "article_match").value()).isEqualTo(1.0);

        Finding noSerial = only(claim(KH, vague, Stance.ASSERTED, "afp", AL_QAIM, SEEN));
        assertThat(noSerial.sighting().level()).isEqualTo(ArticleLevel.CATEGORY);
        assertThat(noSerial.sighting().candidates()).extracting(CandidateTransfer::transferId).containsExactly("T-IQ-B-UAL");
        assertThat(withSerial.score()).isGreaterThan(noSerial.score());
    }

    @Test
    void serialOverridesCountryAndTimeWindow() {
        EvidenceClaim early = new EvidenceClaim("x", ClaimKind.USE, M1A1, KH, "AB-0007", "Deir ez-Zor", null, "Syria",
                LocalDate.of(2009, 1, 1), Stance.ASSERTED, Set.of("o"), null, "d", "s", null);
        Finding f = only(early);
        assertThat(f.sighting().level()).isEqualTo(ArticleLevel.SERIAL);
        assertThat(f.sighting().candidates()).extracting(CandidateTransfer::transferId).containsExactly("T-IQ-B-UAL");
    }

    @Test
    void unmatchedSerialSaysSo() {
        Finding f = only(claim(KH, M1A1, Stance.ASSERTED, "afp", AL_QAIM, SEEN, "ZZ-999"));
        assertThat(factor(f, "serial_match").value()).isZero();
        assertThat(factor(f, "serial_match").explanation()).contains("match no delivered serial");
        assertThat(f.sighting().level()).isEqualTo(ArticleLevel.EXACT);
    }

    @Test
    void approvedUnitHoldingIsNotFlagged() {
        Actor div9 = new Actor(null, "Iraqi Army 9th Division");
        Finding f = only(claim(div9, M1A1, Stance.ASSERTED, "afp", TAJI, SEEN),
                claim(div9, M1A1, Stance.ASSERTED, "reuters", TAJI, SEEN));
        assertThat(f.sighting().holderStatus()).isEqualTo(HolderStatus.APPROVED_UNIT);
        assertThat(f.opensCase()).isFalse();
        assertThat(f.reason()).contains("approved holding");
        assertThat(factor(f, "holder_not_approved").value()).isZero();
        assertThat(factor(f, "distance").value()).isZero();
    }

    @Test
    void subUnitOfApprovedUnitIsApproved() {
        Actor bde = new Actor("iq-35bde", "35th Armoured Brigade");
        Finding f = only(claim(bde, M1A1, Stance.ASSERTED, "afp", TAJI, SEEN));
        assertThat(f.sighting().holderStatus()).isEqualTo(HolderStatus.APPROVED_SUB_UNIT);
        assertThat(f.sighting().approvedVia()).isEqualTo(DIV9);
        assertThat(f.opensCase()).isFalse();
    }

    @Test
    void parentOfApprovedUnitIsNotApproved() {
        Actor army = new Actor("iq-army", "Iraqi Army");
        Finding f = only(claim(army, M1A1, Stance.ASSERTED, "afp", TAJI, SEEN));
        assertThat(f.sighting().holderStatus()).isEqualTo(HolderStatus.OTHER_UNIT);
    }

    @Test
    void otherLedgerUnitIsNotApprovedButWeighsLessThanAMilitia() {
        Actor div1 = new Actor("iq-1div", "1st Division");
        Finding f = only(claim(div1, M1A1, Stance.ASSERTED, "afp", HABBANIYAH, SEEN));
        assertThat(f.sighting().holderStatus()).isEqualTo(HolderStatus.OTHER_UNIT);
        assertThat(factor(f, "holder_not_approved").value()).isEqualTo(0.7);
        assertThat(factor(f, "holder_not_approved").explanation()).contains("neither an approved end-user");
    }

    @Test
    void designationThroughParentCountsLessThanDirect() {
        Finding brigade = only(claim(KH_BRIGADE, M1A1, Stance.ASSERTED, "afp", AL_QAIM, SEEN));
        Finding kh = only(claim(KH, M1A1, Stance.ASSERTED, "afp", AL_QAIM, SEEN));
        assertThat(factor(brigade, "holder_designated").value()).isEqualTo(0.8);
        assertThat(factor(brigade, "holder_designated").explanation()).contains("part of Kata'ib Hizballah");
        assertThat(brigade.score()).isLessThan(kh.score());
    }

    @Test
    void familyThenCategoryFallback() {
        ArticleRef m1a2 = new ArticleRef("M1A2 Abrams", "M1 Abrams", "main battle tank");
        Finding fam = only(claim(KH, m1a2, Stance.ASSERTED, "afp", AL_QAIM, SEEN));
        assertThat(fam.sighting().level()).isEqualTo(ArticleLevel.FAMILY);
        assertThat(factor(fam, "article_match").value()).isEqualTo(0.6);

        ArticleRef t72 = new ArticleRef("T-72", "T-72", "main battle tank");
        Finding cat = only(claim(KH, t72, Stance.ASSERTED, "afp", AL_QAIM, SEEN));
        assertThat(cat.sighting().level()).isEqualTo(ArticleLevel.CATEGORY);
        assertThat(factor(cat, "article_match").value()).isEqualTo(0.25);
        assertThat(cat.score()).isLessThan(fam.score());
    }

    @Test
    void sightingBeforeDeliveryHasNoCandidate() {
        Finding f = only(claim(KH, M1A1, Stance.ASSERTED, "afp", AL_QAIM, LocalDate.of(2005, 1, 1)));
        assertThat(f.opensCase()).isFalse();
        assertThat(f.sighting().candidates()).isEmpty();
        assertThat(f.reason()).contains("no delivery in the ledger matches");
    }

    @Test
    void countryOfSightingIsPreferredAndFallbackIsExplained() {
        ArticleRef family = new ArticleRef(null, "M1 Abrams", "main battle tank");
        Finding iraq = only(claim(KH, family, Stance.ASSERTED, "afp", AL_QAIM, LocalDate.of(2018, 1, 1)));
        assertThat(iraq.sighting().candidates()).extracting(CandidateTransfer::transferId).containsExactly("T-IQ-B-UAL");

        EvidenceClaim yemen = new EvidenceClaim("y", ClaimKind.POSSESSION, family, new Actor("houthi", "Houthi rebels"),
                null, "Sanaa", new GeoPoint(15.35, 44.2), "Yemen", LocalDate.of(2018, 1, 1), Stance.ASSERTED,
                Set.of("o"), null, "d", "s", null);
        Finding y = only(yemen);
        assertThat(y.sighting().candidates()).extracting(CandidateTransfer::transferId)
                .containsExactlyInAnyOrder("T-IQ-B-UAL", "T-SR-D-AAB");
        assertThat(y.sighting().countryNote()).contains("no delivery to yemen");
    }

    @Test
    void corroborationCountsIndependentOriginsNotDocuments() {
        List<EvidenceClaim> syndicated = new ArrayList<>();
        for (int i = 0; i < 5; i++) syndicated.add(claim(KH, M1A1, Stance.ASSERTED, "ap-wire", AL_QAIM, SEEN));
        Finding five = detector.detect(syndicated, AS_OF).getFirst();
        assertThat(factor(five, "corroboration").value()).isEqualTo(0.3333);
        assertThat(factor(five, "corroboration").explanation()).contains("1 independent origin(s) across 5 document(s)");

        Finding three = only(claim(KH, M1A1, Stance.ASSERTED, "ap-wire", AL_QAIM, SEEN),
                claim(KH, M1A1, Stance.ASSERTED, "reuters", AL_QAIM, SEEN),
                claim(KH, M1A1, Stance.ASSERTED, "car-field-team", AL_QAIM, SEEN));
        assertThat(three.score()).isGreaterThan(five.score());
    }

    @Test
    void denialsHedgesAndSingleSourcesScoreBelowCorroboratedAssertions() {
        Finding corroborated = only(claim(KH, M1A1, Stance.ASSERTED, "ap", AL_QAIM, SEEN),
                claim(KH, M1A1, Stance.ASSERTED, "reuters", AL_QAIM, SEEN),
                claim(KH, M1A1, Stance.ASSERTED, "bellingcat", AL_QAIM, SEEN));
        Finding single = only(claim(KH, M1A1, Stance.ASSERTED, "ap", AL_QAIM, SEEN));
        Finding hedged = only(claim(KH, M1A1, Stance.HEDGED, "ap", AL_QAIM, SEEN));
        Finding denied = only(claim(KH, M1A1, Stance.DENIED, "mod", AL_QAIM, SEEN));
        Finding assertedButDenied = only(claim(KH, M1A1, Stance.ASSERTED, "ap", AL_QAIM, SEEN),
                claim(KH, M1A1, Stance.DENIED, "mod", AL_QAIM, SEEN));
        assertThat(corroborated.score()).isGreaterThan(single.score());
        assertThat(single.score()).isGreaterThan(hedged.score());
        assertThat(hedged.score()).isGreaterThan(denied.score());
        assertThat(single.score()).isGreaterThan(assertedButDenied.score());
        assertThat(factor(denied, "corroboration").value()).isZero();
        assertThat(factor(assertedButDenied, "stance").explanation()).contains("denied by Iraqi MoD spokesman");
    }

    @Test
    void distanceOutsideAreaOfOperation() {
        Finding inside = only(claim(KH, M1A1, Stance.ASSERTED, "ap", BAGHDAD, SEEN));
        Finding far = only(claim(KH, M1A1, Stance.ASSERTED, "ap", AL_QAIM, SEEN));
        Finding unknown = only(claim(KH, M1A1, Stance.ASSERTED, "ap", null, SEEN));
        assertThat(factor(inside, "distance").value()).isZero();
        assertThat(factor(far, "distance").value()).isGreaterThan(0.7);
        assertThat(factor(far, "distance").explanation()).contains("km outside the area of operation of 9th Armoured Division");
        assertThat(factor(unknown, "distance").value()).isEqualTo(0.5);
    }

    @Test
    void recencyDecaysLinearly() {
        Finding fresh = only(claim(KH, M1A1, Stance.ASSERTED, "ap", AL_QAIM, SEEN));
        Finding old = only(claim(KH, M1A1, Stance.ASSERTED, "ap", AL_QAIM, LocalDate.of(2011, 1, 1)));
        Finding undated = only(claim(KH, M1A1, Stance.ASSERTED, "ap", AL_QAIM, null));
        assertThat(factor(fresh, "recency").value()).isEqualTo(1.0);
        assertThat(factor(old, "recency").value()).isBetween(0.0, 1.0).isLessThan(1.0);
        assertThat(factor(undated, "recency").value()).isEqualTo(0.5);
    }

    @Test
    void onlyPossessionUseAndTransferClaimsAreDetected() {
        EvidenceClaim supply = new EvidenceClaim("s", ClaimKind.SUPPLY, M1A1, KH, null, null, null, "Iraq", SEEN,
                Stance.ASSERTED, Set.of("o"), null, "d", "s", null);
        EvidenceClaim training = new EvidenceClaim("t", ClaimKind.TRAINING, M1A1, KH, null, null, null, "Iraq", SEEN,
                Stance.ASSERTED, Set.of("o"), null, "d", "s", null);
        assertThat(detector.detect(List.of(supply, training), AS_OF)).isEmpty();
    }

    @Test
    void claimsGroupByHolderAndFamily() {
        ArticleRef familyOnly = new ArticleRef(null, "M1 Abrams", null);
        List<Finding> f = detector.detect(List.of(claim(KH, M1A1, Stance.ASSERTED, "ap", AL_QAIM, SEEN),
                claim(new Actor("ofac-11462", "Kataib Hezbollah"), familyOnly, Stance.ASSERTED, "rt", AL_QAIM, SEEN),
                claim(KH, HMMWV, Stance.ASSERTED, "ap", AL_QAIM, SEEN),
                claim(ISIS, M1A1, Stance.ASSERTED, "ap", AL_QAIM, SEEN)), AS_OF);
        assertThat(f).hasSize(3);
        assertThat(f.getFirst().sighting().claims()).hasSize(2);
        assertThat(f.getFirst().sighting().level()).isEqualTo(ArticleLevel.EXACT);
    }

    @Test
    void approvedButDesignatedHolderIsFlagged() {
        InMemoryLedger l = ledger().linkActor("ofac-11462", "iq-35bde");
        DiversionDetector d = new DiversionDetector(l, designations(), new SuspicionModel(ScoringConfig.defaults()));
        Finding f = d.detect(List.of(claim(KH, M1A1, Stance.ASSERTED, "ap", TAJI, SEEN),
                claim(KH, M1A1, Stance.ASSERTED, "rt", TAJI, SEEN), claim(KH, M1A1, Stance.ASSERTED, "x", TAJI, SEEN)),
                AS_OF).getFirst();
        assertThat(f.sighting().holderStatus()).isEqualTo(HolderStatus.APPROVED_SUB_UNIT);
        assertThat(f.score()).isLessThan(0.75);
        assertThat(f.reason()).containsAnyOf("approved holder is designated", "below the opening threshold");
    }

    @Test
    void candidateListIsCutButTheApprovingDeliveryIsKept() {
        InMemoryLedger l = ledger();
        for (int i = 0; i < 60; i++) {
            l.addTransfer(new CandidateTransfer("T-X" + i, "X" + i, "FMS", "Iraq", LocalDate.of(2012, 1, 1).plusDays(i),
                    M1A1, List.of(DIV1), true, 1), List.of());
        }
        DiversionDetector d = new DiversionDetector(l, designations(), new SuspicionModel(ScoringConfig.defaults()));
        Finding f = d.detect(List.of(claim(new Actor("iq-35bde", "35th Armoured Brigade"), M1A1, Stance.ASSERTED, "ap",
                TAJI, SEEN)), AS_OF).getFirst();
        assertThat(f.sighting().totalCandidates()).isEqualTo(61);
        assertThat(f.sighting().candidates()).hasSize(25);
        assertThat(f.sighting().candidates().getFirst().transferId()).isEqualTo("T-IQ-B-UAL");
        assertThat(f.sighting().holderStatus()).isEqualTo(HolderStatus.APPROVED_SUB_UNIT);
    }

    @Test
    void denialsAloneNeverOpenACase() {
        Finding f = only(claim(KH, M1A1, Stance.DENIED, "mod", AL_QAIM, SEEN),
                claim(KH, M1A1, Stance.DENIED, "pmf-office", AL_QAIM, SEEN));
        assertThat(f.opensCase()).isFalse();
        assertThat(f.reason()).contains("every claim is a denial");
    }

    @Test
    void countryLevelDeliveryApprovesTheRecipientsForcesOnly() {
        InMemoryLedger l = ledger().unitCountry("iq-mod", "Iraq").unitCountry("sa-rslf", "Saudi Arabia");
        ArticleRef bradley = new ArticleRef("M2 Bradley", "Bradley", "infantry fighting vehicle");
        l.addTransfer(new CandidateTransfer("SIPRI-1", "SIPRI 12345", "UNKNOWN", "Iraq", LocalDate.of(2014, 1, 1),
                bradley, List.of(), false, 80), List.of());
        DiversionDetector d = new DiversionDetector(l, designations(), new SuspicionModel(ScoringConfig.defaults()));
        Finding army = d.detect(List.of(claim(new Actor("iq-7x", "1st Division"), bradley, Stance.ASSERTED, "ap", HABBANIYAH, SEEN)), AS_OF).getFirst();
        assertThat(army.sighting().holderStatus()).isEqualTo(HolderStatus.RECIPIENT_FORCES);
        assertThat(army.opensCase()).isFalse();
        assertThat(army.reason()).contains("recipient country's forces");
        Finding militia = d.detect(List.of(claim(KH, bradley, Stance.ASSERTED, "ap", AL_QAIM, SEEN)), AS_OF).getFirst();
        assertThat(militia.sighting().holderStatus()).isEqualTo(HolderStatus.UNKNOWN_ACTOR);
        assertThat(militia.opensCase()).isTrue();
        Finding saudi = d.detect(List.of(claim(new Actor("sa-rslf", "Royal Saudi Land Forces"), bradley, Stance.ASSERTED,
                "ap", AL_QAIM, SEEN)), AS_OF).getFirst();
        assertThat(saudi.sighting().holderStatus()).isEqualTo(HolderStatus.OTHER_UNIT);
    }
}
