package org.custody.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.custody.accounts.Role;

/**
 * The OpenAPI 3.1 document of the server, written from the route table itself (so it lists exactly the
 * routes served, each with the roles that may call it as {@code x-roles}).
 */
public final class OpenApi {

    private OpenApi() {}

    public static Map<String, Object> document(List<Route> routes, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Custody", "version", version,
                "description", "Security-assistance accountability: screening (yente-compatible), ledger, monitoring, "
                        + "vetting, evidence, diversion cases, audit. Errors are {error, detail, field}. See docs/api.md."));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Route r : routes) {
            if (r.kind() == Route.Kind.PAGE && !r.path().equals("/login") && !r.path().equals("/logout")) continue;
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.path(), k -> new LinkedHashMap<>());
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("summary", r.summary());
            op.put("tags", List.of(r.tag()));
            List<Map<String, Object>> params = new ArrayList<>();
            for (String p : r.pathParams()) {
                params.add(Map.of("name", p, "in", "path", "required", true, "schema", Map.of("type", "string")));
            }
            for (Route.Param q : r.query()) {
                params.add(Map.of("name", q.name(), "in", "query", "required", false, "description", q.description(),
                        "schema", Map.of("type", q.type())));
            }
            if (!params.isEmpty()) op.put("parameters", params);
            if (r.body() != null) {
                op.put("requestBody", Map.of("description", r.body(), "required", true, "content",
                        Map.of(r.kind() == Route.Kind.PAGE ? "application/x-www-form-urlencoded" : "application/json", Map.of())));
            }
            Map<String, Object> responses = new LinkedHashMap<>();
            responses.put("200", Map.of("description", "success"));
            responses.put("400", error("malformed request (field names the parameter)"));
            if (!r.open()) {
                responses.put("401", error("not signed in, or an unknown API token"));
                responses.put("403", error("the account's role may not do this (or a missing CSRF token)"));
                op.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
                op.put("x-roles", Role.holding(r.needs()).stream().map(Role::wire).collect(Collectors.toList()));
                op.put("x-capability", r.needs().name().toLowerCase(Locale.ROOT));
            } else {
                op.put("security", List.of());
            }
            if (!r.pathParams().isEmpty()) responses.put("404", error("no such item"));
            op.put("responses", responses);
            item.put(r.method().name().toLowerCase(Locale.ROOT), op);
        }
        doc.put("paths", paths);
        doc.put("components", Map.of(
                "securitySchemes", Map.of(
                        "bearer", Map.of("type", "http", "scheme", "bearer", "description", "an API token (custody users token NAME)"),
                        "session", Map.of("type", "apiKey", "in", "cookie", "name", Authenticator.SESSION_COOKIE,
                                "description", "browser session; state-changing requests also send X-CSRF-Token")),
                "schemas", Map.of("Error", Map.of("type", "object", "required", List.of("error", "detail"),
                        "properties", Map.of("error", Map.of("type", "string"), "detail", Map.of("type", "string"),
                                "field", Map.of("type", List.of("string", "null")))))));
        return doc;
    }

    private static Map<String, Object> error(String description) {
        return Map.of("description", description, "content",
                Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
    }
}
