package org.custody.store.diversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.custody.audit.AuditLog;
import org.custody.diversion.Actor;
import org.custody.diversion.ArticleRef;
import org.custody.diversion.CandidateTransfer;
import org.custody.diversion.CaseEvent;
import org.custody.diversion.CaseLink;
import org.custody.diversion.CaseStatus;
import org.custody.diversion.ClaimKind;
import org.custody.diversion.Designation;
import org.custody.diversion.DesignationView;
import org.custody.diversion.DiversionCase;
import org.custody.diversion.EvidenceClaim;
import org.custody.diversion.GeoPoint;
import org.custody.diversion.InMemoryLedger;
import org.custody.diversion.ScoringConfig;
import org.custody.diversion.Stance;
import org.custody.diversion.UnitRef;
import org.custody.notify.WebhookConfig;
import org.custody.notify.WebhookNotifier;
import org.custody.notify.WebhookSignature;
import org.custody.store.Database;
import org.custody.store.StoreException;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("db")
class DiversionStoreTest {

    static final byte[] SECRET = "store-test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final UnitRef DIV9 = new UnitRef("iq-9div", "9th Armoured Division", null, new GeoPoint(33.52, 44.26), 60);
    static final ArticleRef M1A1 = new ArticleRef("M1A1 Abrams", "M1 Abrams", "main battle tank");
    static final Actor KH = new Actor("ofac-11462", "Kata'ib Hizballah");
    static final LocalDate AS_OF = LocalDate.of(2016, 1, 1);

    Database db;
    HttpServer server;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    final List<List<String>> feedbackCalls = new CopyOnWriteArrayList<>();

    InMemoryLedger ledger;
    DesignationView designations = h -> h.id() != null && h.id().equals(KH.id())
            ? Optional.of(new Designation(Designation.Path.SELF, KH.name(), "ofac-11462", "KATA'IB HIZBALLAH",
                    List.of("us-ofac-sdn"), 0.97, "exact alias"))
            : Optional.empty();

    @BeforeEach
    void setUp() throws IOException {
        db = TestDatabases.fresh();
        ledger = new InMemoryLedger().addUnit(DIV9);
        ledger.addTransfer(new CandidateTransfer("T-1", "IQ-B-UAL", "FMS", "Iraq", LocalDate.of(2010, 8, 1), M1A1,
                List.of(DIV9), true, 140), List.of("AB-0001", "AB-0002"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = WebhookSignature.verify(SECRET, ex.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    ex.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body,
                    java.time.Instant.now().getEpochSecond(), 300);
            int status = !ok ? 401 : failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            if (status == 200) bodies.add(body);
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
        db.close();
    }

    DiversionRunner runner() {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        WebhookConfig cfg = new WebhookConfig(url, SECRET, 3, Duration.ofMillis(1), 2, Duration.ofMillis(5), Duration.ofSeconds(5));
        WebhookNotifier n = new WebhookNotifier(cfg, new JdbcDeliveryLog(db), Clock.systemUTC(), d -> { });
        return new DiversionRunner(db, ScoringConfig.defaults(), n, (c, caseId, units, reason, actor) -> {
            feedbackCalls.add(units);
            if (reason.contains("BOOM")) throw new IllegalStateException("vetting refused the requeue");
            List<String> out = new ArrayList<>();
            for (String u : units) out.add("unit " + u + " requeued for vetting; deliveries held");
            return out;
        });
    }

    List<CaseEvent> events(long id) {
        return db.read(c -> CaseStore.events(c, id));
    }

    List<org.custody.audit.AuditEntry> audit(long id) {
        return db.read(c -> AuditLog.entries(c, CaseStore.subject(id)));
    }

    List<DiversionCase> cases() {
        return db.read(c -> CaseStore.list(c, null));
    }

    Optional<org.custody.audit.AuditEntry> brokenLink() {
        return db.read(AuditLog::firstBrokenLink);
    }

    static EvidenceClaim claim(String id, Stance stance, String origin, String serial) {
        return new EvidenceClaim(id, ClaimKind.POSSESSION, M1A1, KH, serial, "Al-Qa'im", new GeoPoint(34.37, 41.09),
                "Iraq", LocalDate.of(2015, 6, 1), stance, Set.of(origin), "story-" + origin, "doc-" + id,
                "An M1A1 Abrams flying the Kata'ib Hizballah flag", origin);
    }

    @Test
    void detectionOpensACaseWithLinksEventsAuditAndANotification() {
        DiversionRunner r = runner();
        DiversionRunner.Report rep = r.detect(ledger, designations, List.of(claim("c1", Stance.ASSERTED, "ap", null),
                claim("c2", Stance.HEDGED, "rt", null)), AS_OF, "analyst1");
        assertThat(rep.applied().opened()).isEqualTo(1);
        assertThat(rep.dispatch().sent()).isEqualTo(1);
        assertThat(bodies).singleElement().asString().contains("\"event\":\"case.opened\"", "KATA'IB HIZBALLAH");

        List<DiversionCase> cases = cases();
        assertThat(cases).hasSize(1);
        DiversionCase dc = cases.getFirst();
        assertThat(dc.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(dc.links(CaseLink.Kind.EVIDENCE)).extracting(CaseLink::ref).containsExactlyInAnyOrder("c1", "c2");
        assertThat(dc.links(CaseLink.Kind.TRANSFER)).extracting(CaseLink::ref).containsExactly("T-1");
        assertThat(dc.links(CaseLink.Kind.SCREENING)).extracting(CaseLink::ref).containsExactly("ofac-11462");
        assertThat(dc.factors()).hasSize(org.custody.diversion.SuspicionModel.FEATURES.size());
        List<CaseEvent> events = events(dc.id());
        assertThat(events).extracting(CaseEvent::action).containsExactly("opened");
        assertThat(events.getFirst().actor()).isEqualTo("analyst1");
        assertThat(audit(dc.id())).hasSize(1);

        // the same claims again change nothing and notify nothing
        DiversionRunner.Report again = r.detect(ledger, designations, List.of(claim("c1", Stance.ASSERTED, "ap", null),
                claim("c2", Stance.HEDGED, "rt", null)), AS_OF, "analyst1");
        assertThat(again.applied()).isEqualTo(new CaseStore.Applied(0, 0, 0, 0));
        assertThat(bodies).hasSize(1);
    }

    @Test
    void newEvidenceEscalatesAndFailedNotificationsStayQueuedWithAttemptsRecorded() throws Exception {
        DiversionRunner r = runner();
        r.detect(ledger, designations, List.of(claim("c1", Stance.HEDGED, "ap", null)), AS_OF, "a");
        failuresLeft.set(10);
        DiversionRunner.Report rep = r.detect(ledger, designations, List.of(claim("c1", Stance.HEDGED, "ap", null),
                claim("c2", Stance.ASSERTED, "rt", "AB-0002"), claim("c3", Stance.ASSERTED, "car", null)), AS_OF, "a");
        assertThat(rep.applied().rescored()).isEqualTo(1);
        assertThat(rep.applied().escalated()).isEqualTo(1);
        assertThat(rep.dispatch().failed()).isEqualTo(1);
        assertThat(db.read(CaseStore::pendingNotifications)).extracting(CaseStore.Notification::eventType)
                .containsExactly("case.escalated");
        int attempts = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM notify_delivery WHERE NOT delivered");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(attempts).isEqualTo(3);
        failuresLeft.set(0);
        assertThat(r.dispatch().sent()).isEqualTo(1);
        assertThat(db.read(CaseStore::pendingNotifications)).isEmpty();
        DiversionCase dc = cases().getFirst();
        assertThat(dc.links(CaseLink.Kind.TRANSFER).getFirst().detail().get("serialsMatched")).isEqualTo(List.of("AB-0002"));
        assertThat(events(dc.id())).extracting(CaseEvent::action).containsExactly("opened", "rescored");
    }

    @Test
    void withdrawnEvidenceAnnotatesButNeverDeletes() {
        DiversionRunner r = runner();
        r.detect(ledger, designations, List.of(claim("c1", Stance.ASSERTED, "ap", null)), AS_OF, "a");
        DiversionRunner.Report rep = r.detect(ledger, designations, List.of(), AS_OF, "a");
        assertThat(rep.applied().annotated()).isEqualTo(1);
        DiversionCase dc = cases().getFirst();
        assertThat(dc.belowThreshold()).isTrue();
        assertThatThrownBy(() -> db.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM diversion_case")))
                .isInstanceOf(StoreException.class).hasMessageContaining("never deleted");
        assertThat(cases()).hasSize(1);
    }

    @Test
    void caseWorkEnforcesTransitionsAndRecordsWhoAndWhen() {
        DiversionRunner r = runner();
        r.detect(ledger, designations, List.of(claim("c1", Stance.ASSERTED, "ap", null)), AS_OF, "a");
        long id = cases().getFirst().id();
        assertThatThrownBy(() -> r.updateStatus(id, CaseStatus.CONFIRMED, "sure", "lead"))
                .hasMessageContaining("cannot go from open to confirmed");
        db.inTransaction(c -> {
            CaseStore.assign(c, id, "maria", "lead");
            CaseStore.addNote(c, id, "photo geolocated to Al-Qa'im", "maria");
            CaseStore.link(c, id, CaseLink.Kind.VETTING, "vetting-12", Map.of("outcome", "approved", "date", "2014-02-01"), "maria");
            return null;
        });
        r.updateStatus(id, CaseStatus.UNDER_REVIEW, "taking it", "maria");
        assertThatThrownBy(() -> r.updateStatus(id, CaseStatus.DISMISSED, " ", "maria")).hasMessageContaining("reason");
        // the feedback failing rolls the confirmation back
        assertThatThrownBy(() -> r.updateStatus(id, CaseStatus.CONFIRMED, "BOOM", "maria")).hasMessageContaining("requeue");
        assertThat(db.read(c -> CaseStore.get(c, id)).orElseThrow().status()).isEqualTo(CaseStatus.UNDER_REVIEW);
        DiversionCase confirmed = r.updateStatus(id, CaseStatus.CONFIRMED, "serial match and three origins", "maria");
        assertThat(confirmed.status()).isEqualTo(CaseStatus.CONFIRMED);
        assertThat(confirmed.assignee()).isEqualTo("maria");
        assertThat(feedbackCalls.getLast()).containsExactly("iq-9div");
        List<CaseEvent> events = events(id);
        assertThat(events).extracting(CaseEvent::action)
                .containsExactly("opened", "assigned", "note", "linked", "status", "status", "flowback");
        assertThat(events.get(5).actor()).isEqualTo("maria");
        assertThat(events.get(6).detail()).contains("requeued for vetting");
        assertThat(audit(id)).extracting(e -> e.action())
                .contains("diversion.case.status", "diversion.case.flowback", "diversion.case.assigned");
        assertThat(brokenLink()).isEmpty();
        assertThatThrownBy(() -> r.updateStatus(id, CaseStatus.DISMISSED, "changed mind", "x")).hasMessageContaining("final");
        assertThatThrownBy(() -> r.updateStatus(999, CaseStatus.UNDER_REVIEW, "x", "x")).hasMessageContaining("no diversion case 999");
    }

    @Test
    void listUpdateAndLedgerChangeReEvaluateCases() {
        DiversionRunner r = runner();
        Actor militia = new Actor("grp-9", "Saraya al-Example");
        EvidenceClaim sighting = new EvidenceClaim("m1", ClaimKind.POSSESSION, M1A1, militia, null, "Al-Qa'im",
                new GeoPoint(34.37, 41.09), "Iraq", LocalDate.of(2015, 6, 1), Stance.ASSERTED, Set.of("ap"), null, "d-m1",
                "s", "ap");
        EvidenceClaim second = new EvidenceClaim("m2", ClaimKind.POSSESSION, M1A1, militia, null, "Al-Qa'im",
                new GeoPoint(34.37, 41.09), "Iraq", LocalDate.of(2015, 6, 2), Stance.ASSERTED, Set.of("rt"), null, "d-m2",
                "s", "rt");
        DesignationView none = h -> Optional.empty();
        r.detect(ledger, none, List.of(sighting, second), AS_OF, "a");
        DiversionCase before = cases().getFirst();
        assertThat(before.designation()).isNull();

        // a list update designates the group: the same claims now score higher, and the case says why
        DesignationView listed = h -> h.id().equals("grp-9") ? Optional.of(new Designation(Designation.Path.SELF, h.name(),
                "ofac-99999", "SARAYA AL-EXAMPLE", List.of("us-ofac-sdn"), 0.99, "exact")) : Optional.empty();
        DiversionRunner.Report rep = r.detect(ledger, listed, List.of(sighting, second), AS_OF, "a");
        assertThat(rep.applied().rescored()).isEqualTo(1);
        DiversionCase after = cases().getFirst();
        assertThat(after.score()).isGreaterThan(before.score());
        assertThat(after.designation()).contains("SARAYA AL-EXAMPLE");
        assertThat(after.links(CaseLink.Kind.SCREENING)).extracting(CaseLink::ref).containsExactly("ofac-99999");

        // a ledger change makes the holder an approved end-user: the case stays, annotated
        InMemoryLedger changed = new InMemoryLedger().addUnit(DIV9).linkActor("grp-9", DIV9.id());
        changed.addTransfer(new CandidateTransfer("T-1", "IQ-B-UAL", "FMS", "Iraq", LocalDate.of(2010, 8, 1), M1A1,
                List.of(DIV9), true, 140), List.of("AB-0001"));
        DiversionRunner.Report rep2 = r.detect(changed, none, List.of(sighting, second), AS_OF, "a");
        assertThat(rep2.applied().annotated()).isEqualTo(1);
        DiversionCase kept = cases().getFirst();
        assertThat(kept.belowThreshold()).isTrue();
        assertThat(kept.holderStatus()).isEqualTo("approved_unit");
        assertThat(events(kept.id())).extracting(CaseEvent::action).containsExactly("opened", "rescored", "rescored", "annotated");
        assertThat(events(kept.id()).getLast().detail()).contains("approved holding");
    }
}
