package org.custody.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custody.lists.ListVersion;
import org.custody.screening.Explanation;
import org.custody.store.vetting.StoredCheck;
import org.custody.store.vetting.VettingService;
import org.custody.vetting.ClearanceVerdict;
import org.custody.vetting.Decision;
import org.custody.vetting.Dismissal;
import org.custody.vetting.Edge;
import org.custody.vetting.FindingStatus;
import org.custody.vetting.NodeNames;
import org.custody.vetting.Outcome;
import org.custody.vetting.ReviewedFinding;
import org.custody.vetting.VettingRequest;

/** How {@code custody vet} renders its records: JSON objects for {@code --json}, text for people. */
final class VetViews {

    private VetViews() {}

    static Map<String, Object> request(VettingRequest r, NodeNames n) {
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

    static Map<String, Object> decision(Decision d, NodeNames n) {
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

    static Map<String, Object> finding(ReviewedFinding rf, NodeNames n) {
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

    static Map<String, Object> dismissal(Dismissal d, NodeNames n) {
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

    static Map<String, Object> report(VettingService.Report r, NodeNames n) {
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
            cm.put("listVersions", ScreenCommand.versions(c.listVersions(), true)); // the shape screen --json gives
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

    /** A node key as stored ({@code unit:3}) named the way commands print it; left as it is if unreadable. */
    static String nodeName(String storedKey, NodeNames n) {
        try {
            return n.name(org.custody.vetting.NodeRef.parse(storedKey));
        } catch (IllegalArgumentException e) {
            return storedKey;
        }
    }

    static Map<String, Object> clearance(String unitCode, long unitId, java.time.LocalDate date, ClearanceVerdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", unitCode);
        m.put("unitId", unitId);
        m.put("date", date);
        m.put("cleared", v.cleared());
        if (v instanceof ClearanceVerdict.Refused r) m.put("refusal", r.refusal().name().toLowerCase(Locale.ROOT));
        m.put("explanation", v.explanation());
        return m;
    }

    static void printRequest(PrintStream out, VettingRequest r, NodeNames n) {
        out.printf("request %d  %s  %s: %s  as of %s  %s%s%n", r.id(), n.name(r.subject()),
                r.purpose().kind().name().toLowerCase(Locale.ROOT), r.purpose().description(), r.asOf(),
                r.status().name().toLowerCase(Locale.ROOT), r.requeued() ? "  REQUEUED: " + r.note() : "");
    }

    static void printReport(PrintStream out, VettingService.Report r, NodeNames n) {
        printRequest(out, r.request(), n);
        if (r.check().isEmpty()) {
            out.println("  not checked yet (custody vet check " + r.request().id() + ")");
        } else {
            StoredCheck c = r.check().get();
            out.printf("  check %d at %s: %d nodes, %d names screened against %s%s%n", c.id(), c.checkedAt(),
                    c.nodesScreened(), c.namesScreened(), versions(c.listVersions()),
                    c.truncated() ? " (walk TRUNCATED at the node limit)" : "");
            out.println("  commanders at " + c.asOf() + ": " + (c.roster().isEmpty() ? "none recorded"
                    : String.join(", ", c.roster().stream().sorted().map(n::person).toList())));
            if (r.findings().isEmpty()) out.println("  no hits");
            for (ReviewedFinding f : r.findings()) printFinding(out, n.name(r.request().subject()), f, n);
        }
        r.decision().ifPresent(d -> out.printf("  decision %d: %s%s by %s on %s, expires %s: %s%n", d.id(),
                d.outcome().label(), d.outcome() instanceof Outcome.Restricted x ? " (" + x.conditions() + ")" : "",
                d.officer(), d.decidedAt(), d.expires(), d.reason()));
    }

    static void printFinding(PrintStream out, String subject, ReviewedFinding rf, NodeNames n) {
        var f = rf.finding();
        out.printf("  [%s] %s%n", rf.status().label(), f.headline());
        Explanation ex = f.hit().explanation();
        if (ex != null) {
            out.printf("      why: %s%n", ex.summary());
            if (ex.matchedAlias() != null && !ex.matchedAlias().isBlank()) {
                out.printf("      matched listed name: %s (%s)%n", ex.matchedAlias(), ex.aliasStrength());
            }
            for (Explanation.FeatureScore fs : ex.features()) {
                out.printf(Locale.ROOT, "      %-22s %.2f x %.2f  %s%n", fs.name(), fs.value(), fs.weight(), fs.explanation());
            }
        }
        for (Edge e : f.path().edges()) {
            out.printf("      %s --%s--> %s%s%s%n", n.name(e.from()), e.relation().label(), n.name(e.to()),
                    e.source().isBlank() ? "" : "  source: " + e.source(), e.note().isBlank() ? "" : "  (" + e.note() + ")");
        }
        switch (rf.status()) {
            case FindingStatus.Dismissed d -> out.printf("      dismissed by %s on %s: %s%n", d.dismissal().reviewer(),
                    d.dismissal().dismissedAt(), d.dismissal().reason());
            case FindingStatus.Revived v -> out.printf("      REVIVED: dismissed by %s (%s) but the list entry has changed since%n",
                    v.dismissal().reviewer(), v.dismissal().reason());
            case FindingStatus.Open o -> out.printf("      to dismiss: custody vet dismiss %s --node %s --entity %s --reason ...%n",
                    subject, n.name(f.node()), f.hit().entityId());
        }
    }

    private static String versions(List<ListVersion> vs) {
        if (vs.isEmpty()) return "no lists";
        return String.join(", ", vs.stream().map(v -> v.listId() + " v" + v.version()
                + (v.publishedAt() == null ? "" : " (" + v.publishedAt() + ")")).toList());
    }
}
