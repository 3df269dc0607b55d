package org.custody.store.vetting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custody.vetting.ClearanceVerdict;
import org.custody.vetting.Decision;
import org.custody.vetting.Dismissal;
import org.custody.vetting.Edge;
import org.custody.vetting.FindingStatus;
import org.custody.vetting.Outcome;
import org.custody.vetting.ReviewedFinding;
import org.custody.vetting.VettingRequest;

/**
 * Vetting's records as JSON objects, the same for {@code custody vet --json} and the server's API (both
 * doors render what {@link VettingService} returns through here).
 */
public final class VettingViews {

    private VettingViews() {}

    public static Map<String, Object> request(VettingRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("subject", r.subject().key());
        m.put("purpose", r.purpose().kind().name().toLowerCase(Locale.ROOT));
        m.put("purposeDescription", r.purpose().description());
        m.put("asOf", r.asOf());
        m.put("requestedBy", r.requestedBy());
        m.put("requestedAt", r.requestedAt());
        m.put("status", r.status().name().toLowerCase(Locale.ROOT));
        m.put("requeued", r.requeued());
        m.put("note", r.note());
        return m;
    }

    public static Map<String, Object> decision(Decision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("request", d.requestId());
        m.put("subject", d.subject().key());
        m.put("outcome", d.outcome().label());
        if (d.outcome() instanceof Outcome.Restricted r) m.put("conditions", r.conditions());
        m.put("reason", d.reason());
        m.put("expires", d.expires());
        m.put("officer", d.officer());
        m.put("decidedAt", d.decidedAt());
        m.put("roster", d.roster().stream().sorted().map(p -> "person:" + p).toList());
        return m;
    }

    public static Map<String, Object> finding(ReviewedFinding rf) {
        Map<String, Object> m = new LinkedHashMap<>();
        var f = rf.finding();
        m.put("status", rf.status().label());
        m.put("node", f.node().key());
        m.put("screenedName", f.screenedName());
        m.put("path", f.path().render());
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Edge e : f.path().edges()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("from", e.from().key());
            em.put("relation", e.relation().label());
            em.put("to", e.to().key());
            em.put("source", e.source());
            em.put("note", e.note());
            edges.add(em);
        }
        m.put("edges", edges);
        m.put("entityId", f.hit().entityId());
        m.put("entityName", f.hit().name());
        m.put("lists", f.hit().lists());
        m.put("score", f.hit().score());
        m.put("headline", f.headline());
        m.put("explanation", f.hit().explanation());
        m.put("fingerprint", rf.fingerprint());
        switch (rf.status()) {
            case FindingStatus.Dismissed d -> m.put("dismissal", dismissal(d.dismissal()));
            case FindingStatus.Revived r -> m.put("dismissal", dismissal(r.dismissal()));
            case FindingStatus.Open o -> { }
        }
        return m;
    }

    public static Map<String, Object> dismissal(Dismissal d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("subject", d.subject().key());
        m.put("node", d.node().key());
        m.put("entityId", d.entityId());
        m.put("fingerprint", d.fingerprint());
        m.put("reason", d.reason());
        m.put("reviewer", d.reviewer());
        m.put("dismissedAt", d.dismissedAt());
        return m;
    }

    public static Map<String, Object> report(VettingService.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("request", request(r.request()));
        r.check().ifPresent(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", c.id());
            cm.put("checkedAt", c.checkedAt());
            cm.put("asOf", c.asOf());
            cm.put("nodesScreened", c.nodesScreened());
            cm.put("namesScreened", c.namesScreened());
            cm.put("truncated", c.truncated());
            cm.put("roster", c.roster().stream().sorted().map(p -> "person:" + p).toList());
            cm.put("listVersions", c.listVersions());
            cm.put("screened", c.screened());
            m.put("check", cm);
        });
        m.put("openFindings", r.openFindings());
        m.put("findings", r.findings().stream().map(VettingViews::finding).toList());
        m.put("decision", r.decision().map(VettingViews::decision).orElse(null));
        return m;
    }

    public static Map<String, Object> clearance(String unitCode, long unitId, java.time.LocalDate date, ClearanceVerdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", unitCode);
        m.put("unitId", unitId);
        m.put("date", date);
        m.put("cleared", v.cleared());
        if (v instanceof ClearanceVerdict.Refused r) m.put("refusal", r.refusal().name().toLowerCase(Locale.ROOT));
        m.put("explanation", v.explanation());
        return m;
    }

}
