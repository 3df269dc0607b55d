package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.custody.accounts.LoginThrottle;
import org.custody.accounts.Role;
import org.custody.audit.AuditEntry;
import org.custody.audit.AuditLog;
import org.custody.config.CustodyHome;
import org.custody.server.ServerApp;
import org.custody.server.TestServer;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON API on the demo's data (real lists, demo ledger, demo evidence, detected cases), as clients use
 * it: read every area, work a case from open to confirmed, vet a unit, ingest an upload, and find each
 * change in the audit log under the account that made it.
 */
@Tag("db")
class ServerApiOnDemoTest {

    @TempDir
    static Path home;
    static Database db;
    static CliContext context;
    static TestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabases.fresh();
        context = new CliContext(new CustodyHome(home), db);
        CliRun demo = CliRun.run(context, "demo");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        server = new TestServer(db, home, context::screener, new LoginThrottle(5, 20, Duration.ofMinutes(15), Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        server.close();
        context.close();
        db.close();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return ServerApp.JSON.readTree(r.body());
    }

    static HttpResponse<String> patch(String path, String body, String token) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create(server.base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void aCaseIsWorkedFromOpenToConfirmedAndEachStepIsAuditedAsItsAccount() throws Exception {
        String analyst = server.token(Role.ANALYST);
        JsonNode cases = json(server.get("/api/cases?status=open&limit=50", analyst));
        assertThat(cases.get("total").asInt()).isPositive();
        long id = cases.get("items").get(0).get("id").asLong();
        JsonNode detail = json(server.get("/api/cases/" + id, analyst));
        assertThat(detail.get("factors").size()).isPositive();
        assertThat(detail.get("next").toString()).contains("under_review");

        assertThat(patch("/api/cases/" + id, "{\"status\":\"confirmed\",\"reason\":\"skip\"}", analyst).statusCode()).isEqualTo(409);
        assertThat(patch("/api/cases/" + id, "{\"status\":\"under_review\"}", analyst).statusCode()).isEqualTo(400);
        assertThat(patch("/api/cases/" + id, "{\"status\":\"under_review\",\"reason\":\"checking the sources\"}",
                server.token(Role.AUDITOR)).statusCode()).isEqualTo(403);
        HttpResponse<String> review = patch("/api/cases/" + id, "{\"status\":\"under_review\",\"reason\":\"checking the sources\"}", analyst);
        assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
        assertThat(server.postJson("/api/cases/" + id + "/notes", "{\"note\":\"two independent origins\"}", analyst).statusCode()).isEqualTo(201);
        JsonNode confirmed = json(patch("/api/cases/" + id, "{\"status\":\"confirmed\",\"reason\":\"serials match the delivery\"}", analyst));
        assertThat(confirmed.get("status").asText()).isEqualTo("confirmed");
        assertThat(confirmed.get("next").size()).isZero();
        assertThat(confirmed.get("history").toString()).contains("two independent origins").contains("analyst");

        List<AuditEntry> audit = db.read(c -> AuditLog.entries(c, null));
        assertThat(audit.stream().filter(e -> e.subject().contains(String.valueOf(id)) && e.actor().equals("analyst")))
                .as("the case's changes are the analyst's").hasSizeGreaterThanOrEqualTo(3);
        assertThat(json(server.get("/api/audit/verify", analyst)).get("intact").asBoolean()).isTrue();

        JsonNode ftm = json(server.get("/api/cases/" + id + "/ftm", analyst));
        assertThat(ftm.toString()).contains("\"schema\":\"Event\"").contains("\"schema\":\"Organization\"");
    }

    @Test
    void aUnitIsVettedThroughTheApi() throws Exception {
        String officer = server.token(Role.VETTING_OFFICER);
        HttpResponse<String> req = server.postJson("/api/vetting/requests",
                "{\"unit\":\"IQ-CTS\",\"purpose\":\"training\",\"for\":\"API course\",\"asOf\":\"2015-06-01\"}", officer);
        assertThat(req.statusCode()).as(req.body()).isEqualTo(201);
        long id = json(req).get("id").asLong();
        JsonNode checked = json(server.postJson("/api/vetting/requests/" + id + "/check", "", officer));
        assertThat(checked.get("check").get("nodesScreened").asInt()).isPositive();
        HttpResponse<String> decision = server.postJson("/api/vetting/requests/" + id + "/decision",
                "{\"outcome\":\"approved\",\"reason\":\"nothing derogatory\",\"expires\":\"2016-06-01\"}", officer);
        assertThat(decision.statusCode()).as(decision.body()).isEqualTo(201);
        assertThat(json(decision).get("officer").asText()).isEqualTo("vetting-officer");
        JsonNode clearance = json(server.get("/api/vetting/clearance?unit=IQ-CTS&date=2015-07-01", officer));
        assertThat(clearance.has("cleared")).isTrue();
        assertThat(clearance.get("explanation").asText()).isNotBlank();
        assertThat(server.postJson("/api/vetting/requests/" + id + "/decision",
                "{\"outcome\":\"maybe\",\"reason\":\"x\",\"expires\":\"2016-06-01\"}", officer).statusCode()).isEqualTo(400);
    }

    @Test
    void ledgerMonitoringRiskListsAndEvidenceAreReadable() throws Exception {
        String t = server.token(Role.AUDITOR);
        JsonNode units = json(server.get("/api/ledger/units?limit=2", t));
        assertThat(units.get("items").size()).isEqualTo(2);
        assertThat(units.get("total").asInt()).isGreaterThan(2);
        JsonNode unit = json(server.get("/api/ledger/units/IQ-9AD", t));
        assertThat(unit.get("unit").get("code").asText()).isEqualTo("IQ-9AD");
        assertThat(unit.has("commanders")).isTrue();
        assertThat(unit.has("deliveries")).isTrue();
        assertThat(server.get("/api/ledger/units/NO-SUCH", t).statusCode()).isEqualTo(404);
        JsonNode serial = json(server.get("/api/ledger/serials/AB1A-10001", t));
        assertThat(serial.get("items").size()).isPositive();
        JsonNode transfers = json(server.get("/api/ledger/transfers", t));
        String caseId = transfers.get("items").get(0).get("caseId").asText();
        assertThat(json(server.get("/api/ledger/transfers/" + caseId, t)).get("lots").size()).isPositive();
        assertThat(json(server.get("/api/eum/status?unit=IQ-9AD&asOf=2015-06-30", t)).has("items")).isTrue();
        assertThat(server.get("/api/eum/status", t).statusCode()).isEqualTo(400);
        assertThat(json(server.get("/api/risk", t)).get("total").asInt()).isPositive();
        assertThat(json(server.get("/api/lists", t)).get("lists").toString()).contains("ofac-sdn").contains("un-sc");
        JsonNode docs = json(server.get("/api/evidence/documents", t));
        assertThat(docs.get("total").asInt()).isGreaterThanOrEqualTo(7);
        String doc = docs.get("items").get(0).get("id").asText();
        JsonNode one = json(server.get("/api/evidence/documents/" + doc, t));
        assertThat(one.get("body").asText()).isNotBlank();
        assertThat(one.has("mentions")).isTrue();
        assertThat(one.has("claims")).isTrue();
        assertThat(json(server.get("/api/evidence/stories", t)).get("total").asInt()).isPositive();
        assertThat(json(server.get("/api/audit?limit=3", t)).get("items").size()).isEqualTo(3);
    }

    @Test
    void anUploadedReportIsIngestedAsAJobWithProgress() throws Exception {
        String analyst = server.token(Role.ANALYST);
        String boundary = "----custody" + System.nanoTime();
        String text = "Title: Armour seen near Baiji\nOutlet: Test Wire\nPublished: 2015-07-01\n\n"
                + "BAIJI, Iraq - Fighters of Kata'ib Hizballah drove M1A1 Abrams tanks near Baiji on Tuesday, witnesses said.\n";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload-2015-07-01.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> started = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/evidence"))
                .header("Authorization", "Bearer " + analyst).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode job = json(started);
        for (int i = 0; i < 600 && job.get("state").asText().equals("running"); i++) {
            Thread.sleep(100);
            job = json(server.get(location, analyst));
        }
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("total").asInt()).isEqualTo(1);
        assertThat(job.get("done").asInt()).isEqualTo(1);
        assertThat(job.get("results").get(0).get("documents").get(0).get("claims").asInt()).isPositive();
        String docId = job.get("results").get(0).get("documents").get(0).get("id").asText();
        List<AuditEntry> audit = db.read(c -> AuditLog.entries(c, docId));
        assertThat(audit).extracting(AuditEntry::actor).containsExactly("analyst");
        // another account does not see this job
        assertThat(server.get(location, server.token(Role.AUDITOR)).statusCode()).isEqualTo(404);
    }
}
