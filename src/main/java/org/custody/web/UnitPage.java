package org.custody.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custody.diversion.UnitRisk;
import org.custody.eum.MonitoringAssessor;
import org.custody.eum.MonitoringFigures;
import org.custody.eum.MonitoringPolicy;
import org.custody.ledger.CommandPost;
import org.custody.ledger.OrgUnit;
import org.custody.server.ApiException;
import org.custody.store.diversion.EumInventory;
import org.custody.store.diversion.UnitRiskQuery;
import org.custody.store.eum.EumStore;
import org.custody.store.ledger.CommandPostStore;
import org.custody.store.ledger.LedgerQueries;
import org.custody.store.ledger.OrgUnitStore;
import org.custody.store.ledger.PersonStore;
import org.custody.store.vetting.VettingService;
import org.custody.vetting.NodeRef;

/** The recipient units: the hierarchy, and one unit with its commanders, vetting, deliveries, inventories and risk. */
final class UnitPage {

    private final WebAreas areas;

    UnitPage(WebAreas areas) {
        this.areas = areas;
    }

    void list(Context ctx) {
        List<Views.TreeRow> rows = areas.db().read(c -> {
            List<OrgUnit> all = OrgUnitStore.all(c);
            Map<Long, List<OrgUnit>> children = new LinkedHashMap<>();
            List<OrgUnit> roots = new ArrayList<>();
            for (OrgUnit u : all) {
                if (u.parentId().isPresent()) children.computeIfAbsent(u.parentId().get(), k -> new ArrayList<>()).add(u);
                else roots.add(u);
            }
            List<Views.TreeRow> out = new ArrayList<>();
            for (OrgUnit r : roots) walk(r, 0, children, out);
            return out;
        });
        WebSupport.render(ctx, "units.jte", Chrome.of(ctx, "Units", "units"), Map.of("rows", rows));
    }

    private static void walk(OrgUnit u, int depth, Map<Long, List<OrgUnit>> children, List<Views.TreeRow> out) {
        out.add(new Views.TreeRow(u, depth));
        for (OrgUnit ch : children.getOrDefault(u.id(), List.of())) walk(ch, depth + 1, children, out);
    }

    void show(Context ctx) {
        String code = ctx.pathParam("code");
        LocalDate asOf = WebSupport.date(ctx.queryParam("as_of"), "as_of", WebSupport.today());
        OrgUnit unit = areas.db().read(c -> OrgUnitStore.byCode(c, code))
                .orElseThrow(() -> ApiException.notFound("no unit '" + code + "' in the ledger"));
        List<VettingService.Report> history = areas.vetting().history(new NodeRef.Unit(unit.id()));
        Map<String, Object> m = new HashMap<>(areas.db().read(c -> {
            Map<String, Object> v = new HashMap<>();
            v.put("ancestors", OrgUnitStore.ancestors(c, unit.id()));
            v.put("children", OrgUnitStore.children(c, unit.id()));
            List<Views.PostRow> posts = new ArrayList<>();
            for (CommandPost p : CommandPostStore.forUnit(c, unit.id())) {
                String person = PersonStore.byId(c, p.personId()).map(x -> Subjects.person(x).label()).orElse("person " + p.personId());
                posts.add(new Views.PostRow(person, p.title(), p.start(), p.end().orElse(null)));
            }
            posts.sort((a, b) -> b.start().compareTo(a.start()));
            v.put("posts", posts);
            v.put("deliveries", LedgerQueries.deliveredTo(c, unit.id()));
            MonitoringFigures inv = new MonitoringAssessor(MonitoringPolicy.DEFAULT)
                    .figures("unit " + unit.code() + " and sub-units", EumStore.forUnit(c, unit.id()), asOf);
            v.put("inventory", inv);
            UnitRisk risk = UnitRiskQuery.risk(c, Long.toString(unit.id()), new EumInventory(c, asOf), areas.scoring(), asOf);
            v.put("risk", risk);
            return v;
        }));
        List<Views.VettingRow> vetting = new ArrayList<>();
        for (VettingService.Report r : history) {
            vetting.add(new Views.VettingRow(r.request().id(), r.request().purpose().description(), r.request().asOf(),
                    r.request().status().name().toLowerCase(java.util.Locale.ROOT),
                    r.decision().map(d -> d.outcome().label() + " until " + d.expires()).orElse("-"),
                    r.openFindings(), r.findings().size()));
        }
        m.put("unit", unit);
        m.put("vetting", vetting);
        m.put("asOf", asOf);
        WebSupport.render(ctx, "unit.jte", Chrome.of(ctx, unit.code() + " " + unit.name(), "units"), m);
    }
}
