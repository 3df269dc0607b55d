package org.custody.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custody.accounts.Capability;
import org.custody.audit.AuditLog;
import org.custody.config.CustodyProperties;
import org.custody.diversion.CaseEvent;
import org.custody.diversion.CaseJson;
import org.custody.diversion.CaseLink;
import org.custody.diversion.CaseStatus;
import org.custody.diversion.DiversionCase;
import org.custody.diversion.Factor;
import org.custody.diversion.InventoryView;
import org.custody.diversion.UnitRisk;
import org.custody.ledger.OrgUnit;
import org.custody.server.ApiException;
import org.custody.server.Bodies;
import org.custody.server.Pagination;
import org.custody.server.Routes;
import org.custody.server.Services;
import org.custody.store.diversion.CaseStore;
import org.custody.store.diversion.CaseViews;
import org.custody.store.diversion.DiversionCases;
import org.custody.store.diversion.DiversionRunner;
import org.custody.store.diversion.EumInventory;
import org.custody.store.diversion.UnitRiskQuery;
import org.custody.store.photo.PhotoReads;

/** Diversion cases (list, show, update, notes, FtM export), detection and unit risk. */
public final class CasesApi {

    private final Services services;

    public CasesApi(Services services) {
        this.services = services;
    }

    public void declare(Routes r) {
        r.tag("diversion cases")
                .get("/api/cases", Capability.READ, "Diversion cases, highest score first")
                .query("status", "string", "open, under_review, confirmed, dismissed or referred").paged().to(this::list)
                .get("/api/cases/{id}", Capability.READ, "A case with its score breakdown, transfers, evidence, pictures, links, history and next states")
                .to(this::show)
                .patch("/api/cases/{id}", Capability.WORK_CASES, "Move a case through its workflow and/or (un)assign it")
                .body("{status?, reason (with status), assignee?}").to(this::update)
                .post("/api/cases/{id}/notes", Capability.WORK_CASES, "Add a note to a case").body("{note}").to(this::note)
                .post("/api/cases/{id}/links", Capability.WORK_CASES, "Link vetting records (request or decision ids) and screening hits (watchlist entity ids) to a case")
                .body("{vetting?: [id, ...], screening?: [entity id, ...]}").to(this::link)
                .get("/api/cases/{id}/ftm", Capability.READ, "The case as FollowTheMoney entities (an Event and its holder)").to(this::ftm)
                .post("/api/detect", Capability.RUN_DETECTION, "Run diversion detection over the stored evidence against the ledger")
                .body("{asOf?: YYYY-MM-DD, dryRun?: boolean}").to(this::detect)
                .get("/api/risk", Capability.READ, "Risk of every unit concerned by a case, highest first").paged().to(this::risks)
                .get("/api/units/{unit}/risk", Capability.READ, "A unit's risk figure with its factors").to(this::risk);
    }

    DiversionCases cases() {
        return DiversionCases.fromProperties(services.database(), CustodyProperties.load(services.home()),
                CustodyProperties.file(services.home()).toString());
    }

    private void list(Context ctx) {
        String s = ctx.queryParam("status");
        CaseStatus filter;
        try {
            filter = s == null || s.isBlank() ? null : CaseStatus.parse(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "status");
        }
        List<DiversionCase> all = services.database().read(c -> CaseStore.list(c, filter));
        ctx.json(Pagination.of(ctx).page(all.stream().map(CaseJson::of).toList()));
    }

    private DiversionCase existing(long id) {
        return services.database().read(c -> CaseStore.get(c, id))
                .orElseThrow(() -> ApiException.notFound("no diversion case " + id + " (GET /api/cases lists them)"));
    }

    private Map<String, Object> detail(long id) {
        DiversionCase dc = existing(id);
        List<CaseEvent> events = services.database().read(c -> CaseStore.events(c, id));
        Map<String, Object> m = services.database().read(c -> CaseViews.detail(dc, events, CaseStore.unitCodes(c)));
        m.put("next", dc.status().allowedNext().stream().map(CaseStatus::wire).sorted().toList());
        // the same picture facts `custody case show --json` gives; the thumbnail's address for clients that show it
        List<Map<String, Object>> photos = services.database().read(c -> PhotoReads.forCase(c, dc));
        for (Map<String, Object> p : photos) p.put("thumbnail", "/web/images/" + p.get("sha256") + "/thumbnail");
        m.put("photos", photos);
        return m;
    }

    private void show(Context ctx) {
        ctx.json(detail(ApiSupport.id(ctx, "id")));
    }

    private void update(Context ctx) {
        long id = ApiSupport.id(ctx, "id");
        JsonNode b = Bodies.object(ctx);
        String status = Bodies.text(b, "status", false);
        String reason = Bodies.text(b, "reason", false);
        String assignee = b.has("assignee") && b.get("assignee").isNull() ? "" : Bodies.text(b, "assignee", false);
        CaseStatus next;
        try {
            next = status == null ? null : CaseStatus.parse(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "status");
        }
        if (next != null && (reason == null || reason.isBlank())) throw ApiException.badRequest("a status change needs a reason", "reason");
        if (next == null && assignee == null) throw ApiException.badRequest("nothing to change: give status (with reason) or assignee", null);
        existing(id);
        try {
            cases().runner().update(id, new DiversionRunner.CaseUpdate(next, reason, assignee, null, List.of()), AuditLog.currentActor());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        ctx.json(detail(id));
    }

    /** As {@code custody case update --link-vetting/--link-screening}: links recorded by the signed-in user. */
    private void link(Context ctx) {
        long id = ApiSupport.id(ctx, "id");
        JsonNode b = Bodies.object(ctx);
        List<CaseLink> links = new ArrayList<>();
        for (String v : Bodies.texts(b, "vetting")) {
            if (v.isBlank()) throw ApiException.badRequest("a vetting link needs a request or decision id", "vetting");
            links.add(new CaseLink(CaseLink.Kind.VETTING, v.strip(), Map.of("linkedBy", "analyst"), true));
        }
        for (String e : Bodies.texts(b, "screening")) {
            if (e.isBlank()) throw ApiException.badRequest("a screening link needs a watchlist entity id", "screening");
            links.add(new CaseLink(CaseLink.Kind.SCREENING, e.strip(), Map.of("linkedBy", "analyst"), true));
        }
        if (links.isEmpty()) throw ApiException.badRequest("nothing to link: give vetting and/or screening ids", "vetting");
        existing(id);
        try {
            cases().runner().update(id, new DiversionRunner.CaseUpdate(null, null, null, null, links), AuditLog.currentActor());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        ctx.status(201).json(detail(id));
    }

    private void note(Context ctx) {
        long id = ApiSupport.id(ctx, "id");
        String note = Bodies.text(Bodies.object(ctx), "note", true);
        if (note.length() > 10_000) throw ApiException.badRequest("a note may have at most 10,000 characters", "note");
        existing(id);
        cases().runner().update(id, new DiversionRunner.CaseUpdate(null, null, null, note, List.of()), AuditLog.currentActor());
        ctx.status(201).json(detail(id));
    }

    private void ftm(Context ctx) {
        DiversionCase dc = existing(ApiSupport.id(ctx, "id"));
        List<Map<String, Object>> out = new ArrayList<>();
        String holderId = "custody-holder-" + (dc.holder().id() == null ? dc.key() : dc.holder().id());
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("id", holderId);
        holder.put("schema", "Organization");
        holder.put("properties", Map.of("name", List.of(dc.holder().name())));
        out.add(holder);
        Map<String, List<String>> props = new LinkedHashMap<>();
        props.put("name", List.of("Suspected diversion: " + dc.article().designation() + " held by " + dc.holder().name()));
        props.put("summary", List.of(dc.reason()));
        props.put("involved", List.of(holderId));
        props.put("startDate", List.of(dc.openedAt().toString().substring(0, 10)));
        List<String> notes = new ArrayList<>();
        notes.add("status " + dc.status().wire() + ", score " + String.format(Locale.ROOT, "%.3f", dc.score()));
        for (Factor f : dc.factors()) notes.add(f.name() + ": " + f.explanation());
        props.put("notes", notes);
        List<String> sources = new ArrayList<>();
        for (CaseLink l : dc.links(CaseLink.Kind.EVIDENCE)) sources.add(l.ref());
        if (!sources.isEmpty()) props.put("keywords", sources);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "custody-case-" + dc.id());
        event.put("schema", "Event");
        event.put("properties", props);
        out.add(event);
        ctx.json(out);
    }

    private void detect(Context ctx) {
        JsonNode b = Bodies.object(ctx);
        String asOf = Bodies.text(b, "asOf", false);
        LocalDate when = asOf == null ? LocalDate.now() : ApiSupport.date(asOf, "asOf");
        Boolean dry = Bodies.bool(b, "dryRun");
        var engine = services.screener();
        DiversionCases.Detection d = cases().detect(List.of(), true, engine.entityCount() == 0 ? null : engine, when,
                Boolean.TRUE.equals(dry), AuditLog.currentActor());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("claims", d.claims());
        out.put("transfers", d.transfers());
        out.put("serials", d.serials());
        out.put("screened", d.screened());
        out.put("summary", d.summary());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (var f : d.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", f.key());
            m.put("holder", f.sighting().holder().name());
            m.put("article", f.sighting().article().label());
            m.put("score", f.score());
            m.put("opensCase", f.opensCase());
            m.put("reason", f.reason());
            findings.add(m);
        }
        out.put("findings", findings);
        ctx.json(out);
    }

    private Map<String, Object> render(UnitRisk r) {
        Long id = r.unitId().matches("\\d{1,18}") ? Long.valueOf(r.unitId()) : null;
        return UnitRiskQuery.view(r, id == null ? r.unitId() : services.database().read(c ->
                org.custody.store.ledger.OrgUnitStore.byId(c, id)).map(OrgUnit::code).orElse(r.unitId()));
    }

    private void risks(Context ctx) {
        var cfg = cases().scoring();
        LocalDate today = LocalDate.now();
        List<UnitRisk> all = services.database().read(c -> {
            InventoryView inventory = new EumInventory(c, today);
            List<UnitRisk> out = new ArrayList<>();
            for (String id : UnitRiskQuery.unitsWithCases(c)) out.add(UnitRiskQuery.risk(c, id, inventory, cfg, today));
            return out;
        });
        all.sort((a, b) -> Double.compare(b.score(), a.score()));
        ctx.json(Pagination.of(ctx).page(all.stream().map(this::render).toList()));
    }

    private void risk(Context ctx) {
        OrgUnit u = ApiSupport.unit(services, ctx.pathParam("unit"));
        var cfg = cases().scoring();
        LocalDate today = LocalDate.now();
        UnitRisk r = services.database().read(c -> UnitRiskQuery.risk(c, Long.toString(u.id()), new EumInventory(c, today), cfg, today));
        ctx.json(render(r));
    }
}
