package org.custody.store.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.custody.audit.AuditEntry;
import org.custody.audit.AuditLog;
import org.custody.ledger.Clearance;
import org.custody.ledger.Echelon;
import org.custody.lists.Alias;
import org.custody.lists.AliasStrength;
import org.custody.lists.ListEntity;
import org.custody.screening.Screener;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.vetting.ClearanceVerdict;
import org.custody.vetting.Decision;
import org.custody.vetting.FindingStatus;
import org.custody.vetting.ListedEntries;
import org.custody.vetting.NodeRef;
import org.custody.vetting.Outcome;
import org.custody.vetting.Purpose;
import org.custody.vetting.Relation;
import org.custody.vetting.ReviewedFinding;
import org.custody.vetting.VettingRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Vetting end to end on PostgreSQL with the real OFAC SDN lists (2021-07 and 2024-05 sets) read through
 * the OFAC importer and screened by the screening engine.
 */
@Tag("db")
class VettingServiceTest {

    static final LocalDate D = LocalDate.of(2024, 6, 1);
    static final Purpose TRANSFER = new Purpose(Purpose.Kind.TRANSFER, "IQ-B-UAB M16A4 rifles");

    static Database db;
    static LedgerFixture ledger;
    static final AtomicReference<SdnLists.Loaded> lists = new AtomicReference<>();
    static VettingService service;

    /** Each test gets its own database: rescreening works on every decided subject in it. */
    @BeforeEach
    void start() {
        db = TestDatabases.fresh();
        ledger = new LedgerFixture(db);
        lists.set(SdnLists.load("ofac-sdn"));
        Screener screener = new Screener() {
            public org.custody.screening.ScreeningResult screen(org.custody.screening.ScreeningQuery q) {
                return lists.get().engine().screen(q);
            }

            public org.custody.screening.Comparison compare(String a, String b, org.custody.lists.Schema s) {
                return lists.get().engine().compare(a, b, s);
            }
        };
        ListedEntries entries = ids -> lists.get().entries().fingerprints(ids);
        service = new VettingService(db, () -> screener, entries);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private static int seq = 0;

    static String code() {
        return "U" + (++seq);
    }

    @Test
    void aUnitCommandedByAlMuhandisUnderAnotherSpellingIsFlaggedWithExplanation() {
        lists.set(SdnLists.load("ofac-sdn"));
        NodeRef.Unit unit = ledger.unit(code(), "Special Tasks Battalion", Echelon.BATTALION, null);
        NodeRef.Person commander = ledger.person("Abu Mahdi al-Mohandes");
        ledger.post(commander, unit, "commander", LocalDate.of(2014, 6, 15), null);
        VettingRequest r = service.request(unit, TRANSFER, D, "requester");
        VettingService.Report report = service.check(r.id(), "system");

        ReviewedFinding f = findingOn(report, commander, "ofac-sdn:11461");
        assertThat(f.finding().path().render()).isEqualTo("Special Tasks Battalion --commanded_by--> Abu Mahdi al-Mohandes");
        assertThat(f.finding().hit().explanation()).isNotNull();
        assertThat(f.finding().hit().explanation().summary()).isNotBlank();
        assertThat(f.finding().headline()).startsWith(
                "Special Tasks Battalion --commanded_by--> Abu Mahdi al-Mohandes matched ofac-sdn:11461 AL-MUHANDIS, Abu Mahdi");
        assertThat(f.status()).isInstanceOf(FindingStatus.Open.class);
        assertThat(report.check().orElseThrow().roster()).containsExactly(commander.id());
        // recorded, and read back the same
        assertThat(service.report(r.id()).findings()).extracting(x -> x.finding().headline())
                .contains(f.finding().headline());
    }

    @Test
    void aBrigadePartOfKataibHizballahIsFlaggedThroughTheGraphWithThePath() {
        lists.set(SdnLists.load("ofac-sdn"));
        String pmcCode = code();
        ledger.unit(pmcCode, "Popular Mobilization Commission", Echelon.COMMAND, null);
        NodeRef.Unit brigade = ledger.unit(code(), "Brigade 45", Echelon.BRIGADE, pmcCode);
        NodeRef.Person commander = ledger.person("Hussein Muanis Faraj");
        ledger.post(commander, brigade, "commander", LocalDate.of(2017, 1, 1), null);
        service.addAffiliation(brigade, Relation.PART_OF, null, "Kata'ib Hizballah", List.of(),
                "PMF brigade numbering (Brigades 45, 46, 47)", "KH's PMF formations", "analyst");

        VettingService.Report report = service.check(service.request(brigade, TRANSFER, D, "requester").id(), "system");
        ReviewedFinding f = report.findings().stream()
                .filter(x -> x.finding().hit().entityId().equals("ofac-sdn:11462")).findFirst().orElseThrow();
        assertThat(f.finding().path().render()).isEqualTo("Brigade 45 --part_of--> Kata'ib Hizballah");
        assertThat(f.finding().path().sources())
                .containsExactly("part_of: PMF brigade numbering (Brigades 45, 46, 47) (KH's PMF formations)");
        assertThat(f.finding().headline()).startsWith("Brigade 45 --part_of--> Kata'ib Hizballah matched ofac-sdn:11462 KATA'IB HIZBALLAH");
        assertThat(f.finding().hit().alert()).isTrue();
        assertThat(f.finding().hit().explanation().summary()).isNotBlank();
        // the parent was screened too
        assertThat(report.check().orElseThrow().screened()).extracting(StoredCheck.Screened::path)
                .contains("Brigade 45 --sub_unit_of--> Popular Mobilization Commission");
    }

    @Test
    void aPersonIsVettedUnderTheirNamesAndThroughTheOrganisationsTheyBelongTo() {
        NodeRef.Person trainee = ledger.person("Jawad Kadhim al-Tamimi");
        NodeRef.Organisation aah = service.organisation("Asa'ib Ahl al-Haq", List.of("League of the Righteous"), "analyst");
        service.addAffiliation(trainee, Relation.MEMBER_OF, aah, null, List.of(), "court record 2019/117", "", "analyst");
        VettingRequest r = service.request(trainee, new Purpose(Purpose.Kind.TRAINING, "officer course 12"), D, "req");
        VettingService.Report report = service.check(r.id(), "system");
        ReviewedFinding f = findingOn(report, aah, "ofac-sdn:28283");
        assertThat(f.finding().path().render())
                .isEqualTo("Jawad Kadhim al-Tamimi --member_of--> Asa'ib Ahl al-Haq");
        assertThat(report.check().orElseThrow().roster()).isEmpty();
        assertThatThrownBy(() -> service.request(aah, TRANSFER, D, "req")).hasMessageContaining("units or persons");
    }

    @Test
    void aDismissalHoldsAcrossAnUnchangedListUpdateAndIsRevivedWhenTheEntryChanges() {
        lists.set(SdnLists.load("ofac-sdn-2021-07"));
        // a namesake: a unit whose name is one of the militia's listed aliases
        NodeRef.Unit unit = ledger.unit(code(), "Hizballah Brigades", Echelon.OTHER, null);
        VettingRequest r = service.request(unit, new Purpose(Purpose.Kind.TRAINING, "logistics course 3"), D, "req");
        VettingService.Report first = service.check(r.id(), "system");
        ReviewedFinding kh = findingOn(first, unit, "ofac-sdn:11462");

        service.dismiss(unit, unit, "ofac-sdn:11462", "namesake: a Basra sports club (registration 2019/44)", "reviewer");
        assertThat(findingOn(service.report(r.id()), unit, "ofac-sdn:11462").status())
                .isInstanceOf(FindingStatus.Dismissed.class);
        List<AuditEntry> audit = db.read(c -> AuditLog.entries(c, unit.key()));
        assertThat(audit).extracting(AuditEntry::action).contains("vet.dismiss");
        assertThat(audit.stream().filter(a -> a.action().equals("vet.dismiss")).findFirst().orElseThrow().detail())
                .contains("namesake").contains("ofac-sdn:11462").contains(kh.fingerprint());

        // the 2024-05 list: a real update in which this entry did not change
        lists.set(SdnLists.load("ofac-sdn"));
        VettingService.Report again = service.check(r.id(), "system");
        assertThat(findingOn(again, unit, "ofac-sdn:11462").status()).isInstanceOf(FindingStatus.Dismissed.class);

        // a later version in which the entry changed (a new alias)
        lists.set(SdnLists.changed(SdnLists.load("ofac-sdn"), "ofac-sdn:11462", e -> withAlias(e, "KH SPORTS NETWORK")));
        ReviewedFinding revived = findingOn(service.report(r.id()), unit, "ofac-sdn:11462");
        assertThat(revived.status()).isInstanceOf(FindingStatus.Revived.class);
        assertThat(revived.describe()).contains("REVIVED");
        lists.set(SdnLists.load("ofac-sdn"));
    }

    @Test
    void decisionsAreAuditLoggedAndNeedACheckReasonAndExpiry() {
        lists.set(SdnLists.load("ofac-sdn"));
        NodeRef.Unit unit = ledger.unit(code(), "7th Infantry Battalion", Echelon.BATTALION, null);
        NodeRef.Person commander = ledger.person("Karim Jabbar Saleh");
        ledger.post(commander, unit, "commander", LocalDate.of(2020, 1, 1), null);
        VettingRequest r = service.request(unit, TRANSFER, D, "req");
        assertThatThrownBy(() -> service.decide(r.id(), new Outcome.Approved(), "ok", D.plusYears(1), "officer"))
                .hasMessageContaining("has not been checked");
        service.check(r.id(), "system");
        assertThatThrownBy(() -> service.decide(r.id(), new Outcome.Approved(), " ", D.plusYears(1), "officer"))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> service.decide(r.id(), new Outcome.Approved(), "ok", D, "officer"))
                .hasMessageContaining("not after");
        Decision d = service.decide(r.id(), new Outcome.Restricted("non-lethal training only"), "thin record",
                D.plusYears(1), "officer-7");
        assertThat(service.latestDecision(unit)).contains(d);
        assertThatThrownBy(() -> service.decide(r.id(), new Outcome.Approved(), "again", D.plusYears(1), "officer"))
                .hasMessageContaining("already decided");

        AuditEntry e = db.read(c -> AuditLog.entries(c, unit.key())).stream()
                .filter(x -> x.action().equals("vet.decide")).findFirst().orElseThrow();
        assertThat(e.actor()).isEqualTo("officer-7");
        assertThat(e.detail()).contains("\"outcome\":\"restricted\"").contains("non-lethal training only")
                .contains("thin record").contains("person:" + commander.id());
        assertThat(db.read(AuditLog::firstBrokenLink)).isEmpty();
    }

    @Test
    void clearanceRefusesUnvettedDeniedRestrictedAndExpiredUnitsAndClearsApprovedOnes() {
        lists.set(SdnLists.load("ofac-sdn"));
        VettingDeliveryClearance clearance = new VettingDeliveryClearance(db);
        NodeRef.Unit unvetted = ledger.unit(code(), "Unvetted Company", Echelon.COMPANY, null);
        assertThat(clearance.check(unvetted.id(), D)).isInstanceOf(Clearance.Refused.class);
        assertThat(((Clearance.Refused) clearance.check(unvetted.id(), D)).reason()).contains("never been vetted");

        NodeRef.Unit denied = decided("Denied Company", new Outcome.Denied());
        NodeRef.Unit restricted = decided("Restricted Company", new Outcome.Restricted("training only"));
        NodeRef.Unit approved = decided("Approved Company", new Outcome.Approved());
        assertThat(refusal(denied, D)).isEqualTo(ClearanceVerdict.Refusal.DENIED);
        assertThat(refusal(restricted, D)).isEqualTo(ClearanceVerdict.Refusal.RESTRICTED);
        assertThat(clearance.check(approved.id(), D.plusMonths(3))).isInstanceOf(Clearance.Cleared.class);
        assertThat(refusal(approved, D.plusYears(2))).isEqualTo(ClearanceVerdict.Refusal.EXPIRED);
        assertThat(((Clearance.Refused) clearance.check(approved.id(), D.plusYears(2))).reason())
                .contains("expired on " + D.plusYears(1));
    }

    private static NodeRef.Unit decided(String name, Outcome outcome) {
        NodeRef.Unit u = ledger.unit(code(), name, Echelon.COMPANY, null);
        VettingRequest r = service.request(u, TRANSFER, D, "req");
        service.check(r.id(), "system");
        service.decide(r.id(), outcome, "test decision", D.plusYears(1), "officer");
        return u;
    }

    private static ClearanceVerdict.Refusal refusal(NodeRef.Unit u, LocalDate date) {
        ClearanceVerdict v = service.clearance(u, date);
        assertThat(v).isInstanceOf(ClearanceVerdict.Refused.class);
        return ((ClearanceVerdict.Refused) v).refusal();
    }

    @Test
    void aChangeOfCommanderPutsTheUnitBackInTheQueue() {
        lists.set(SdnLists.load("ofac-sdn"));
        NodeRef.Unit unit = ledger.unit(code(), "3rd Commando Battalion", Echelon.BATTALION, null);
        NodeRef.Person first = ledger.person("Sabah Hameed Lafta");
        long post = ledger.post(first, unit, "commander", LocalDate.of(2021, 1, 1), null);
        VettingRequest r = service.request(unit, TRANSFER, D, "req");
        service.check(r.id(), "system");
        service.decide(r.id(), new Outcome.Approved(), "clean record", D.plusYears(1), "officer");
        assertThat(service.clearance(unit, D.plusDays(10)).cleared()).isTrue();
        assertThat(rescreenOf(unit, D.plusDays(10)).action()).isEqualTo("unchanged");

        NodeRef.Person second = ledger.person("Abu Mahdi al-Mohandes");
        ledger.closePost(post, D.plusDays(20));
        ledger.post(second, unit, "commander", D.plusDays(21), null);
        // before rescreening, clearance already sees the roster differs from the one approved
        assertThat(refusal(unit, D.plusDays(30))).isEqualTo(ClearanceVerdict.Refusal.COMMAND_CHANGED);

        VettingService.RescreenOutcome o = rescreenOf(unit, D.plusDays(30));
        assertThat(o.action()).isEqualTo("requeued");
        assertThat(o.reasons()).contains("command changed since the decision: -person:" + first.id() + " +person:" + second.id());
        assertThat(o.reasons()).anyMatch(x -> x.startsWith("new hit: 3rd Commando Battalion --commanded_by--> Abu Mahdi al-Mohandes matched ofac-sdn:11461"));
        assertThat(service.queue()).extracting(q -> q.request().id()).contains(o.requestId().orElseThrow());
        assertThat(refusal(unit, D.plusDays(30))).isEqualTo(ClearanceVerdict.Refusal.UNDER_REVIEW);
        List<AuditEntry> audit = db.read(c -> AuditLog.entries(c, unit.key()));
        assertThat(audit).extracting(AuditEntry::action).contains("vet.requeue");
        // already queued: a second rescreen does not queue it twice
        assertThat(rescreenOf(unit, D.plusDays(31)).action()).isEqualTo("already in the queue");
    }

    @Test
    void aNewHitAfterAListUpdatePutsTheUnitBackInTheQueue() {
        // Kata'ib Sayyid al-Shuhada (ent_num 46348) was designated after the 2021-07 list
        lists.set(SdnLists.load("ofac-sdn-2021-07"));
        NodeRef.Unit unit = ledger.unit(code(), "Brigade 14", Echelon.BRIGADE, null);
        service.addAffiliation(unit, Relation.PART_OF, null, "Kata'ib Sayyid al-Shuhada", List.of(),
                "PMF brigade numbering", "Brigade 14 of the PMF", "analyst");
        VettingRequest r = service.request(unit, TRANSFER, D, "req");
        VettingService.Report before = service.check(r.id(), "system");
        assertThat(before.findings()).noneMatch(f -> f.finding().hit().entityId().equals("ofac-sdn:46348"));
        service.decide(r.id(), new Outcome.Approved(), "no listed affiliation found", D.plusYears(1), "officer");
        assertThat(rescreenOf(unit, D).action()).isEqualTo("unchanged");

        lists.set(SdnLists.load("ofac-sdn"));
        VettingService.RescreenOutcome o = rescreenOf(unit, D);
        assertThat(o.action()).isEqualTo("requeued");
        assertThat(o.reasons()).anyMatch(x -> x.startsWith(
                "new hit: Brigade 14 --part_of--> Kata'ib Sayyid al-Shuhada matched ofac-sdn:46348"));
        VettingService.Report requeued = service.report(o.requestId().orElseThrow());
        assertThat(requeued.request().requeued()).isTrue();
        assertThat(requeued.findings()).anyMatch(f -> f.finding().hit().entityId().equals("ofac-sdn:46348"));
    }

    private static VettingService.RescreenOutcome rescreenOf(NodeRef subject, LocalDate date) {
        List<VettingService.RescreenOutcome> all = new ArrayList<>(service.rescreen(date, "scheduler"));
        return all.stream().filter(o -> o.subject().equals(subject)).findFirst().orElseThrow();
    }

    private static ReviewedFinding findingOn(VettingService.Report report, NodeRef node, String entityId) {
        return report.findings().stream()
                .filter(f -> f.finding().node().equals(node) && f.finding().hit().entityId().equals(entityId))
                .findFirst().orElseThrow(() -> new AssertionError("no hit of " + node.key() + " on " + entityId
                        + " among " + report.findings().stream().map(x -> x.finding().headline()).toList()));
    }

    private static ListEntity withAlias(ListEntity e, String alias) {
        List<Alias> aliases = new ArrayList<>(e.aliases());
        aliases.add(new Alias(alias, AliasStrength.STRONG, "a.k.a."));
        return new ListEntity(e.id(), e.listId(), e.sourceId(), e.schema(), e.primaryName(), aliases, e.programs(),
                e.birthDates(), e.nationalities(), e.addresses(), e.identifiers(), e.remarks());
    }
}
