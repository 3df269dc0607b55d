package org.custody.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.custody.accounts.Role;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks the whole route table × every role: a role the route's capability allows is never answered 401
 * or 403; any other role is answered 403; a request without credentials is answered 401 (except the
 * open routes). State-changing requests carry a malformed JSON body and ids that do not exist, so writes
 * stop at validation (400) or find nothing (404) and the walk changes no record (and starts no download);
 * what matters here is that the access decision comes before anything else.
 */
@Tag("db")
class RoleMatrixTest {

    @TempDir
    static Path home;
    static Database db;
    static TestServer server;
    static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);

    @BeforeAll
    static void start() {
        db = TestDatabases.fresh();
        server = new TestServer(db, home);
        for (Role r : Role.values()) TOKENS.put(r, server.token(r));
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    static HttpRequest request(Route r, String bearer) {
        String path = r.path().replaceAll("\\{[a-zA-Z0-9_]+}", "0");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base + path));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{\"unfinished\":");
        b.header("Content-Type", "application/json");
        return b.method(r.method().name(), r.method().name().equals("GET") ? HttpRequest.BodyPublishers.noBody() : body).build();
    }

    @Test
    void everyRouteAnswersEveryRoleAsTheRoleTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Route r : server.app.routes()) {
            for (Role role : Role.values()) {
                HttpResponse<String> res = server.send(request(r, TOKENS.get(role)));
                int s = res.statusCode();
                if (r.open()) {
                    // an open route's answer does not depend on who asks
                    int anon = server.send(request(r, null)).statusCode();
                    if (s != anon || s == 401) wrong.add(r.method() + " " + r.path() + " as " + role.wire() + ": " + s + ", anonymous " + anon);
                    checked++;
                    continue;
                }
                boolean allowed = role.may(r.needs());
                if (allowed && (s == 401 || s == 403)) wrong.add(r.method() + " " + r.path() + " as " + role.wire() + ": " + s + " but allowed");
                if (!allowed && s != 403) wrong.add(r.method() + " " + r.path() + " as " + role.wire() + ": " + s + " but refused");
                if (allowed && r.changesState() && s != 400 && s != 404 && !r.path().equals("/logout")) {
                    wrong.add(r.method() + " " + r.path() + " as " + role.wire() + ": " + s + " (a malformed request must change nothing)");
                }
                if (s >= 500) wrong.add(r.method() + " " + r.path() + " as " + role.wire() + ": " + s + " " + res.body());
                checked++;
            }
            HttpResponse<String> anonymous = server.send(request(r, null));
            if (!r.open() && anonymous.statusCode() != 401) {
                wrong.add(r.method() + " " + r.path() + " anonymous: " + anonymous.statusCode());
            }
            if (r.open() && anonymous.statusCode() == 401) wrong.add(r.method() + " " + r.path() + " is open but answered 401");
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isEqualTo(server.app.routes().size() * Role.values().length);
    }

    @Test
    void onlyTheSignInHealthAndStaticFilesAreOpen() {
        assertThat(server.app.routes().stream().filter(Route::open).map(r -> r.method() + " " + r.path()))
                .containsExactlyInAnyOrder("GET /login", "POST /login", "GET /healthz");
    }

    @Test
    void aRefusalSaysWhichRolesMay() throws Exception {
        Route readOnlyRefused = server.app.routes().stream().filter(r -> !r.open() && !Role.AUDITOR.may(r.needs())).findFirst().orElseThrow();
        HttpResponse<String> res = server.send(request(readOnlyRefused, TOKENS.get(Role.AUDITOR)));
        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(res.body()).contains("\"error\":\"forbidden\"").contains("the role auditor may not").contains("admin");
    }
}
