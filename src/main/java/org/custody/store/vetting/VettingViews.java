package org.custody.store.vetting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custody.lists.ListVersion;
import org.custody.vetting.ClearanceVerdict;
import org.custody.vetting.NodeNames;
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

    public static Map<String, Object> request(VettingRequest r, NodeNames n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("subject", n.name(r.subject()));
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

    public static Map<String, Object> decision(Decision d, NodeNames n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("request", d.requestId());
        m.put("subject", n.name(d.subject()));
        m.put("outcome", d.outcome().label());
        if (d.outcome() instanceof Outcome.Restricted r) m.put("conditions", r.conditions());
        m.put("reason", d.reason());
        m.put("expires", d.expires());
        m.put("officer", d.officer());
        m.put("decidedAt", d.decidedAt());
        m.put("roster", d.roster().stream().sorted().map(n::person).toList());
        return m;
    }

    public static Map<String, Object> finding(ReviewedFinding rf, NodeNames n) {
        Map<String, Object> m = new LinkedHashMap<>();
        var f = rf.finding();
        m.put("status", rf.status().label());
        m.put("node", n.name(f.node()));
        m.put("screenedName", f.screenedName());
        m.put("path", f.path().render());
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Edge e : f.path().edges()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("from", n.name(e.from()));
            em.put("relation", e.relation().label());
            em.put("to", n.name(e.to()));
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
            case FindingStatus.Dismissed d -> m.put("dismissal", dismissal(d.dismissal(), n));
            case FindingStatus.Revived r -> m.put("dismissal", dismissal(r.dismissal(), n));
            case FindingStatus.Open o -> { }
        }
        return m;
    }

    public static Map<String, Object> dismissal(Dismissal d, NodeNames n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("subject", n.name(d.subject()));
        m.put("node", n.name(d.node()));
        m.put("entityId", d.entityId());
        m.put("fingerprint", d.fingerprint());
        m.put("reason", d.reason());
        m.put("reviewer", d.reviewer());
        m.put("dismissedAt", d.dismissedAt());
        return m;
    }

    public static Map<String, Object> report(VettingService.Report r, NodeNames n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("request", request(r.request(), n));
        r.check().ifPresent(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", c.id());
            cm.put("checkedAt", c.checkedAt());
            cm.put("asOf", c.asOf());
            cm.put("nodesScreened", c.nodesScreened());
            cm.put("namesScreened", c.namesScreened());
            cm.put("truncated", c.truncated());
            cm.put("roster", c.roster().stream().sorted().map(n::person).toList());
            cm.put("listVersions", ListVersion.asMaps(c.listVersions(), true)); // the shape screen --json gives
            List<Map<String, Object>> screened = new ArrayList<>();
            for (StoredCheck.Screened sc : c.screened()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("node", nodeName(sc.node(), n));
                sm.put("path", sc.path());
                screened.add(sm);
            }
            cm.put("screened", screened);
            m.put("check", cm);
        });
        m.put("openFindings", r.openFindings());
        m.put("findings", r.findings().stream().map(f -> finding(f, n)).toList());
        m.put("decision", r.decision().map(d -> decision(d, n)).orElse(null));
        return m;
    }

    /** A stored node key named by code where it has one; an unreadable key is shown as stored. */
    public static String nodeName(String storedKey, NodeNames n) {
        try {
            return n.name(org.custody.vetting.NodeRef.parse(storedKey));
        } catch (IllegalArgumentException e) {
            return storedKey;
        }
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


    /** A recorded affiliation, its nodes named by {@code n} (codes) and by their names. */
    public static Map<String, Object> affiliation(VettingService.AffiliationView v, NodeNames n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("from", n.name(v.edge().from()));
        m.put("fromName", v.from());
        m.put("relation", v.edge().relation().label());
        m.put("to", n.name(v.edge().to()));
        m.put("toName", v.to());
        m.put("source", v.edge().source());
        m.put("note", v.edge().note());
        m.put("recordedBy", v.recordedBy());
        return m;
    }
}
