package org.custody.server;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.custody.accounts.Capability;

/** Health, the OpenAPI document and the page rendering it. */
final class SystemRoutes {

    /** The swagger-ui WebJar's version (pom.xml), for the page's script and style paths. */
    static final String SWAGGER_UI = "5.34.1";

    private final Services services;
    private final String version;
    private final Supplier<List<Route>> allRoutes;

    SystemRoutes(Services services, String version, Supplier<List<Route>> allRoutes) {
        this.services = services;
        this.version = version;
        this.allRoutes = allRoutes;
    }

    void declare(Routes r) {
        r.tag("system")
                .add(new Route(io.javalin.http.HandlerType.GET, "/healthz", null, Route.Kind.API, "system",
                        "Liveness: {\"status\":\"ok\"} while the server answers", List.of(), null, this::health))
                .get("/openapi.json", Capability.READ, "This API's OpenAPI 3.1 document").to(this::openapi)
                .get("/api/me", Capability.READ, "The signed-in account: user name, role, what it may do, and the session's CSRF token")
                .to(this::me)
                .page("/api-docs", Capability.READ, "The API document rendered (Swagger UI)").to(this::docsPage);
    }

    private void health(Context ctx) {
        ctx.json(Map.of("status", "ok"));
    }

    private void me(Context ctx) {
        Principal p = ServerApp.principal(ctx);
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("username", p.username());
        out.put("role", p.account().role().wire());
        out.put("capabilities", p.account().role().capabilities().stream().map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
        out.put("via", p.via().name().toLowerCase(java.util.Locale.ROOT));
        out.put("csrf_token", p.csrfToken());
        ctx.json(out);
    }

    private void openapi(Context ctx) {
        ctx.json(OpenApi.document(allRoutes.get(), version));
    }

    private void docsPage(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(Templates.render("api-docs.jte", Map.of("swaggerUi", SWAGGER_UI)));
    }
}
