package org.custody.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import org.custody.accounts.LoginThrottle;
import org.custody.accounts.Role;
import org.custody.audit.AuditLog;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code custody serve}'s HTTP server: builds the route table, wraps every route in the same checks
 * (signed in → 401, role may → 403, CSRF on a session's state-changing request → 403, acting user for
 * the audit log) and maps every error to {@code {"error","detail","field"}} with its status once.
 */
public final class ServerApp {

    /**
     * Where and how to serve. {@code secureCookies}: behind an https proxy, cookies get the Secure flag.
     * {@code threads}: Jetty's request threads (at most; {@link #DEFAULT_THREADS} unless set).
     */
    public record Settings(String bind, int port, boolean secureCookies, String version, int threads) {
        public Settings {
            if (threads < 8) throw new IllegalArgumentException("threads must be at least 8 (Jetty's acceptor and selectors need some), not " + threads);
        }

        public Settings(String bind, int port, boolean secureCookies, String version) {
            this(bind, port, secureCookies, version, DEFAULT_THREADS);
        }
    }

    /**
     * Request threads at most by default: Jetty's own default (200). On the busy 2-core machine the
     * benchmark ran on, 8 threads gave the match endpoint a smaller share of the contended cores than 200
     * (docs/benchmarks.md); {@code --threads} lets a quiet machine try fewer.
     */
    public static final int DEFAULT_THREADS = 200;

    static final String PRINCIPAL = "custody.principal";
    static final String ROUTE = "custody.route";
    private static final String ERROR_RENDERED = "custody.error.rendered";

    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Services services;
    private final Settings settings;
    private final Authenticator authenticator;
    private final AuthRoutes auth;
    private final Routes routes;
    private Javalin app;
    private AutoCloseable accountChanges;

    /**
     * @param modules the areas' routes (API, pages) besides sign-in, health and the API document; the
     *                composition is {@code server.wiring.CustodyServer}, so this package imports none of them
     */
    public ServerApp(Services services, Settings settings, LoginThrottle throttle, List<RouteModule> modules) {
        this.services = services;
        this.settings = settings;
        this.authenticator = services.authenticator();
        this.auth = new AuthRoutes(services, throttle, settings.secureCookies());
        this.routes = routeTable(services, auth, settings, modules);
    }

    /** Every route of the server (the role-matrix test walks this). */
    public List<Route> routes() {
        return routes.all();
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    private static Routes routeTable(Services services, AuthRoutes auth, Settings settings, List<RouteModule> modules) {
        Routes r = new Routes();
        auth.declare(r);
        new SystemRoutes(services, settings.version(), r::all).declare(r);
        for (RouteModule m : modules) m.declare(r);
        return r;
    }

    /** The principal of a request that passed the checks (routes needing a capability only). */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) throw new IllegalStateException("no principal: an open route asked for one");
        return p;
    }

    public synchronized ServerApp start() {
        accountChanges = services.accounts().listenForChanges(authenticator::forgetTokens);
        app = build();
        app.start(settings.bind(), settings.port());
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    public synchronized void stop() {
        if (app != null) app.stop();
        app = null;
        if (accountChanges != null) {
            try {
                accountChanges.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop listening for account changes", e);
            }
            accountChanges = null;
        }
    }

    Javalin build() {
        Javalin j = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(JSON, false));
            config.http.maxRequestSize = 64L * 1024 * 1024;
            QueuedThreadPool pool = new QueuedThreadPool(settings.threads(), Math.min(settings.threads(), 8), 60_000);
            pool.setName("custody-http");
            config.jetty.threadPool = pool;
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/static";
                sf.directory = "/org/custody/server/static";
                sf.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
        });
        j.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                    + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        });
        for (Route r : routes.all()) {
            j.addHttpHandler(r.method(), r.path(), ctx -> handle(r, ctx));
        }
        j.exception(ApiException.class, (e, ctx) -> renderError(ctx, e));
        j.exception(HttpResponseException.class, (e, ctx) ->
                renderError(ctx, new ApiException(e.getStatus(), e.getStatus() == 404 ? "not_found" : "bad_request", e.getMessage(), null)));
        j.exception(Exception.class, (e, ctx) -> {
            System.err.println("custody serve: internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
            if (System.getenv("CUSTODY_DEBUG") != null) e.printStackTrace();
            renderError(ctx, new ApiException(500, "internal", "internal error (" + e.getClass().getSimpleName()
                    + "); the server log has the details", null));
        });
        j.error(404, ctx -> {
            if (ctx.attribute(ERROR_RENDERED) == null) {
                renderError(ctx, ApiException.notFound("no route " + ctx.method() + " " + ctx.path()));
            }
        });
        j.error(405, ctx -> {
            if (ctx.attribute(ERROR_RENDERED) == null) {
                renderError(ctx, new ApiException(405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path(), null));
            }
        });
        return j;
    }

    private void handle(Route r, Context ctx) throws Exception {
        ctx.attribute(ROUTE, r);
        if (r.open()) {
            r.handler().handle(ctx);
            return;
        }
        Principal p = authenticator.principal(ctx).orElseThrow(() -> ApiException.unauthorized(
                "sign in first (POST /login) or send an API token (Authorization: Bearer ...)"));
        if (!p.account().may(r.needs())) {
            throw ApiException.forbidden("the role " + p.account().role().wire() + " may not " + r.needs().description()
                    + " (roles that may: " + String.join(", ", Role.holding(r.needs()).stream().map(Role::wire).toList()) + ")");
        }
        if (r.changesState()) Authenticator.checkCsrf(ctx, p);
        ctx.attribute(PRINCIPAL, p);
        try (AuditLog.Scope ignored = AuditLog.actingAs(p.username())) {
            r.handler().handle(ctx);
        }
    }

    private void renderError(Context ctx, ApiException e) {
        ctx.attribute(ERROR_RENDERED, true);
        Route r = ctx.attribute(ROUTE);
        if (e.status() == 401 && r != null && r.kind() == Route.Kind.PAGE && r.method() == HandlerType.GET) {
            auth.loginPage(ctx, 401, null);
            return;
        }
        ctx.status(e.status());
        if (r != null && r.kind() == Route.Kind.PAGE) {
            ctx.contentType("text/html; charset=utf-8").result(Templates.render("error.jte",
                    Map.of("status", e.status(), "detail", e.detail())));
        } else {
            ctx.json(e.body());
        }
    }
}
