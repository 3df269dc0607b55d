package org.custody.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custody.lists.ListVersion;
import org.custody.screening.Explanation;
import org.custody.store.vetting.StoredCheck;
import org.custody.store.vetting.VettingService;
import org.custody.store.vetting.VettingViews;
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
        return VettingViews.request(r, n);
    }

    static Map<String, Object> decision(Decision d, NodeNames n) {
        return VettingViews.decision(d, n);
    }

    static Map<String, Object> finding(ReviewedFinding rf, NodeNames n) {
        return VettingViews.finding(rf, n);
    }

    static Map<String, Object> dismissal(Dismissal d, NodeNames n) {
        return VettingViews.dismissal(d, n);
    }

    static Map<String, Object> report(VettingService.Report r, NodeNames n) {
        return VettingViews.report(r, n);
    }

    /** A node key as stored ({@code unit:3}) named the way commands print it; left as it is if unreadable. */
    static Map<String, Object> clearance(String unitCode, long unitId, java.time.LocalDate date, ClearanceVerdict v) {
        return VettingViews.clearance(unitCode, unitId, date, v);
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
