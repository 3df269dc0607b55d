package org.custody.web;

import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.custody.diversion.CaseStatus;
import org.custody.diversion.DiversionCase;
import org.custody.eum.ItemAssessment;
import org.custody.eum.MonitoringAssessor;
import org.custody.eum.MonitoringFigures;
import org.custody.eum.MonitoringPolicy;
import org.custody.ledger.OrgUnit;
import org.custody.store.diversion.CaseStore;
import org.custody.store.eum.EumStore;
import org.custody.store.evidence.DocumentQuery;
import org.custody.store.ledger.OrgUnitStore;
import org.custody.store.vetting.VettingService;

/** The start page: open cases by score, recent evidence, the vetting queue and delinquent inventories. */
final class DashboardPage {

    static final int RECENT_DOCUMENTS = 8;
    static final int INVENTORY_ROWS = 15;

    private final WebAreas areas;

    DashboardPage(WebAreas areas) {
        this.areas = areas;
    }

    void show(Context ctx) {
        LocalDate asOf = WebSupport.date(ctx.queryParam("as_of"), "as_of", WebSupport.today());
        VettingService vetting = areas.vetting();
        List<VettingService.Report> queue = vetting.queue();
        Map<String, Object> m = areas.db().read(c -> {
            List<DiversionCase> cases = new ArrayList<>(CaseStore.list(c, CaseStatus.OPEN));
            cases.addAll(CaseStore.list(c, CaseStatus.UNDER_REVIEW));
            cases.sort(Comparator.comparingDouble(DiversionCase::score).reversed());
            List<Views.QueueRow> rows = VettingPage.queueRows(c, queue);
            List<Views.InventoryRow> inventory = inventory(c, asOf);
            return Map.<String, Object>of("cases", cases, "documents", DocumentQuery.recent(c, RECENT_DOCUMENTS),
                    "queue", rows, "inventory", inventory.subList(0, Math.min(INVENTORY_ROWS, inventory.size())),
                    "inventoryTotal", inventory.size(), "asOf", asOf);
        });
        WebSupport.render(ctx, "dashboard.jte", Chrome.of(ctx, "Dashboard", "dashboard"), m);
    }

    /** Delinquent, unaccounted and missing items under every top-level unit, as end-use monitoring assesses them. */
    private static List<Views.InventoryRow> inventory(Connection c, LocalDate asOf) throws SQLException {
        MonitoringAssessor assessor = new MonitoringAssessor(MonitoringPolicy.DEFAULT);
        List<Views.InventoryRow> out = new ArrayList<>();
        for (OrgUnit top : OrgUnitStore.all(c)) {
            if (top.parentId().isPresent()) continue;
            MonitoringFigures f = assessor.figures("unit " + top.code(), EumStore.forUnit(c, top.id()), asOf);
            add(out, f.missing(), "missing");
            add(out, f.unaccounted(), "unaccounted");
            add(out, f.delinquent(), "delinquent");
        }
        return out;
    }

    private static void add(List<Views.InventoryRow> out, List<ItemAssessment> items, String state) {
        for (ItemAssessment a : items) {
            out.add(new Views.InventoryRow(a.item().unitCode().orElse(""), a.item().designation(), a.item().serial(),
                    a.item().caseId(), state, a.explanation()));
        }
    }
}
