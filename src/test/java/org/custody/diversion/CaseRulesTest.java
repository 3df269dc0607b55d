package org.custody.diversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custody.diversion.IraqLedger.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseRulesTest {

    @Test
    void allowedTransitions() {
        assertThat(CaseStatus.OPEN.canMoveTo(CaseStatus.UNDER_REVIEW)).isTrue();
        assertThat(CaseStatus.OPEN.canMoveTo(CaseStatus.CONFIRMED)).isFalse();
        assertThat(CaseStatus.UNDER_REVIEW.allowedNext()).containsExactlyInAnyOrder(
                CaseStatus.CONFIRMED, CaseStatus.DISMISSED, CaseStatus.REFERRED);
        assertThat(CaseStatus.DISMISSED.allowedNext()).containsExactly(CaseStatus.UNDER_REVIEW);
        assertThat(CaseStatus.CONFIRMED.allowedNext()).isEmpty();
        assertThatThrownBy(() -> CaseStatus.CONFIRMED.checkMove(CaseStatus.DISMISSED)).hasMessageContaining("final");
        assertThatThrownBy(() -> CaseStatus.OPEN.checkMove(CaseStatus.DISMISSED))
                .hasMessageContaining("allowed: under_review");
        assertThat(CaseStatus.parse("under review")).isEqualTo(CaseStatus.UNDER_REVIEW);
        assertThatThrownBy(() -> CaseStatus.parse("closed")).hasMessageContaining("open, under_review");
    }

    final DiversionDetector detector = new DiversionDetector(ledger(), designations(),
            new SuspicionModel(ScoringConfig.defaults()));
    final CaseReconciler reconciler = new CaseReconciler(ScoringConfig.defaults());
    static final LocalDate AS_OF = LocalDate.of(2016, 1, 1);
    static final LocalDate SEEN = LocalDate.of(2015, 6, 1);

    @Test
    void newFindingOverThresholdOpensCaseAndBelowDoesNot() {
        List<Finding> f = detector.detect(List.of(claim(KH, M1A1, Stance.ASSERTED, "ap", AL_QAIM, SEEN),
                claim(new Actor("iq-9div", "9th Armoured Division"), M1A1, Stance.ASSERTED, "ap", TAJI, SEEN)), AS_OF);
        List<CaseAction> plan = reconciler.plan(Map.of(), f);
        assertThat(plan).hasSize(1).first().isInstanceOf(CaseAction.Open.class);
    }

    @Test
    void rerunWithSameFindingsChangesNothing() {
        Finding f = detector.detect(List.of(claim(KH, M1A1, Stance.ASSERTED, "ap", AL_QAIM, SEEN)), AS_OF).getFirst();
        CaseSnapshot existing = new CaseSnapshot(7, f.key(), CaseStatus.UNDER_REVIEW, f.score(), false);
        assertThat(reconciler.plan(Map.of(f.key(), existing), List.of(f))).isEmpty();
    }

    @Test
    void newEvidenceRescoresAndEscalates() {
        Finding single = detector.detect(List.of(claim(KH, M1A1, Stance.HEDGED, "ap", AL_QAIM, SEEN)), AS_OF).getFirst();
        Finding more = detector.detect(List.of(claim(KH, M1A1, Stance.ASSERTED, "ap", AL_QAIM, SEEN, "AB-0001"),
                claim(KH, M1A1, Stance.ASSERTED, "rt", AL_QAIM, SEEN),
                claim(KH, M1A1, Stance.ASSERTED, "car", AL_QAIM, SEEN)), AS_OF).getFirst();
        assertThat(single.score()).isLessThan(0.75);
        assertThat(more.score()).isGreaterThanOrEqualTo(0.75);
        CaseSnapshot existing = new CaseSnapshot(7, more.key(), CaseStatus.OPEN, single.score(), false);
        List<CaseAction> plan = reconciler.plan(Map.of(more.key(), existing), List.of(more));
        assertThat(plan).singleElement().isInstanceOfSatisfying(CaseAction.Rescore.class, r -> {
            assertThat(r.escalated()).isTrue();
            assertThat(r.oldScore()).isEqualTo(single.score());
        });
    }

    @Test
    void caseWhoseScoreDropsIsAnnotatedNotDeleted() {
        Finding denied = detector.detect(List.of(claim(KH, HMMWV, Stance.DENIED, "mod", null, null)), AS_OF).getFirst();
        assertThat(denied.opensCase()).isFalse();
        CaseSnapshot existing = new CaseSnapshot(3, denied.key(), CaseStatus.OPEN, 0.8, false);
        List<CaseAction> plan = reconciler.plan(Map.of(denied.key(), existing), List.of(denied));
        assertThat(plan).hasSize(2);
        assertThat(plan).anySatisfy(a -> assertThat(a).isInstanceOfSatisfying(CaseAction.Annotate.class, n -> {
            assertThat(n.belowThreshold()).isTrue();
            assertThat(n.note()).contains("kept for the record");
        }));
        // once annotated, a second run with the same finding adds nothing
        CaseSnapshot annotated = new CaseSnapshot(3, denied.key(), CaseStatus.OPEN, denied.score(), true);
        assertThat(reconciler.plan(Map.of(denied.key(), annotated), List.of(denied))).isEmpty();
    }

    @Test
    void caseWithNoSupportingClaimIsAnnotated() {
        CaseSnapshot orphan = new CaseSnapshot(9, "gone|family:m1abrams", CaseStatus.DISMISSED, 0.6, false);
        List<CaseAction> plan = reconciler.plan(Map.of(orphan.key(), orphan), List.of());
        assertThat(plan).singleElement().isInstanceOfSatisfying(CaseAction.Annotate.class,
                n -> assertThat(n.note()).contains("no current evidence claim supports"));
    }

    @Test
    void unitRiskBreakdown() {
        ScoringConfig c = ScoringConfig.defaults();
        UnitRisk clean = UnitRisk.of(new UnitRisk.Inputs("u", "9th Armoured Division", 0, 0, 140, 0, VettingStanding.APPROVED, null), c);
        assertThat(clean.score()).isZero();
        UnitRisk bad = UnitRisk.of(new UnitRisk.Inputs("u", "9th Armoured Division", 1, 2, 140, 35, VettingStanding.PENDING,
                "requeued after confirmed diversion"), c);
        assertThat(bad.factors()).extracting(Factor::name)
                .containsExactly("confirmed_cases", "open_cases", "delinquent_inventory", "vetting");
        assertThat(bad.factors().get(2).value()).isEqualTo(0.25);
        assertThat(bad.factors().get(2).explanation()).contains("35 of 140");
        assertThat(bad.score()).isCloseTo(0.4 + 0.2 * 2 / 3.0 + 0.2 * 0.25 + 0.2 * 0.7, org.assertj.core.data.Offset.offset(0.001));
        assertThat(bad.factors().stream().mapToDouble(Factor::share).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(VettingStanding.of("denied")).isEqualTo(VettingStanding.DENIED);
        assertThat(VettingStanding.of("requeued")).isEqualTo(VettingStanding.PENDING);
    }
}
