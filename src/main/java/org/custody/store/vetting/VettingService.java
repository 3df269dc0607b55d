package org.custody.store.vetting;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.custody.audit.AuditLog;
import org.custody.screening.Screener;
import org.custody.store.Database;
import org.custody.vetting.CheckResult;
import org.custody.vetting.ClearanceRules;
import org.custody.vetting.ClearanceVerdict;
import org.custody.vetting.Decision;
import org.custody.vetting.Dismissal;
import org.custody.vetting.Edge;
import org.custody.vetting.Finding;
import org.custody.vetting.FindingStatus;
import org.custody.vetting.ListedEntries;
import org.custody.vetting.NodeRef;
import org.custody.vetting.Outcome;
import org.custody.vetting.Party;
import org.custody.vetting.Purpose;
import org.custody.vetting.Relation;
import org.custody.vetting.Requeue;
import org.custody.vetting.ReviewedFinding;
import org.custody.vetting.VettingCheck;
import org.custody.vetting.VettingGraph;
import org.custody.vetting.VettingRequest;

/**
 * Vetting's use cases over the database: request, check, dismiss, decide, rescreen, clearance. Each
 * write is one transaction with its audit-log entry. The screener is asked for only when a check runs.
 */
public final class VettingService {

    private final Database db;
    private final Supplier<Screener> screener;
    private final ListedEntries entries;
    private final Function<Connection, VettingGraph> graphs;

    public VettingService(Database db, Supplier<Screener> screener, ListedEntries entries) {
        this(db, screener, entries, JdbcVettingGraph::new);
    }

    /**
     * The service over the database's current list versions (dismissals are pinned to the current entry's
     * fingerprint): how both the command line and the server build it.
     */
    public static VettingService onCurrentLists(Database db, Supplier<Screener> screener) {
        return new VettingService(db, screener, ids -> {
            org.custody.store.lists.WatchlistStore lists = new org.custody.store.lists.WatchlistStore(db);
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            for (String id : ids) lists.currentEntity(id).ifPresent(e -> out.put(id, org.custody.vetting.EntityFingerprint.of(e)));
            return out;
        });
    }

    public VettingService(Database db, Supplier<Screener> screener, ListedEntries entries,
                          Function<Connection, VettingGraph> graphs) {
        this.db = db;
        this.screener = screener;
        this.entries = entries;
        this.graphs = graphs;
    }

    /** A request, its latest check with each finding's review status, and its decision if taken. */
    public record Report(VettingRequest request, Optional<StoredCheck> check, List<ReviewedFinding> findings,
                         Optional<Decision> decision) {
        public long openFindings() {
            return findings.stream().filter(f -> f.status().undismissed()).count();
        }
    }

    /** What rescreening did for one decided subject. */
    public record RescreenOutcome(NodeRef subject, String action, List<String> reasons, Optional<Long> requestId) {}

    // ---- requests

    public VettingRequest request(NodeRef subject, Purpose purpose, LocalDate asOf, String actor) {
        return db.inTransaction(c -> {
            requireSubject(c, subject);
            VettingRequest r = VettingStore.insertRequest(c, subject, purpose, asOf, actor, false, "");
            AuditLog.append(c, actor, "vet.request", subject.key(), VettingJson.write(Map.of(
                    "request", r.id(), "purpose", purpose.kind().name().toLowerCase(java.util.Locale.ROOT) + ": "
                            + purpose.description(), "asOf", asOf.toString())));
            return r;
        });
    }

    private Party requireSubject(Connection c, NodeRef subject) {
        if (subject instanceof NodeRef.Organisation) {
            throw new IllegalArgumentException("vetting subjects are ledger units or persons, not " + subject.key());
        }
        return graphs.apply(c).party(subject).orElseThrow(() -> new IllegalArgumentException(
                "no " + subject.kind() + " with id " + subject.id() + " in the ledger"));
    }

    // ---- checks

    /** Runs the automated checks for a pending request and records them. */
    public Report check(long requestId, String actor) {
        VettingRequest r = db.read(c -> VettingStore.request(c, requestId))
                .orElseThrow(() -> new IllegalArgumentException("no vetting request " + requestId));
        if (!r.pending()) throw new IllegalArgumentException("request " + requestId + " is already decided");
        CheckResult result = runChecks(r.subject(), r.asOf());
        Map<String, String> fps = fingerprints(result.findings());
        db.inTransaction(c -> {
            long checkId = VettingStore.insertCheck(c, requestId, result, fps, Instant.now());
            AuditLog.append(c, actor, "vet.check", r.subject().key(), VettingJson.write(Map.of(
                    "request", requestId, "check", checkId, "names", result.namesScreened(),
                    "findings", result.findings().stream().map(Finding::headline).toList())));
            return checkId;
        });
        return report(requestId);
    }

    /** The checks as of a date, without recording anything (used by check and rescreen, and the benchmark). */
    public CheckResult runChecks(NodeRef subject, LocalDate asOf) {
        Screener s = screener.get();
        return db.read(c -> new VettingCheck(s).run(graphs.apply(c), subject, asOf));
    }

    private Map<String, String> fingerprints(List<Finding> findings) {
        return entries.fingerprints(findings.stream().map(f -> f.hit().entityId()).distinct().toList());
    }

    // ---- reading

    public Report report(long requestId) {
        return db.read(c -> {
            VettingRequest r = VettingStore.request(c, requestId)
                    .orElseThrow(() -> new IllegalArgumentException("no vetting request " + requestId));
            Optional<StoredCheck> check = VettingStore.latestCheck(c, requestId);
            List<ReviewedFinding> reviewed = check.isEmpty() ? List.of() : review(c, r.subject(), check.get());
            return new Report(r, check, reviewed, VettingStore.decisionFor(c, requestId));
        });
    }

    /** Every request about a subject, oldest first, each with its latest check and decision. */
    public List<Report> history(NodeRef subject) {
        List<VettingRequest> rs = db.read(c -> VettingStore.requestsFor(c, subject));
        return rs.stream().map(r -> report(r.id())).toList();
    }

    public List<Report> queue() {
        return db.read(VettingStore::pending).stream().map(r -> report(r.id())).toList();
    }

    public Optional<Decision> latestDecision(NodeRef subject) {
        return db.read(c -> VettingStore.latestDecision(c, subject));
    }

    private List<ReviewedFinding> review(Connection c, NodeRef subject, StoredCheck check) throws SQLException {
        Map<String, String> current = fingerprints(check.findings().stream().map(StoredFinding::finding).toList());
        List<ReviewedFinding> out = new ArrayList<>();
        for (StoredFinding sf : check.findings()) {
            Finding f = sf.finding();
            String fp = current.getOrDefault(f.hit().entityId(), "absent");
            Optional<Dismissal> d = VettingStore.latestDismissal(c, subject, f.node(), f.hit().entityId());
            out.add(new ReviewedFinding(f, fp, FindingStatus.of(fp, d)));
        }
        return out;
    }

    // ---- dismissals

    /**
     * Dismisses a finding of the subject's latest check as a false positive, pinned to the listed entity's
     * current fingerprint.
     */
    public Dismissal dismiss(NodeRef subject, NodeRef node, String entityId, String reason, String actor) {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a dismissal needs a reason");
        return db.inTransaction(c -> {
            StoredCheck check = VettingStore.latestCheckFor(c, subject).orElseThrow(() -> new IllegalArgumentException(
                    subject.key() + " has not been checked yet"));
            StoredFinding sf = check.findings().stream()
                    .filter(f -> f.finding().node().equals(node) && f.finding().hit().entityId().equals(entityId))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("the latest check of " + subject.key()
                            + " (check " + check.id() + ") has no hit of " + node.key() + " on " + entityId));
            String fp = entries.fingerprints(List.of(entityId)).get(entityId);
            if (fp == null) throw new IllegalArgumentException(entityId + " is no longer on any list");
            Dismissal d = VettingStore.insertDismissal(c, subject, node, entityId, fp, reason.trim(), actor);
            AuditLog.append(c, actor, "vet.dismiss", subject.key(), VettingJson.write(Map.of(
                    "dismissal", d.id(), "node", node.key(), "entity", entityId, "fingerprint", fp,
                    "reason", d.reason(), "hit", sf.finding().headline())));
            return d;
        });
    }

    // ---- decisions

    public Decision decide(long requestId, Outcome outcome, String reason, LocalDate expires, String actor) {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a decision needs a reason");
        if (expires == null) throw new IllegalArgumentException("a decision needs an expiry date");
        return db.inTransaction(c -> {
            VettingRequest r = VettingStore.request(c, requestId)
                    .orElseThrow(() -> new IllegalArgumentException("no vetting request " + requestId));
            if (!r.pending()) throw new IllegalArgumentException("request " + requestId + " is already decided");
            StoredCheck check = VettingStore.latestCheck(c, requestId).orElseThrow(() -> new IllegalArgumentException(
                    "request " + requestId + " has not been checked; run vet check first"));
            if (!expires.isAfter(check.asOf())) {
                throw new IllegalArgumentException("expiry " + expires + " is not after the vetting date " + check.asOf());
            }
            List<ReviewedFinding> reviewed = review(c, r.subject(), check);
            VettingStore.markDecided(c, requestId);
            Decision d = VettingStore.insertDecision(c, r, check.id(), outcome, reason.trim(), expires, actor,
                    check.roster());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("decision", d.id());
            detail.put("request", requestId);
            detail.put("check", check.id());
            detail.put("outcome", outcome.label());
            if (outcome instanceof Outcome.Restricted x) detail.put("conditions", x.conditions());
            detail.put("reason", d.reason());
            detail.put("expires", expires.toString());
            detail.put("roster", check.roster().stream().sorted().map(id -> "person:" + id).toList());
            detail.put("openHits", reviewed.stream().filter(f -> f.status().undismissed())
                    .map(f -> f.finding().headline()).toList());
            AuditLog.append(c, actor, "vet.decide", r.subject().key(), VettingJson.write(detail));
            return d;
        });
    }

    // ---- rescreening

    /**
     * Re-runs the checks of every decided subject as of {@code asOf}; a subject whose command roster
     * changed or that has an undismissed hit its decision did not see goes back to the queue (a new,
     * requeued request carrying the reasons and the new check).
     */
    public List<RescreenOutcome> rescreen(LocalDate asOf, String actor) {
        List<NodeRef> subjects = db.read(VettingStore::decidedSubjects);
        List<RescreenOutcome> out = new ArrayList<>();
        for (NodeRef subject : subjects) {
            List<VettingRequest> pending = db.read(c -> VettingStore.pendingFor(c, subject));
            if (!pending.isEmpty()) {
                out.add(new RescreenOutcome(subject, "already in the queue", List.of(),
                        Optional.of(pending.get(0).id())));
                continue;
            }
            CheckResult now = runChecks(subject, asOf);
            Map<String, String> fps = fingerprints(now.findings());
            out.add(db.inTransaction(c -> {
                Decision d = VettingStore.latestDecision(c, subject).orElseThrow();
                StoredCheck seen = VettingStore.check(c, VettingStore.decisionCheck(c, d.id())).orElseThrow();
                List<ReviewedFinding> reviewed = new ArrayList<>();
                for (Finding f : now.findings()) {
                    String fp = fps.getOrDefault(f.hit().entityId(), "absent");
                    reviewed.add(new ReviewedFinding(f, fp,
                            FindingStatus.of(fp, VettingStore.latestDismissal(c, subject, f.node(), f.hit().entityId()))));
                }
                List<String> reasons = Requeue.reasons(d, seen.fingerprintsByKey(), now.roster(), reviewed);
                if (reasons.isEmpty()) return new RescreenOutcome(subject, "unchanged", List.of(), Optional.empty());
                VettingRequest previous = VettingStore.request(c, d.requestId()).orElseThrow();
                VettingRequest r = VettingStore.insertRequest(c, subject, previous.purpose(), asOf, actor, true,
                        String.join("; ", reasons));
                long checkId = VettingStore.insertCheck(c, r.id(), now, fps, Instant.now());
                AuditLog.append(c, actor, "vet.requeue", subject.key(), VettingJson.write(Map.of(
                        "request", r.id(), "check", checkId, "previousDecision", d.id(), "reasons", reasons)));
                return new RescreenOutcome(subject, "requeued", reasons, Optional.of(r.id()));
            }));
        }
        return out;
    }

    // ---- clearance

    public ClearanceVerdict clearance(NodeRef.Unit unit, LocalDate date) {
        return db.read(c -> VettingDeliveryClearance.verdict(c, unit, date));
    }

    // ---- affiliations

    public record AffiliationView(long id, Edge edge, String from, String to, String recordedBy) {
        public String render() {
            return "%d  %s (%s) --%s--> %s (%s)  source: %s%s".formatted(id, from, edge.from().key(),
                    edge.relation().label(), to, edge.to().key(), edge.source(),
                    edge.note().isBlank() ? "" : "  note: " + edge.note());
        }
    }

    /**
     * Records an affiliation. {@code to} may name an outside organisation instead of a node
     * ({@code toOrganisation}), which is created on first use.
     */
    public AffiliationView addAffiliation(NodeRef from, Relation relation, NodeRef to, String toOrganisation,
                                          List<String> orgAliases, String source, String note, String actor) {
        return db.inTransaction(c -> {
            NodeRef target = to != null ? to : AffiliationStore.organisation(c, toOrganisation, orgAliases, actor);
            VettingGraph g = graphs.apply(c);
            Party f = g.party(from).orElseThrow(() -> new IllegalArgumentException("no " + from.kind() + " with id " + from.id()));
            Party t = g.party(target).orElseThrow(() -> new IllegalArgumentException("no " + target.kind() + " with id " + target.id()));
            Edge edge = new Edge(from, relation, target, source == null ? "" : source, note);
            long id = AffiliationStore.add(c, edge, actor);
            AuditLog.append(c, actor, "vet.affiliation", from.key(), VettingJson.write(Map.of(
                    "affiliation", id, "from", from.key(), "relation", relation.label(), "to", target.key(),
                    "source", edge.source(), "note", edge.note())));
            return new AffiliationView(id, edge, f.name(), t.name(), actor);
        });
    }

    public NodeRef.Organisation organisation(String name, List<String> aliases, String actor) {
        return db.inTransaction(c -> {
            NodeRef.Organisation o = AffiliationStore.organisation(c, name, aliases, actor);
            AuditLog.append(c, actor, "vet.organisation", o.key(), VettingJson.write(Map.of(
                    "name", name, "aliases", aliases)));
            return o;
        });
    }

    public List<AffiliationView> affiliations(NodeRef node) {
        return db.read(c -> {
            VettingGraph g = graphs.apply(c);
            List<AffiliationView> out = new ArrayList<>();
            for (AffiliationStore.Affiliation a : AffiliationStore.touching(c, node)) {
                out.add(new AffiliationView(a.id(), a.edge(), name(g, a.edge().from()), name(g, a.edge().to()),
                        a.recordedBy()));
            }
            return out;
        });
    }

    private static String name(VettingGraph g, NodeRef ref) {
        return g.party(ref).map(Party::name).orElse("?");
    }
}
