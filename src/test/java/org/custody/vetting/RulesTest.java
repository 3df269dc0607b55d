package org.custody.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custody.lists.Alias;
import org.custody.lists.AliasStrength;
import org.custody.lists.ListEntity;
import org.custody.lists.Schema;
import org.custody.screening.Explanation;
import org.custody.screening.Hit;
import org.junit.jupiter.api.Test;

class RulesTest {

    static final NodeRef.Unit UNIT = new NodeRef.Unit(7);
    static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    static Decision decision(Outcome o, LocalDate expires, Set<Long> roster) {
        return new Decision(1, 1, UNIT, o, "checked", expires, "officer", Instant.EPOCH, roster);
    }

    static VettingRequest request(boolean requeued) {
        return new VettingRequest(5, UNIT, new Purpose(Purpose.Kind.TRANSFER, "IQ-B-UAB"), DAY, "a", Instant.EPOCH,
                VettingRequest.Status.PENDING, requeued, requeued ? "new hit: x" : "");
    }

    @Test
    void clearanceRefusesEachKindOfNoWithItsReason() {
        Set<Long> roster = Set.of(3L);
        LocalDate later = DAY.plusYears(1);
        assertThat(refusal(Optional.empty(), List.of(), roster)).isEqualTo(ClearanceVerdict.Refusal.NEVER_VETTED);
        assertThat(refusal(Optional.of(decision(new Outcome.Denied(), later, roster)), List.of(), roster))
                .isEqualTo(ClearanceVerdict.Refusal.DENIED);
        assertThat(refusal(Optional.of(decision(new Outcome.Restricted("training only"), later, roster)), List.of(),
                roster)).isEqualTo(ClearanceVerdict.Refusal.RESTRICTED);
        assertThat(refusal(Optional.of(decision(new Outcome.Approved(), DAY.minusDays(1), roster)), List.of(), roster))
                .isEqualTo(ClearanceVerdict.Refusal.EXPIRED);
        assertThat(refusal(Optional.of(decision(new Outcome.Approved(), later, roster)), List.of(request(true)), roster))
                .isEqualTo(ClearanceVerdict.Refusal.UNDER_REVIEW);
        assertThat(refusal(Optional.of(decision(new Outcome.Approved(), later, roster)), List.of(), Set.of(4L)))
                .isEqualTo(ClearanceVerdict.Refusal.COMMAND_CHANGED);
        ClearanceVerdict ok = ClearanceRules.evaluate(UNIT, DAY, Optional.of(decision(new Outcome.Approved(), DAY, roster)),
                List.of(request(false)), roster);
        assertThat(ok.cleared()).isTrue();
        assertThat(ok.explanation()).contains("approved until 2025-03-01");
    }

    private static ClearanceVerdict.Refusal refusal(Optional<Decision> d, List<VettingRequest> pending, Set<Long> roster) {
        ClearanceVerdict c = ClearanceRules.evaluate(UNIT, DAY, d, pending, roster);
        assertThat(c).isInstanceOf(ClearanceVerdict.Refused.class);
        assertThat(c.explanation()).contains("unit:7");
        return ((ClearanceVerdict.Refused) c).refusal();
    }

    @Test
    void restrictedNeedsConditionsAndDecisionsNeedReasons() {
        assertThatThrownBy(() -> Outcome.parse("restricted", " ")).hasMessageContaining("conditions");
        assertThatThrownBy(() -> Outcome.parse("maybe", null)).hasMessageContaining("approved, denied or restricted");
        assertThatThrownBy(() -> new Decision(1, 1, UNIT, new Outcome.Approved(), "", DAY, "o", Instant.EPOCH, Set.of()))
                .hasMessageContaining("reason");
    }

    static ListEntity entity(String remarks, List<Alias> aliases) {
        return new ListEntity("ofac-sdn:11462", "ofac-sdn", "11462", Schema.ORGANIZATION, "KATA'IB HIZBALLAH",
                aliases, List.of("FTO", "SDGT"), List.of(), List.of(), List.of(), List.of(), remarks);
    }

    @Test
    void fingerprintIgnoresOrderButNotContent() {
        Alias a = new Alias("KATA'IB HEZBOLLAH", AliasStrength.STRONG, "a.k.a.");
        Alias b = new Alias("HIZBALLAH BRIGADES", AliasStrength.STRONG, "a.k.a.");
        String fp = EntityFingerprint.of(entity("r", List.of(a, b)));
        assertThat(EntityFingerprint.of(entity("r", List.of(b, a)))).isEqualTo(fp);
        assertThat(EntityFingerprint.of(entity("r2", List.of(a, b)))).isNotEqualTo(fp);
        assertThat(EntityFingerprint.of(entity("r", List.of(a)))).isNotEqualTo(fp);
    }

    static Finding finding(NodeRef node, String entityId) {
        Party p = new Party(node, "Kata'ib Hizballah", List.of(), Schema.ORGANIZATION);
        Explanation ex = new Explanation("KATA'IB HIZBALLAH", "PRIMARY", List.of(), List.of(), List.of(), "same name");
        return new Finding(GraphPath.start(p), "Kata'ib Hizballah",
                new Hit(entityId, "KATA'IB HIZBALLAH", Schema.ORGANIZATION, List.of("ofac-sdn"), 0.97, true, ex));
    }

    @Test
    void dismissalHoldsUntilTheEntryChanges() {
        Dismissal d = new Dismissal(1, UNIT, UNIT, "ofac-sdn:1", "fp1", "different group", "rev", Instant.EPOCH);
        assertThat(FindingStatus.of("fp1", Optional.of(d))).isInstanceOf(FindingStatus.Dismissed.class);
        assertThat(FindingStatus.of("fp2", Optional.of(d))).isInstanceOf(FindingStatus.Revived.class);
        assertThat(FindingStatus.of("fp1", Optional.empty())).isInstanceOf(FindingStatus.Open.class);
        assertThat(FindingStatus.of("fp2", Optional.of(d)).undismissed()).isTrue();
    }

    @Test
    void requeueOnNewHitChangedEntryAndCommandChangeButNotOnKnownOrDismissedHits() {
        Decision d = decision(new Outcome.Approved(), DAY, Set.of(3L));
        Finding known = finding(UNIT, "ofac-sdn:1");
        Finding fresh = finding(UNIT, "ofac-sdn:2");
        Map<String, String> seen = Map.of(known.key(), "fp1");
        assertThat(Requeue.reasons(d, seen, Set.of(3L),
                List.of(new ReviewedFinding(known, "fp1", new FindingStatus.Open())))).isEmpty();
        assertThat(Requeue.reasons(d, seen, Set.of(3L),
                List.of(new ReviewedFinding(known, "fp9", new FindingStatus.Open()))))
                .singleElement().asString().startsWith("listed entry changed");
        assertThat(Requeue.reasons(d, seen, Set.of(3L),
                List.of(new ReviewedFinding(fresh, "fp2", new FindingStatus.Open()))))
                .singleElement().asString().startsWith("new hit: Kata'ib Hizballah matched ofac-sdn:2");
        Dismissal dis = new Dismissal(1, UNIT, UNIT, "ofac-sdn:2", "fp2", "no", "rev", Instant.EPOCH);
        assertThat(Requeue.reasons(d, seen, Set.of(3L),
                List.of(new ReviewedFinding(fresh, "fp2", new FindingStatus.Dismissed(dis))))).isEmpty();
        assertThat(Requeue.reasons(d, seen, Set.of(4L), List.of()))
                .containsExactly("command changed since the decision: -person:3 +person:4");
    }

    @Test
    void nodeRefsParseAndRefuseBadInput() {
        assertThat(NodeRef.parse("unit:12")).isEqualTo(new NodeRef.Unit(12));
        assertThat(NodeRef.parse("org:3").key()).isEqualTo("org:3");
        assertThatThrownBy(() -> NodeRef.parse("unit")).hasMessageContaining("KIND:ID");
        assertThatThrownBy(() -> NodeRef.parse("unit:x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> NodeRef.parse("ship:1")).hasMessageContaining("unknown node kind");
        assertThatThrownBy(() -> Relation.parseAffiliation("commanded_by")).hasMessageContaining("member_of");
        assertThat(Relation.parseAffiliation("part-of")).isEqualTo(Relation.PART_OF);
    }
}
