package org.custody.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custody.accounts.Capability;
import org.custody.audit.AuditLog;
import org.custody.ledger.OrgUnit;
import org.custody.screening.Screener;
import org.custody.screening.ScreeningEngine;
import org.custody.server.ApiException;
import org.custody.server.Bodies;
import org.custody.server.Pagination;
import org.custody.server.Routes;
import org.custody.server.Services;
import org.custody.store.ledger.PersonStore;
import org.custody.store.vetting.VettingService;
import org.custody.store.vetting.NodeCodes;
import org.custody.store.vetting.VettingViews;
import org.custody.vetting.NodeNames;
import org.custody.vetting.NodeRef;
import org.custody.vetting.Outcome;
import org.custody.vetting.Purpose;
import org.custody.vetting.Relation;

/** Vetting: requests, checks, dismissals, decisions, rescreening and delivery clearance (as {@code custody vet}). */
public final class VettingApi {

    private final Services services;

    public VettingApi(Services services) {
        this.services = services;
    }

    public void declare(Routes r) {
        r.tag("vetting")
                .get("/api/vetting/queue", Capability.READ, "Requests awaiting a decision").paged().to(this::queue)
                .get("/api/vetting/requests", Capability.READ, "Every request about a unit or a person")
                .query("unit", "string", "unit code or id").query("person", "string", "person code or id").paged().to(this::history)
                .post("/api/vetting/requests", Capability.WORK_VETTING, "Open a vetting request")
                .body("{unit | person, purpose: transfer|training|other, for, asOf?}").to(this::request)
                .get("/api/vetting/requests/{id}", Capability.READ, "A request: its latest check, findings with explanation and path, decision")
                .to(this::show)
                .post("/api/vetting/requests/{id}/check", Capability.WORK_VETTING, "Run the automated checks of a pending request").to(this::check)
                .post("/api/vetting/requests/{id}/decision", Capability.DECIDE_VETTING, "Decide a checked request")
                .body("{outcome: approved|denied|restricted, conditions?, reason, expires: YYYY-MM-DD}").to(this::decide)
                .post("/api/vetting/dismissals", Capability.WORK_VETTING, "Dismiss a finding of a subject's latest check as a false positive")
                .body("{subject: unit:CODE|person:CODE, node?, entity, reason}").to(this::dismiss)
                .post("/api/vetting/rescreen", Capability.WORK_VETTING, "Re-run the checks of every decided subject; requeue what changed")
                .body("{asOf?}").to(this::rescreen)
                .get("/api/vetting/affiliations", Capability.READ, "Recorded affiliations (member of, part of, backed by, successor of)")
                .query("node", "string", "only those touching this node: unit:CODE, person:CODE or org:ID").paged().to(this::affiliations)
                .post("/api/vetting/affiliations", Capability.WORK_VETTING, "Record that a node is member of / part of / backed by / successor of another")
                .body("{from: unit:CODE|person:CODE|org:ID, relation: member_of|part_of|backed_by|successor_of, "
                        + "to?: node, toOrg?: organisation name (created on first use), aliases?: [..] (of toOrg), source, note?}")
                .to(this::addAffiliation)
                .get("/api/vetting/clearance", Capability.READ, "Whether a delivery to a unit on a date would be cleared, and why")
                .query("unit", "string", "unit code or id").query("date", "string", "YYYY-MM-DD (default today)").to(this::clearance);
    }

    private VettingService service() {
        return VettingService.onCurrentLists(services.database(), this::screener);
    }

    private Screener screener() {
        ScreeningEngine e = services.screener();
        if (e.entityCount() == 0) throw ApiException.conflict("no watchlist imported yet: vetting screens against the lists");
        return e;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** unit:CODE|ID, person:CODE|ID or org:ID. */
    private NodeRef node(String text, String field) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw ApiException.badRequest(field + " must be KIND:CODE such as unit:IQ-35BDE, person:P-0001 or org:3", field);
        }
        String kind = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String rest = text.substring(colon + 1).strip();
        return switch (kind) {
            case "unit" -> new NodeRef.Unit(ApiSupport.unit(services, rest).id());
            case "person" -> new NodeRef.Person(person(rest));
            default -> {
                try {
                    yield NodeRef.parse(text);
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest(e.getMessage(), field);
                }
            }
        };
    }

    private long person(String text) {
        return services.database().read(c -> {
            var p = PersonStore.byCode(c, text);
            if (p.isEmpty() && text.matches("\\d{1,18}")) p = PersonStore.byId(c, Long.parseLong(text));
            return p;
        }).orElseThrow(() -> ApiException.notFound("person '" + text + "' is not recorded")).id();
    }

    private VettingService.Report report(long id) {
        try {
            return service().report(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    private void queue(Context ctx) {
        NodeNames names = names();
        ctx.json(Pagination.of(ctx).page(service().queue().stream().map(r -> VettingViews.report(r, names)).toList()));
    }

    private void history(Context ctx) {
        String unit = ctx.queryParam("unit");
        String person = ctx.queryParam("person");
        if ((unit == null) == (person == null)) throw ApiException.badRequest("give exactly one of unit or person", "unit");
        NodeRef subject = unit != null ? new NodeRef.Unit(ApiSupport.unit(services, unit).id()) : new NodeRef.Person(person(person));
        NodeNames names = names();
        ctx.json(Pagination.of(ctx).page(service().history(subject).stream().map(r -> VettingViews.report(r, names)).toList()));
    }

    private void request(Context ctx) {
        JsonNode b = Bodies.object(ctx);
        String unit = Bodies.text(b, "unit", false);
        String person = Bodies.text(b, "person", false);
        if ((unit == null) == (person == null)) throw ApiException.badRequest("give exactly one of unit or person", "unit");
        String purposeText = Bodies.text(b, "purpose", true);
        String what = Bodies.text(b, "for", true);
        String asOf = Bodies.text(b, "asOf", false);
        Purpose.Kind kind;
        try {
            kind = Purpose.parseKind(purposeText);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "purpose");
        }
        LocalDate date = asOf == null ? today() : ApiSupport.date(asOf, "asOf");
        NodeRef subject = unit != null ? new NodeRef.Unit(ApiSupport.unit(services, unit).id()) : new NodeRef.Person(person(person));
        var r = service().request(subject, new Purpose(kind, what), date, AuditLog.currentActor());
        ctx.status(201).json(VettingViews.request(r, names()));
    }

    private void show(Context ctx) {
        ctx.json(VettingViews.report(report(ApiSupport.id(ctx, "id")), names()));
    }

    private void check(Context ctx) {
        long id = ApiSupport.id(ctx, "id");
        report(id);
        try {
            ctx.json(VettingViews.report(service().check(id, AuditLog.currentActor()), names()));
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private void decide(Context ctx) {
        long id = ApiSupport.id(ctx, "id");
        JsonNode b = Bodies.object(ctx);
        String outcome = Bodies.text(b, "outcome", true);
        String conditions = Bodies.text(b, "conditions", false);
        String reason = Bodies.text(b, "reason", true);
        LocalDate expires = ApiSupport.date(Bodies.text(b, "expires", true), "expires");
        Outcome o;
        try {
            o = Outcome.parse(outcome, conditions);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "outcome");
        }
        report(id);
        try {
            ctx.status(201).json(VettingViews.decision(service().decide(id, o, reason, expires, AuditLog.currentActor()), names()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private void dismiss(Context ctx) {
        JsonNode b = Bodies.object(ctx);
        NodeRef subject = node(Bodies.text(b, "subject", true), "subject");
        String nodeText = Bodies.text(b, "node", false);
        NodeRef node = nodeText == null ? subject : node(nodeText, "node");
        String entity = Bodies.text(b, "entity", true);
        String reason = Bodies.text(b, "reason", true);
        try {
            ctx.status(201).json(VettingViews.dismissal(service().dismiss(subject, node, entity, reason, AuditLog.currentActor()), names()));
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private void rescreen(Context ctx) {
        String asOf = Bodies.text(Bodies.object(ctx), "asOf", false);
        LocalDate date = asOf == null ? today() : ApiSupport.date(asOf, "asOf");
        var outcomes = service().rescreen(date, AuditLog.currentActor());
        ctx.json(Map.of("rescreened", outcomes.size(), "outcomes", outcomes.stream().map(o -> Map.of("subject", o.subject().key(),
                "action", o.action(), "reasons", o.reasons(), "request", o.requestId().map(Object::toString).orElse(""))).toList()));
    }

    private void clearance(Context ctx) {
        String unit = ctx.queryParam("unit");
        if (unit == null || unit.isBlank()) throw ApiException.badRequest("unit is required", "unit");
        OrgUnit u = ApiSupport.unit(services, unit);
        LocalDate d = ApiSupport.dateParam(ctx, "date", today());
        ctx.json(VettingViews.clearance(u.code(), u.id(), d, service().clearance(new NodeRef.Unit(u.id()), d)));
    }


    private void affiliations(Context ctx) {
        String node = ctx.queryParam("node");
        NodeRef ref = node == null || node.isBlank() ? null : node(node, "node");
        NodeNames names = names();
        ctx.json(Pagination.of(ctx).page(service().affiliations(ref).stream().map(v -> VettingViews.affiliation(v, names)).toList()));
    }

    private void addAffiliation(Context ctx) {
        JsonNode b = Bodies.object(ctx);
        String fromText = Bodies.text(b, "from", true);
        String relationText = Bodies.text(b, "relation", true);
        String toText = Bodies.text(b, "to", false);
        String toOrg = Bodies.text(b, "toOrg", false);
        if ((toText == null) == (toOrg == null)) throw ApiException.badRequest("give exactly one of to (a node) or toOrg (an organisation name)", "to");
        List<String> aliases = Bodies.texts(b, "aliases");
        String source = Bodies.text(b, "source", true);
        String note = Bodies.text(b, "note", false);
        Relation relation;
        try {
            relation = Relation.parseAffiliation(relationText);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "relation");
        }
        NodeRef from = node(fromText, "from");
        NodeRef to = toText == null ? null : node(toText, "to");
        VettingService.AffiliationView v;
        try {
            v = service().addAffiliation(from, relation, to, toOrg, aliases, source, note == null ? "" : note, AuditLog.currentActor());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), null);
        }
        ctx.status(201).json(VettingViews.affiliation(v, names()));
    }

    /** Units and persons named by their ledger codes, as the CLI names them. */
    private NodeNames names() {
        return NodeCodes.of(services.database());
    }
}
