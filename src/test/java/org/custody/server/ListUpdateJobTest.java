package org.custody.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custody.accounts.Role;
import org.custody.audit.AuditLog;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list update through the server, as the update page starts it: a job that fetches the real UN list from
 * a local publisher, shows its progress (files fetched of files to fetch, the download under way), imports
 * it as the signed-in user, and answers with the version imported. The page itself renders the form.
 */
@Tag("db")
class ListUpdateJobTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path UN = Path.of("data/lists/un-sc/consolidated.xml");

    @TempDir
    static Path home;
    static Database db;
    static TestServer server;
    static HttpServer publisher;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabases.fresh();
        server = new TestServer(db, home);
        publisher = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        publisher.createContext("/un/consolidated.xml", ex -> {
            byte[] body = Files.readAllBytes(UN);
            try (ex) {
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(body);
                }
            }
        });
        publisher.start();
    }

    @AfterAll
    static void stop() {
        publisher.stop(0);
        server.close();
        db.close();
    }

    @Test
    void theUpdateJobReportsItsProgressAndImportsAsTheCaller() throws Exception {
        String analyst = server.token(Role.ANALYST);
        String source = "un-sc=http://127.0.0.1:" + publisher.getAddress().getPort() + "/un/consolidated.xml";
        HttpResponse<String> started = server.postJson("/api/lists/update",
                "{\"sources\": [\"" + source + "\"], \"timeoutSeconds\": 60}", analyst);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode job = JSON.readTree(started.body());
        for (int i = 0; i < 1200 && job.path("state").asText().equals("running"); i++) {   // at most ~10 minutes
            Thread.sleep(500);
            job = JSON.readTree(server.get(location, analyst).body());
        }
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.path("total").asInt()).isEqualTo(1);
        assertThat(job.path("done").asInt()).isEqualTo(1);
        assertThat(job.path("results").get(0).path("file").asText()).isNotBlank();
        assertThat(job.path("results").get(0).path("bytes").asLong()).isEqualTo(Files.size(UN));
        JsonNode imported = job.path("outcome").path("imported").get(0);
        assertThat(imported.path("list").asText()).isEqualTo("un-sc");
        assertThat(imported.path("version").asInt()).isEqualTo(1);
        assertThat(db.read(c -> AuditLog.entries(c, null)).stream().filter(e -> e.action().startsWith("lists."))
                .map(e -> e.actor())).isNotEmpty().allMatch("analyst"::equals);
        // another account does not see the job
        assertThat(server.get(location, server.token(Role.SUPERVISOR)).statusCode()).isEqualTo(404);
    }

    @Test
    void thePageShowsTheFormToWhoMayUpdateOnly() throws Exception {
        HttpResponse<String> page = server.get("/lists/update", server.token(Role.ANALYST));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"lists-form\"").contains("/static/web/lists.js");
        assertThat(server.get("/lists/update", server.token(Role.AUDITOR)).statusCode()).isEqualTo(403);
    }
}
