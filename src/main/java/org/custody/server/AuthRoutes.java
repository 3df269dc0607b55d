package org.custody.server;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.custody.accounts.Account;
import org.custody.accounts.LoginThrottle;
import org.custody.accounts.Secrets;
import org.custody.store.accounts.AccountStore;

/**
 * Sign-in and sign-out. The sign-in form carries a pre-session CSRF token (double submit: the same random
 * value in a SameSite=Strict cookie and in the form), so no other site can sign a browser in. Failed
 * sign-ins are throttled per account and per client address ({@link LoginThrottle}).
 */
final class AuthRoutes {

    static final String LOGIN_CSRF_COOKIE = "custody_login";

    private final Services services;
    private final LoginThrottle throttle;
    private final boolean secureCookies;

    AuthRoutes(Services services, LoginThrottle throttle, boolean secureCookies) {
        this.services = services;
        this.throttle = throttle;
        this.secureCookies = secureCookies;
    }

    void declare(Routes routes) {
        routes.tag("sign-in")
                .add(new Route(io.javalin.http.HandlerType.GET, "/login", null, Route.Kind.PAGE, "sign-in",
                        "The sign-in form", java.util.List.of(new Route.Param("next", "string", "where to go after signing in")),
                        null, ctx -> loginPage(ctx, 200, null)))
                .add(new Route(io.javalin.http.HandlerType.POST, "/login", null, Route.Kind.PAGE, "sign-in",
                        "Sign in (form: username, password, _csrf, next); sets the session cookie", java.util.List.of(),
                        "form: username, password, _csrf (from the sign-in form), next", this::login))
                .form("/logout", org.custody.accounts.Capability.READ, "Sign out (ends the session)").to(this::logout);
    }

    /** Renders the sign-in form with a fresh pre-session CSRF token (also used for a 401 on a page). */
    void loginPage(Context ctx, int status, String error) {
        String token = Secrets.random();
        cookie(ctx, LOGIN_CSRF_COOKIE, token, -1);
        Map<String, Object> p = new HashMap<>();
        p.put("error", error);
        p.put("next", safeNext(Optional.ofNullable(ctx.queryParam("next")).orElse(ctx.method().name().equals("GET") && !ctx.path().equals("/login") ? ctx.path() : "/")));
        p.put("csrf", token);
        ctx.status(status);
        Templates.render(ctx, "login.jte", p);
    }

    private void login(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = safeNext(ctx.formParam("next"));
        if (!Secrets.sameSecret(ctx.formParam("_csrf"), ctx.cookie(LOGIN_CSRF_COOKIE))) {
            loginPage(ctx, 403, "The sign-in form expired; please try again.");
            return;
        }
        String address = ctx.ip();
        Optional<Duration> wait = throttle.refusal(username, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            ctx.header("Retry-After", Long.toString(seconds));
            loginPage(ctx, 429, "Too many failed sign-ins; try again in " + (seconds + 59) / 60 + " minute(s).");
            return;
        }
        if (username.isEmpty() || password.isEmpty()) {
            loginPage(ctx, 400, "Enter your user name and password.");
            return;
        }
        Optional<Account> account = services.accounts().authenticate(username, password.toCharArray());
        if (account.isEmpty()) {
            throttle.failed(username, address);
            loginPage(ctx, 401, "Wrong user name or password, or the account is disabled.");
            return;
        }
        throttle.succeeded(username);
        AccountStore.NewSession s = services.accounts().openSession(account.get(), services.clock().instant());
        cookie(ctx, Authenticator.SESSION_COOKIE, s.id(), AccountStore.SESSION_LIFETIME.toSeconds());
        cookie(ctx, LOGIN_CSRF_COOKIE, "", 0);
        ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        services.accounts().closeSession(ctx.cookie(Authenticator.SESSION_COOKIE));
        cookie(ctx, Authenticator.SESSION_COOKIE, "", 0);
        ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** Only a path on this server (never {@code //host} or a URL) is a place to go after signing in. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length() > 500
                || next.chars().anyMatch(ch -> ch < 0x20)) return "/";
        return next;
    }

    /** HttpOnly, SameSite=Strict, Secure when the server is behind https. maxAge -1: a browser-session cookie, 0: delete. */
    private void cookie(Context ctx, String name, String value, long maxAgeSeconds) {
        StringBuilder b = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Strict");
        if (maxAgeSeconds >= 0) b.append("; Max-Age=").append(maxAgeSeconds);
        if (secureCookies) b.append("; Secure");
        ctx.res().addHeader("Set-Cookie", b.toString());
    }
}
