package org.custody.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custody.server.ApiException;
import org.custody.server.ServerApp;
import org.custody.store.vetting.VettingService;
import org.custody.vetting.Decision;
import org.custody.vetting.FindingStatus;
import org.custody.vetting.NodeRef;
import org.custody.vetting.Outcome;
import org.custody.vetting.ReviewedFinding;

/**
 * Vetting: the queue, and one request with its latest check, the findings an officer may dismiss as false
 * positives, and the decision form. The forms call the same {@link VettingService} the command line's
 * {@code vet check|dismiss|decide} call.
 */
final class VettingPage {

    private final WebAreas areas;

    VettingPage(WebAreas areas) {
        this.areas = areas;
    }

    void queue(Context ctx) {
        List<VettingService.Report> queue = areas.vetting().queue();
        List<Views.QueueRow> rows = areas.db().read(c -> queueRows(c, queue));
        WebSupport.render(ctx, "vetting-queue.jte", Chrome.of(ctx, "Vetting queue", "vetting"), Map.of("queue", rows));
    }

    /** The queue's requests with their subjects named. */
    static List<Views.QueueRow> queueRows(java.sql.Connection c, List<VettingService.Report> queue) throws java.sql.SQLException {
        List<Views.QueueRow> out = new ArrayList<>();
        for (VettingService.Report r : queue) {
            out.add(new Views.QueueRow(r.request().id(), Subjects.of(c, r.request().subject()),
                    r.request().purpose().description(), r.request().asOf(), r.check().isPresent(), r.openFindings(),
                    r.request().requeued()));
        }
        return out;
    }

    void show(Context ctx) {
        long id = WebSupport.id(ctx, "id", "vetting request");
        VettingService.Report r = report(id);
        Map<String, Object> m = new HashMap<>();
        m.put("r", r);
        m.put("subject", areas.db().read(c -> Subjects.of(c, r.request().subject())));
        m.put("findings", areas.db().read(c -> {
            List<Views.FindingRow> out = new ArrayList<>();
            for (ReviewedFinding rf : r.findings()) {
                var f = rf.finding();
                String note = switch (rf.status()) {
                    case FindingStatus.Open o -> null;
                    case FindingStatus.Dismissed d -> "dismissed by " + d.dismissal().reviewer() + ": " + d.dismissal().reason();
                    case FindingStatus.Revived v -> "revived: the list entry changed since " + v.dismissal().reviewer()
                            + " dismissed it (" + v.dismissal().reason() + ")";
                };
                out.add(new Views.FindingRow(f.key(), Subjects.of(c, f.node()), f.node().key(), f.screenedName(), f.path().render(),
                        f.hit().entityId(), f.hit().name(), f.hit().lists(), f.hit().score(), rf.status().label(), note,
                        f.hit().explanation().summary(), f.hit().explanation().matchedAlias(),
                        rf.status().undismissed() && r.request().pending()));
            }
            return out;
        }));
        m.put("decision", r.decision().map(VettingPage::describe).orElse(null));
        m.put("defaultExpiry", WebSupport.today().plusYears(1).toString());
        WebSupport.render(ctx, "vetting.jte", Chrome.of(ctx, "Vetting request " + id, "vetting"), m);
    }

    void check(Context ctx) {
        long id = WebSupport.id(ctx, "id", "vetting request");
        report(id);
        form(ctx, id, () -> {
            VettingService.Report r = areas.vetting().check(id, ServerApp.principal(ctx).username());
            return "Checked: " + r.findings().size() + " finding(s), " + r.openFindings() + " open.";
        });
    }

    void dismiss(Context ctx) {
        long id = WebSupport.id(ctx, "id", "vetting request");
        VettingService.Report r = report(id);
        form(ctx, id, () -> {
            NodeRef node = parseNode(WebSupport.required(ctx, "node", "the node that matched"));
            String entity = WebSupport.required(ctx, "entity", "the listed entity");
            String reason = WebSupport.required(ctx, "reason", "the reason for dismissing");
            var d = areas.vetting().dismiss(r.request().subject(), node, entity, reason, ServerApp.principal(ctx).username());
            return "Dismissed the hit of " + d.node().key() + " on " + d.entityId() + ".";
        });
    }

    void decide(Context ctx) {
        long id = WebSupport.id(ctx, "id", "vetting request");
        report(id);
        form(ctx, id, () -> {
            String outcome = WebSupport.required(ctx, "outcome", "the outcome");
            String conditions = ctx.formParam("conditions");
            String reason = WebSupport.required(ctx, "reason", "the reason");
            var expires = WebSupport.date(WebSupport.required(ctx, "expires", "the expiry date"), "expires", null);
            Decision d = areas.vetting().decide(id, Outcome.parse(outcome, conditions == null || conditions.isBlank() ? null : conditions.trim()),
                    reason, expires, ServerApp.principal(ctx).username());
            return "Decided: " + describe(d) + ".";
        });
    }

    private VettingService.Report report(long id) {
        try {
            return areas.vetting().report(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    private interface Work {
        String run();
    }

    private static void form(Context ctx, long id, Work work) {
        String path = "/vetting/" + id;
        try {
            WebSupport.back(ctx, path, "done", work.run());
        } catch (IllegalArgumentException | IllegalStateException e) {
            WebSupport.back(ctx, path, "error", e.getMessage());
        }
    }

    static NodeRef parseNode(String key) {
        int colon = key.indexOf(':');
        if (colon < 0 || !key.substring(colon + 1).matches("\\d{1,18}")) {
            throw new IllegalArgumentException("a node is kind:id (unit:3, person:7), not '" + key + "'");
        }
        return NodeRef.of(key.substring(0, colon), Long.parseLong(key.substring(colon + 1)));
    }

    static String describe(Decision d) {
        return d.outcome().label() + (d.outcome() instanceof Outcome.Restricted x ? " (" + x.conditions() + ")" : "")
                + " until " + d.expires() + " by " + d.officer() + ": " + d.reason();
    }
}
