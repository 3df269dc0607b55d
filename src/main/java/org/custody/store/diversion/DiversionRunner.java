package org.custody.store.diversion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custody.audit.AuditLog;
import org.custody.diversion.Actor;
import org.custody.diversion.CaseAction;
import org.custody.diversion.CaseContextView;
import org.custody.diversion.Identity;
import org.custody.diversion.IdentityView;
import org.custody.diversion.CaseLink;
import org.custody.diversion.CaseReconciler;
import org.custody.diversion.CaseSnapshot;
import org.custody.diversion.CaseStatus;
import org.custody.diversion.DesignationView;
import org.custody.diversion.DiversionCase;
import org.custody.diversion.DiversionDetector;
import org.custody.diversion.EvidenceClaim;
import org.custody.diversion.Finding;
import org.custody.diversion.LedgerView;
import org.custody.diversion.ScoringConfig;
import org.custody.diversion.SuspicionModel;
import org.custody.notify.WebhookConfig;
import org.custody.notify.WebhookNotifier;
import org.custody.store.Database;

/**
 * One detection run against the database: detect over the full claim set, reconcile with the stored cases
 * in one transaction (cases opened, rescored, annotated; notifications queued), then send the queued
 * notifications. Case work (status, assignee, notes, links) goes through here too, so a confirmation and
 * its feedback to vetting commit together.
 */
public final class DiversionRunner {

    /** What a run found and did. */
    public record Report(List<Finding> findings, CaseStore.Applied applied, Dispatch dispatch) {}

    /** What the notification dispatcher did (all zero when no webhook is configured). */
    public record Dispatch(int sent, int failed, int pending) {}

    private final Database db;
    private final ScoringConfig config;
    private final WebhookNotifier notifier;
    private final ConfirmedDiversionFeedback feedback;

    public DiversionRunner(Database db, ScoringConfig config, WebhookConfig webhookOrNull,
                           ConfirmedDiversionFeedback feedback) {
        this(db, config, webhookOrNull == null ? null : new WebhookNotifier(webhookOrNull, new JdbcDeliveryLog(db)),
                feedback);
    }

    public DiversionRunner(Database db, ScoringConfig config, WebhookNotifier notifierOrNull,
                           ConfirmedDiversionFeedback feedback) {
        this.db = db;
        this.config = config;
        this.notifier = notifierOrNull;
        this.feedback = feedback;
    }

    public Report detect(LedgerView ledger, DesignationView designations, Collection<EvidenceClaim> claims,
                         LocalDate asOf, String actor) {
        return detect(ledger, designations, IdentityView.asWritten(), CaseContextView.none(), claims, asOf, actor);
    }

    /**
     * A run with holder identities and case context: stored cases are first re-keyed by their holder's
     * identity and cases of one identity merged (oldest survives, history kept, audited), then the findings
     * are reconciled with them.
     */
    public Report detect(LedgerView ledger, DesignationView designations, IdentityView identities,
                         CaseContextView context, Collection<EvidenceClaim> claims, LocalDate asOf, String actor) {
        DiversionDetector detector = new DiversionDetector(ledger, designations, new SuspicionModel(config),
                identities, context);
        List<Finding> findings = detector.detect(claims, asOf);
        CaseStore.Applied applied = db.inTransaction(c -> {
            int merged = mergeByIdentity(c, detector, actor);
            Map<String, CaseSnapshot> existing = CaseStore.snapshots(c);
            List<CaseAction> plan = new CaseReconciler(config).plan(existing, findings);
            CaseStore.Applied a = CaseStore.apply(c, plan, actor);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("claims", claims.size());
            summary.put("findings", findings.size());
            summary.put("opened", a.opened());
            summary.put("rescored", a.rescored());
            summary.put("escalated", a.escalated());
            summary.put("annotated", a.annotated());
            summary.put("merged", merged);
            summary.put("asOf", asOf.toString());
            AuditLog.append(c, actor, "diversion.detect", "diversion", CaseStore.json(summary));
            return a;
        });
        return new Report(findings, applied, dispatch());
    }

    /** Re-keys stored cases by holder identity and merges cases that share one; returns how many were merged. */
    static int mergeByIdentity(java.sql.Connection c, DiversionDetector detector, String actor) throws java.sql.SQLException {
        Map<String, List<CaseStore.KeyedCase>> byIdentity = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        for (CaseStore.KeyedCase k : CaseStore.keyedCases(c)) {
            int bar = k.key().indexOf('|');
            if (bar < 0) continue;
            Identity id = detector.identity(new Actor(k.holderId(), k.holderName()));
            String canonical = id.key() + k.key().substring(bar);
            byIdentity.computeIfAbsent(canonical, x -> new ArrayList<>()).add(k);
            why.put(canonical, id.explanation());
        }
        int merged = 0;
        for (Map.Entry<String, List<CaseStore.KeyedCase>> e : byIdentity.entrySet()) {
            List<CaseStore.KeyedCase> group = e.getValue();
            CaseStore.KeyedCase survivor = group.getFirst();
            for (CaseStore.KeyedCase other : group.subList(1, group.size())) {
                CaseStore.merge(c, survivor.id(), other.id(), "same holder identity " + e.getKey() + ": " + why.get(e.getKey()), actor);
                merged++;
            }
            if (!survivor.key().equals(e.getKey())) {
                CaseStore.rekey(c, survivor.id(), survivor.key(), e.getKey(), why.get(e.getKey()), actor);
            }
        }
        return merged;
    }

    /** Sends every queued notification once (with the notifier's retries); undelivered ones stay queued. */
    public Dispatch dispatch() {
        List<CaseStore.Notification> pending = db.read(CaseStore::pendingNotifications);
        if (notifier == null) return new Dispatch(0, 0, pending.size());
        int sent = 0, failed = 0;
        for (CaseStore.Notification n : pending) {
            WebhookNotifier.Result r = notifier.send("custody-notification-" + n.id(), n.eventType(), n.body());
            if (r.delivered()) {
                db.inTransaction(c -> {
                    CaseStore.markDelivered(c, n.id());
                    return null;
                });
                sent++;
            } else {
                failed++;
            }
        }
        return new Dispatch(sent, failed, failed);
    }

    /** One analyst's change to a case: any of a status move (with its reason), an assignee, a note, links. */
    public record CaseUpdate(CaseStatus status, String reason, String assignee, String note, List<CaseLink> links) {
        public CaseUpdate {
            links = links == null ? List.of() : List.copyOf(links);
        }

        public boolean isEmpty() {
            return status == null && assignee == null && note == null && links.isEmpty();
        }
    }

    public DiversionCase updateStatus(long caseId, CaseStatus next, String reason, String actor) {
        return update(caseId, new CaseUpdate(next, reason, null, null, List.of()), actor);
    }

    /**
     * Applies an analyst's update in one transaction. Moving to confirmed feeds the diversion back: the
     * approved end-user units of the case's transfers go to re-vetting and their deliveries are held (through
     * {@link ConfirmedDiversionFeedback}), in the same transaction; confirmed and referred are notified as
     * escalations.
     */
    public DiversionCase update(long caseId, CaseUpdate u, String actor) {
        if (u.isEmpty()) throw new IllegalArgumentException("nothing to update: give a status, assignee, note or link");
        if (u.status() == null && u.reason() != null) {
            throw new IllegalArgumentException("--reason goes with --status");
        }
        DiversionCase result = db.inTransaction(c -> {
            if (CaseStore.get(c, caseId).isEmpty()) throw new IllegalArgumentException("no diversion case " + caseId);
            if (u.assignee() != null) CaseStore.assign(c, caseId, u.assignee().isBlank() ? null : u.assignee(), actor);
            if (u.note() != null) CaseStore.addNote(c, caseId, u.note(), actor);
            for (CaseLink l : u.links()) CaseStore.link(c, caseId, l.kind(), l.ref(), l.detail(), actor);
            if (u.status() != null) {
                CaseStatus next = u.status();
                DiversionCase dc = CaseStore.setStatus(c, caseId, next, actor, u.reason());
                if (next == CaseStatus.CONFIRMED) {
                    Set<String> units = new LinkedHashSet<>();
                    for (CaseLink l : dc.links(CaseLink.Kind.TRANSFER)) {
                        if (!l.current()) continue;
                        Object eu = l.detail().get("approvedEndUsers");
                        if (eu instanceof List<?> list) {
                            for (Object o : list) {
                                if (o instanceof Map<?, ?> m && m.get("id") != null) units.add(m.get("id").toString());
                            }
                        }
                    }
                    List<String> done = new ArrayList<>(feedback.onConfirmed(c, caseId, List.copyOf(units), u.reason(), actor));
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("recipientUnits", List.copyOf(units));
                    detail.put("consequences", done);
                    CaseStore.recordFlowBack(c, caseId, detail, actor);
                }
                if (next == CaseStatus.REFERRED || next == CaseStatus.CONFIRMED) {
                    // a verdict that raises the stakes is notified like an escalation
                    CaseStore.queueEscalation(c, caseId);
                }
            }
            return CaseStore.get(c, caseId).orElseThrow();
        });
        if (u.status() == CaseStatus.REFERRED || u.status() == CaseStatus.CONFIRMED) dispatch();
        return result;
    }
}
