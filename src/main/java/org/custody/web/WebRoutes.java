package org.custody.web;

import io.javalin.http.Context;
import java.util.Map;
import org.custody.accounts.Capability;
import org.custody.server.Principal;
import org.custody.server.Routes;
import org.custody.server.ServerApp;
import org.custody.server.Services;
import org.custody.server.Templates;

/**
 * The server's HTML pages (templates in src/main/jte). Each page handler only reads the request, calls
 * the same use cases the JSON API calls, and renders a template; routes are declared here into the one
 * route table with the capability each needs.
 */
public final class WebRoutes {

    private final Services services;

    public WebRoutes(Services services) {
        this.services = services;
    }

    public void declare(Routes r) {
        r.tag("pages").page("/", Capability.READ, "Start page").to(this::home);
    }

    private void home(Context ctx) {
        Principal p = ServerApp.principal(ctx);
        Templates.render(ctx, "home.jte", Map.of("user", p.username(), "role", p.account().role().wire(),
                "csrf", p.csrfToken() == null ? "" : p.csrfToken(),
                "entities", services.screener().entityCount()));
    }
}
