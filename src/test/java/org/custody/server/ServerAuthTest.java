package org.custody.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.custody.accounts.LoginThrottle;
import org.custody.accounts.Role;
import org.custody.audit.AuditEntry;
import org.custody.audit.AuditLog;
import org.custody.screening.ScreeningEngine;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, sessions, CSRF, API tokens and error shapes, over real HTTP against a real database. */
@Tag("db")
class ServerAuthTest {

    @TempDir
    static Path home;
    static Database db;
    static TestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabases.fresh();
        server = new TestServer(db, home, () -> ScreeningEngine.build(List.of(), List.of()),
                new LoginThrottle(3, 50, Duration.ofMinutes(15), Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return ServerApp.JSON.readTree(r.body());
    }

    @Test
    void healthIsOpenAndEverythingElseWantsASignIn() throws Exception {
        HttpResponse<String> h = server.anon("/healthz");
        assertThat(h.statusCode()).isEqualTo(200);
        assertThat(json(h).get("status").asText()).isEqualTo("ok");

        HttpResponse<String> api = server.anon("/openapi.json");
        assertThat(api.statusCode()).isEqualTo(401);
        JsonNode e = json(api);
        assertThat(e.get("error").asText()).isEqualTo("unauthorized");
        assertThat(e.get("detail").asText()).contains("sign in");
        assertThat(e.has("field")).isTrue();

        // a page answers 401 with the sign-in form, remembering where the user wanted to go
        HttpResponse<String> page = server.anon("/api-docs");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("<form method=\"post\" action=\"/login\"").contains("value=\"/api-docs\"");
    }

    @Test
    void aSignInSetsAStrictHttpOnlySessionCookieAndSignOutNeedsTheCsrfToken() throws Exception {
        String user = server.user(Role.ANALYST);
        TestServer.Browser b = server.signIn(user, TestServer.PASSWORD);
        assertThat(server.get("/openapi.json", b).statusCode()).isEqualTo(200);
        HttpResponse<String> home = server.get("/", b);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Signed in as <strong>" + user + "</strong> (analyst)").contains("value=\"" + b.csrf() + "\"");

        // the cookie's attributes
        HttpResponse<String> form = server.anon("/login");
        String loginCookie = TestServer.cookieFrom(form, AuthRoutes.LOGIN_CSRF_COOKIE);
        HttpResponse<String> ok = server.postForm("/login", Map.of("username", user, "password", TestServer.PASSWORD,
                "_csrf", TestServer.field(form.body(), "_csrf"), "next", "//evil.example/x"), AuthRoutes.LOGIN_CSRF_COOKIE + "=" + loginCookie, null);
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).hasValue("/");        // never off-site
        assertThat(TestServer.setCookieHeader(ok, Authenticator.SESSION_COOKIE))
                .contains("HttpOnly").contains("SameSite=Strict").contains("Path=/").doesNotContain("Secure");

        // sign-out without the CSRF token is refused; with it the session ends
        assertThat(server.postForm("/logout", Map.of(), b.cookie(), null).statusCode()).isEqualTo(403);
        HttpResponse<String> out = server.postForm("/logout", Map.of("_csrf", b.csrf()), b.cookie(), null);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(server.get("/openapi.json", b).statusCode()).isEqualTo(401);
    }

    @Test
    void aSignInWithoutTheFormsTokenIsRefused() throws Exception {
        String user = server.user(Role.AUDITOR);
        HttpResponse<String> r = server.postForm("/login", Map.of("username", user, "password", TestServer.PASSWORD, "_csrf", "forged"),
                AuthRoutes.LOGIN_CSRF_COOKIE + "=other", null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(h -> h.startsWith(Authenticator.SESSION_COOKIE + "=") && !h.contains("Max-Age=0"));
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhileEvenWithTheRightOne() throws Exception {
        server.services.accounts().create("locked-out", Role.ANALYST, TestServer.PASSWORD.toCharArray(), "test");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> form = server.anon("/login");
            HttpResponse<String> r = server.postForm("/login", Map.of("username", "locked-out", "password", "wrong password " + i,
                    "_csrf", TestServer.field(form.body(), "_csrf")), AuthRoutes.LOGIN_CSRF_COOKIE + "=" + TestServer.cookieFrom(form, AuthRoutes.LOGIN_CSRF_COOKIE), null);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("Wrong user name or password");
        }
        HttpResponse<String> form = server.anon("/login");
        HttpResponse<String> r = server.postForm("/login", Map.of("username", "locked-out", "password", TestServer.PASSWORD,
                "_csrf", TestServer.field(form.body(), "_csrf")), AuthRoutes.LOGIN_CSRF_COOKIE + "=" + TestServer.cookieFrom(form, AuthRoutes.LOGIN_CSRF_COOKIE), null);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void apiTokensAuthenticateWithoutCsrfAndBadTokensAre401() throws Exception {
        String token = server.token(Role.SUPERVISOR);
        HttpResponse<String> me = server.get("/api/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("role").asText()).isEqualTo("supervisor");
        assertThat(json(me).get("via").asText()).isEqualTo("token");

        assertThat(server.get("/api/me", "cust_not-a-token").statusCode()).isEqualTo(401);
        HttpResponse<String> basic = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/me"))
                .header("Authorization", "Basic YWRtaW46YWRtaW4=").GET().build());
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(json(basic).get("detail").asText()).contains("Bearer");
    }

    @Test
    void unknownRoutesAre404InTheErrorShape() throws Exception {
        HttpResponse<String> r = server.anon("/no/such/route");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void theOpenApiDocumentListsEveryApiRouteWithItsRoles() throws Exception {
        JsonNode doc = json(server.get("/openapi.json", server.token(Role.AUDITOR)));
        assertThat(doc.get("openapi").asText()).startsWith("3.1");
        for (Route r : server.app.routes()) {
            if (r.kind() == Route.Kind.PAGE && !r.path().equals("/login") && !r.path().equals("/logout")) continue;
            JsonNode op = doc.get("paths").get(r.path()).get(r.method().name().toLowerCase());
            assertThat(op).as(r.method() + " " + r.path()).isNotNull();
            if (!r.open()) assertThat(op.get("x-roles").toString()).contains("admin");
        }
        assertThat(server.get("/api-docs", server.signIn(server.user(Role.AUDITOR), TestServer.PASSWORD)).body())
                .contains("/webjars/swagger-ui/" + SystemRoutes.SWAGGER_UI + "/swagger-ui-bundle.js");
        assertThat(server.anon("/webjars/swagger-ui/" + SystemRoutes.SWAGGER_UI + "/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aChangeMadeThroughTheServerIsAuditedAsTheSignedInAccount() throws Exception {
        String admin = server.user(Role.ADMIN);
        TestServer.Browser b = server.signIn(admin, TestServer.PASSWORD);
        String body = "{\"username\":\"made-by-web\",\"role\":\"auditor\"}";
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(server.base + "/api/users")).header("Cookie", b.cookie())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        assertThat(server.send(req.build()).statusCode()).isEqualTo(403);            // no CSRF token
        HttpResponse<String> created = server.send(req.header(Authenticator.CSRF_HEADER, b.csrf()).build());
        assertThat(created.statusCode()).isEqualTo(201);
        String password = json(created).get("password").asText();
        assertThat(server.services.accounts().authenticate("made-by-web", password.toCharArray())).isPresent();
        List<AuditEntry> entries = db.read(c -> AuditLog.entries(c, "user:made-by-web"));
        assertThat(entries).extracting(AuditEntry::actor).containsExactly(admin);

        HttpResponse<String> dup = server.send(req.build());
        assertThat(dup.statusCode()).isEqualTo(409);
        HttpResponse<String> bad = server.postJson("/api/users", "{\"username\":\"x y\",\"role\":\"auditor\"}", server.token(Role.ADMIN));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("field").asText()).isEqualTo("username");
        HttpResponse<String> malformed = server.postJson("/api/users", "{\"username\":", server.token(Role.ADMIN));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("detail").asText()).contains("not valid JSON");
    }

    @Test
    void accountChangesAreAuditedWithTheirActor() throws Exception {
        server.services.accounts().create("audited-user", Role.AUDITOR, TestServer.PASSWORD.toCharArray(), "carol");
        List<AuditEntry> entries = db.read(c -> AuditLog.entries(c, "user:audited-user"));
        assertThat(entries).extracting(AuditEntry::actor, AuditEntry::action).containsExactly(org.assertj.core.groups.Tuple.tuple("carol", "account.create"));
        java.util.Optional<AuditEntry> broken = db.read(AuditLog::firstBrokenLink);
        assertThat(broken).isEmpty();
    }
}
