package org.custody.server.api;

import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custody.accounts.Capability;
import org.custody.audit.AuditLog;
import org.custody.ledger.CustodyChain;
import org.custody.ledger.DeliveryRefusedException;
import org.custody.ledger.OrgUnit;
import org.custody.ledger.Transfer;
import org.custody.server.ApiException;
import org.custody.server.Pagination;
import org.custody.server.Routes;
import org.custody.server.Services;
import org.custody.server.Uploads;
import org.custody.store.ledger.CommandPostStore;
import org.custody.store.ledger.LedgerImports;
import org.custody.store.ledger.LedgerQueries;
import org.custody.store.ledger.OrgUnitStore;
import org.custody.store.ledger.TransferStore;

/** The ledger: units, transfers with their lots, serial look-ups, import (as {@code custody ledger}). */
public final class LedgerApi {

    private final Services services;

    public LedgerApi(Services services) {
        this.services = services;
    }

    public void declare(Routes r) {
        r.tag("ledger")
                .get("/api/ledger/units", Capability.READ, "Units (all, or the subtree under one)")
                .query("under", "string", "unit code or id").paged().to(this::units)
                .get("/api/ledger/units/{unit}", Capability.READ, "A unit: parents, sub-units, commanders over time, deliveries")
                .to(this::unit)
                .get("/api/ledger/transfers", Capability.READ, "Transfers (cases), optionally of one recipient country")
                .query("country", "string", "recipient country").paged().to(this::transfers)
                .get("/api/ledger/transfers/{case}", Capability.READ, "A transfer with its lots").to(this::transfer)
                .get("/api/ledger/serials/{serial}", Capability.READ, "A serial's custody chain: case, lot, unit, clearance, sightings")
                .to(this::serial)
                .post("/api/ledger/import", Capability.WRITE_LEDGER, "Import uploaded ledger files: one .json file, or the CSV files of a ledger folder")
                .body("multipart/form-data: file (repeatable)").to(this::importFiles);
    }

    private void units(Context ctx) {
        String under = ctx.queryParam("under");
        List<OrgUnit> units = under == null || under.isBlank() ? services.database().read(OrgUnitStore::all)
                : services.database().read(c -> OrgUnitStore.subtree(c, ApiSupport.unit(services, under).id()));
        ctx.json(Pagination.of(ctx).page(units));
    }

    private void unit(Context ctx) {
        OrgUnit u = ApiSupport.unit(services, ctx.pathParam("unit"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", u);
        services.database().read(c -> {
            m.put("ancestors", OrgUnitStore.ancestors(c, u.id()));
            m.put("children", OrgUnitStore.children(c, u.id()));
            m.put("commanders", CommandPostStore.forUnit(c, u.id()));
            m.put("deliveries", LedgerQueries.deliveredTo(c, u.id()));
            return null;
        });
        ctx.json(m);
    }

    private void transfers(Context ctx) {
        String country = ctx.queryParam("country");
        List<Transfer> all = services.database().read(c -> TransferStore.list(c, country == null || country.isBlank() ? null : country,
                Integer.MAX_VALUE));
        ctx.json(Pagination.of(ctx).page(all));
    }

    private void transfer(Context ctx) {
        String caseId = ctx.pathParam("case");
        Transfer t = services.database().read(c -> TransferStore.byCase(c, caseId))
                .orElseThrow(() -> ApiException.notFound("case '" + caseId + "' is not recorded (GET /api/ledger/transfers lists them)"));
        ctx.json(Map.of("transfer", t, "lots", services.database().read(c -> TransferStore.lots(c, t.id()))));
    }

    private void serial(Context ctx) {
        String serial = ctx.pathParam("serial");
        CustodyChain chain = services.database().read(c -> LedgerQueries.custodyChain(c, serial));
        if (chain.items().isEmpty()) throw ApiException.notFound("serial " + serial + " (" + chain.key() + ") is not in the ledger");
        ctx.json(chain);
    }

    private void importFiles(Context ctx) {
        try (Uploads up = Uploads.of(ctx, "file")) {
            Path path = up.files().size() == 1 && up.files().getFirst().toString().endsWith(".json") ? up.files().getFirst() : up.folder();
            LedgerImports.Outcome o;
            try {
                o = LedgerImports.importPath(services.database(), path, false, null, AuditLog.currentActor());
            } catch (DeliveryRefusedException e) {
                throw ApiException.conflict(e.getMessage());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage(), "file");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unchanged", o.unchanged());
            if (o.unchanged()) {
                m.put("previous", o.previous().get());
            } else {
                m.put("summary", o.report().summary());
                List<Map<String, Object>> overrides = new ArrayList<>();
                for (var x : o.report().overrides()) {
                    overrides.add(Map.of("case", x.caseId(), "lot", x.lotNo(), "unit", x.unitCode(), "refusal", String.valueOf(x.refusal()),
                            "justification", x.justification()));
                }
                m.put("overrides", overrides);
            }
            ctx.status(o.unchanged() ? 200 : 201).json(m);
        }
    }
}
