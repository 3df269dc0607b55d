package org.custody.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custody.lists.Schema;
import org.custody.screening.ScreeningEngine;
import org.custody.screening.ScreeningQuery;
import org.custody.screening.ScreeningResult;
import org.custody.server.ApiException;

/**
 * Screening search: one name (optionally schema, birth date, nationality) against the engine held in
 * memory, each hit with its explanation (features, aliases and tokens matched, normalisation steps) and the
 * list versions it was screened against.
 */
final class ScreeningPage {

    static final int HITS = 10;

    private final WebAreas areas;

    ScreeningPage(WebAreas areas) {
        this.areas = areas;
    }

    void show(Context ctx) {
        String q = trim(ctx.queryParam("q"));
        String schemaText = trim(ctx.queryParam("schema"));
        String dob = trim(ctx.queryParam("dob"));
        String nationality = trim(ctx.queryParam("nationality"));
        Map<String, Object> m = new HashMap<>();
        m.put("q", q == null ? "" : q);
        m.put("schema", schemaText == null ? "" : schemaText);
        m.put("dob", dob == null ? "" : dob);
        m.put("nationality", nationality == null ? "" : nationality);
        m.put("result", null);
        ScreeningEngine engine = areas.services().screener();
        m.put("entities", engine.entityCount());
        m.put("versions", engine.listVersions());
        if (q != null) {
            Schema schema;
            try {
                schema = schemaText == null ? null : Schema.parse(schemaText);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage(), "schema");
            }
            ScreeningResult r;
            try {
                r = areas.screener().screen(new ScreeningQuery(q, schema, HITS, null, dob, nationality));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage(), null);
            }
            m.put("result", r);
            m.put("threshold", engine.config().alertThreshold());
        }
        m.putIfAbsent("threshold", engine.config().alertThreshold());
        WebSupport.render(ctx, "screen.jte", Chrome.of(ctx, q == null ? "Screening" : "Screening: " + q, "screen"), m);
    }

    static List<String> schemas() {
        return List.of("person", "organization", "vessel", "aircraft", "other");
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
