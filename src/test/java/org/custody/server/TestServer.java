package org.custody.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custody.accounts.LoginThrottle;
import org.custody.accounts.Role;
import org.custody.config.CustodyHome;
import org.custody.screening.ScreeningEngine;
import org.custody.store.Database;

/**
 * A real server on a free loopback port over a test database, with plain HTTP calls the way a browser or
 * a machine client makes them (no server internals are called by the tests that use it).
 */
public final class TestServer implements AutoCloseable {

    public final Database db;
    public final Services services;
    public final ServerApp app;
    public final String base;
    public final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public TestServer(Database db, Path home, Supplier<ScreeningEngine> screener, LoginThrottle throttle) {
        this(db, home, screener, throttle, Clock.systemUTC());
    }

    public TestServer(Database db, Path home, Supplier<ScreeningEngine> screener, LoginThrottle throttle, Clock clock) {
        this.db = db;
        this.services = new Services(new CustodyHome(home), db, screener, clock);
        this.app = org.custody.server.wiring.CustodyServer.create(services, new ServerApp.Settings("127.0.0.1", 0, false, "test"), throttle).start();
        this.base = "http://127.0.0.1:" + app.port();
    }

    public TestServer(Database db, Path home) {
        this(db, home, () -> ScreeningEngine.build(List.of(), List.of()), LoginThrottle.standard());
    }

    /** Creates an account of that role (named after it) with a known password. */
    public String user(Role role) {
        String name = role.wire().replace('_', '-');
        if (services.accounts().find(name).isEmpty()) services.accounts().create(name, role, PASSWORD.toCharArray(), "test");
        return name;
    }

    public static final String PASSWORD = "a test password 123";

    public String token(Role role) {
        return services.accounts().createToken(user(role), "t" + System.nanoTime(), "test");
    }

    /** A signed-in browser: its session cookie and CSRF token. */
    public record Browser(String cookie, String csrf) {}

    public Browser signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = anon("/login");
        String loginCookie = cookieFrom(form, AuthRoutes.LOGIN_CSRF_COOKIE);
        String csrf = field(form.body(), "_csrf");
        HttpResponse<String> r = postForm("/login", Map.of("username", username, "password", password, "_csrf", csrf, "next", "/"),
                AuthRoutes.LOGIN_CSRF_COOKIE + "=" + loginCookie, null);
        if (r.statusCode() != 303) throw new IllegalStateException("sign-in of " + username + " answered " + r.statusCode() + ": " + r.body());
        String session = cookieFrom(r, Authenticator.SESSION_COOKIE);
        HttpResponse<String> me = send(HttpRequest.newBuilder(URI.create(base + "/api/me"))
                .header("Cookie", Authenticator.SESSION_COOKIE + "=" + session).GET().build());
        Matcher m = Pattern.compile("\"csrf_token\":\"([^\"]+)\"").matcher(me.body());
        if (!m.find()) throw new IllegalStateException("no CSRF token in /api/me: " + me.body());
        return new Browser(Authenticator.SESSION_COOKIE + "=" + session, m.group(1));
    }

    /** A request with no credentials at all. */
    public HttpResponse<String> anon(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return send(b.build());
    }

    public HttpResponse<String> get(String path, Browser browser) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", browser.cookie()).GET().build());
    }

    public HttpResponse<String> postJson(String path, String json, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return send(b.build());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields, String cookie, String csrfHeader)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (var e : new LinkedHashMap<>(fields).entrySet()) {
            if (!body.isEmpty()) body.append('&');
            body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) b.header("Cookie", cookie);
        if (csrfHeader != null) b.header(Authenticator.CSRF_HEADER, csrfHeader);
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    public static String cookieFrom(HttpResponse<?> r, String name) {
        for (String h : r.headers().allValues("Set-Cookie")) {
            if (h.startsWith(name + "=")) return h.substring(name.length() + 1, h.indexOf(';'));
        }
        throw new IllegalStateException("no " + name + " cookie in " + r.headers().allValues("Set-Cookie"));
    }

    public static String setCookieHeader(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(name + "=")).findFirst().orElseThrow();
    }

    static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) throw new IllegalStateException("no field " + name + " in the page");
        return m.group(1);
    }

    @Override
    public void close() {
        app.stop();
    }
}
