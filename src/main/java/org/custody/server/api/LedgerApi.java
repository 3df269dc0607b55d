package org.custody.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custody.accounts.Capability;
import org.custody.audit.AuditLog;
import org.custody.catalog.Article;
import org.custody.catalog.ArticleCatalog;
import org.custody.catalog.Category;
import org.custody.catalog.json.CatalogJson;
import org.custody.ledger.CustodyChain;
import org.custody.ledger.DeliveryRefusedException;
import org.custody.ledger.OrgUnit;
import org.custody.ledger.Transfer;
import org.custody.server.ApiException;
import org.custody.server.Bodies;
import org.custody.server.Pagination;
import org.custody.server.Routes;
import org.custody.server.Services;
import org.custody.server.Uploads;
import org.custody.store.ledger.ArticleStore;
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
                .get("/api/ledger/units/{unit}/delivered", Capability.READ, "Everything delivered to a unit and the units below it")
                .paged().to(this::deliveredTo)
                .get("/api/ledger/by-article", Capability.READ, "Everything of an article type delivered to a country")
                .query("type", "string", "article id (m1a1-abrams), family (M1 Abrams), category (MAIN_BATTLE_TANK) or a mention the catalogue resolves (Humvee)")
                .query("country", "string", "recipient country").paged().to(this::byArticle)
                .get("/api/ledger/catalog", Capability.READ, "The defence-article catalogue")
                .query("category", "string", "only this category (e.g. MAIN_BATTLE_TANK)").paged().to(this::catalog)
                .get("/api/ledger/catalog/resolve", Capability.READ, "Resolve the article mentions of a text to the catalogue, each with its explanation")
                .query("text", "string", "the text (\"M-1A1\", \"Humvees\", \"a tank\")").to(this::resolve)
                .post("/api/ledger/catalog", Capability.WRITE_LEDGER, "Add an article to the catalogue")
                .body("{id, category, designation, family?, aliases?: [..], origin?, enhancedMonitoring?: boolean}").to(this::addArticle)
                .post("/api/ledger/import", Capability.WRITE_LEDGER, "Import uploaded ledger files: one .json file, or the CSV files of a ledger folder")
                .body("multipart/form-data: file (repeatable)").to(this::importFiles);
    }

    private void deliveredTo(Context ctx) {
        OrgUnit u = ApiSupport.unit(services, ctx.pathParam("unit"));
        ctx.json(Pagination.of(ctx).page(services.database().read(c -> LedgerQueries.deliveredTo(c, u.id()))));
    }

    private ArticleCatalog catalogue() {
        return services.database().inTransaction(ArticleStore::catalog);
    }

    private void byArticle(Context ctx) {
        String type = ctx.queryParam("type");
        String country = ctx.queryParam("country");
        if (type == null || type.isBlank()) throw ApiException.badRequest("type (an article id, family, category or mention) is required", "type");
        if (country == null || country.isBlank()) throw ApiException.badRequest("country (the recipient country) is required", "country");
        LedgerQueries.ArticleType t;
        try {
            t = LedgerQueries.articleType(catalogue(), type.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(e.getMessage());
        }
        ctx.json(Pagination.of(ctx).page(services.database().read(c -> LedgerQueries.byArticle(c, t, country.strip()))));
    }

    private void catalog(Context ctx) {
        String category = ctx.queryParam("category");
        Category only;
        try {
            only = category == null || category.isBlank() ? null : Category.parse(category);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "category");
        }
        ctx.json(Pagination.of(ctx).page(catalogue().articles().stream().filter(a -> only == null || a.category() == only).toList()));
    }

    private void resolve(Context ctx) {
        String text = ctx.queryParam("text");
        if (text == null || text.isBlank()) throw ApiException.badRequest("text is required", "text");
        ctx.json(Map.of("text", text, "mentions", catalogue().mentions(text).stream().map(CatalogJson::mention).toList()));
    }

    /** As {@code custody ledger catalog add}: the same store call, audited as the signed-in user. */
    private void addArticle(Context ctx) {
        JsonNode b = Bodies.object(ctx);
        Article a;
        try {
            a = CatalogJson.article(b, "body");
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), null);
        }
        String actor = AuditLog.currentActor();
        try {
            services.database().inTransaction(c -> ArticleStore.add(c, a, actor));
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict(e.getMessage());
        }
        ctx.status(201).json(a);
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
