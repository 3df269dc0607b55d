package org.custody.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.custody.accounts.Role;
import org.custody.audit.AuditLog;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.ledger.LedgerImports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoints that close the gaps between the command line and the API: EUM follow-ups, vetting
 * affiliations, case links, the article catalogue and by-article queries, audit checkpoints, and the
 * quarterly report (issue, list, download, verify). Each over HTTP on the demo ledger, checking what
 * the CLI's command would have recorded and that the audit log names the signed-in account.
 */
@Tag("db")
class ServerEndpointsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    static Database db;
    static TestServer server;
    static String supervisor;

    @BeforeAll
    static void start() {
        db = TestDatabases.fresh();
        server = new TestServer(db, home);
        LedgerImports.importPath(db, Path.of("data/demo/ledger-iraq.json"), false, null, "test");
        supervisor = server.token(Role.SUPERVISOR);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    static String lastActor(String action) {
        return db.read(c -> AuditLog.entries(c, null)).stream().filter(e -> e.action().equals(action))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no audit entry " + action)).actor();
    }

    @Test
    void aFollowUpIsRecordedOnTheSerialAndAuditedAsTheCaller() throws Exception {
        HttpResponse<String> r = server.postJson("/api/eum/follow-ups", """
                {"serial": "AB1A-10001", "date": "2011-03-01", "outcome": "located", "note": "seen at the Taji depot"}""", supervisor);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).path("outcome").asText()).isEqualTo("LOCATED");
        assertThat(lastActor("eum.follow-up")).isEqualTo("supervisor");
        JsonNode chain = json(server.get("/api/ledger/serials/AB1A-10001", supervisor));
        assertThat(chain.toString()).contains("seen at the Taji depot");

        HttpResponse<String> badOutcome = server.postJson("/api/eum/follow-ups", """
                {"serial": "AB1A-10001", "date": "2011-03-01", "outcome": "lost", "note": "x"}""", supervisor);
        assertThat(badOutcome.statusCode()).isEqualTo(400);
        assertThat(json(badOutcome).path("field").asText()).isEqualTo("outcome");
        HttpResponse<String> unknown = server.postJson("/api/eum/follow-ups", """
                {"serial": "NO-SUCH-SERIAL-1", "date": "2011-03-01", "outcome": "pending", "note": "x"}""", supervisor);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).path("detail").asText()).contains("NO-SUCH-SERIAL-1");
    }

    @Test
    void anAffiliationIsRecordedAndListedWithTheUnitsCode() throws Exception {
        HttpResponse<String> r = server.postJson("/api/vetting/affiliations", """
                {"from": "unit:IQ-35BDE", "relation": "backed_by", "toOrg": "Example Militia Network",
                 "aliases": ["EMN"], "source": "a UN panel report, para. 12"}""", supervisor);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).path("from").asText()).isEqualTo("unit:IQ-35BDE");
        assertThat(json(r).path("toName").asText()).isEqualTo("Example Militia Network");
        assertThat(lastActor("vet.affiliation")).isEqualTo("supervisor");
        JsonNode list = json(server.get("/api/vetting/affiliations?node=unit:IQ-35BDE", supervisor));
        assertThat(list.path("total").asInt()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("relation").asText()).isEqualTo("backed_by");

        assertThat(server.postJson("/api/vetting/affiliations", """
                {"from": "unit:IQ-35BDE", "relation": "likes", "toOrg": "X", "source": "s"}""", supervisor).statusCode()).isEqualTo(400);
        assertThat(server.postJson("/api/vetting/affiliations", """
                {"from": "unit:IQ-35BDE", "relation": "part_of", "source": "s"}""", supervisor).statusCode()).isEqualTo(400);
    }

    @Test
    void theCatalogueAnswersListsResolutionsAdditionsAndByArticleQueries() throws Exception {
        JsonNode tanks = json(server.get("/api/ledger/catalog?category=MAIN_BATTLE_TANK", supervisor));
        assertThat(tanks.path("items").findValuesAsText("id")).contains("m1a1-abrams");
        JsonNode resolved = json(server.get("/api/ledger/catalog/resolve?text=two%20Humvees%20and%20a%20tank", supervisor));
        assertThat(resolved.path("mentions").size()).isGreaterThanOrEqualTo(2);
        assertThat(resolved.path("mentions").get(0).path("explanation").asText()).isNotBlank();

        String article = """
                {"id": "test-lav-25", "category": "INFANTRY_FIGHTING_VEHICLE", "designation": "LAV-25 test", "aliases": ["LAV twenty-five"]}""";
        HttpResponse<String> added = server.postJson("/api/ledger/catalog", article, supervisor);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(lastActor("ledger.catalog.add")).isEqualTo("supervisor");
        assertThat(server.postJson("/api/ledger/catalog", article, supervisor).statusCode()).isEqualTo(409);
        HttpResponse<String> missingField = server.postJson("/api/ledger/catalog", "{\"id\": \"x-1\", \"category\": \"MAIN_BATTLE_TANK\"}", supervisor);
        assertThat(missingField.statusCode()).isEqualTo(400);
        assertThat(json(missingField).path("detail").asText()).contains("designation");

        JsonNode abrams = json(server.get("/api/ledger/by-article?type=M1A1%20Abrams&country=Iraq", supervisor));
        assertThat(abrams.path("total").asInt()).isGreaterThan(0);
        assertThat(abrams.path("items").findValuesAsText("caseId")).contains("IQ-B-UAL");
        assertThat(server.get("/api/ledger/by-article?type=zeppelin&country=Iraq", supervisor).statusCode()).isEqualTo(404);
        JsonNode delivered = json(server.get("/api/ledger/units/IQ-9AD/delivered", supervisor));
        assertThat(delivered.path("items").findValuesAsText("caseId")).contains("IQ-B-UAL");
    }

    @Test
    void linkingToACaseNeedsACaseAndSomethingToLink() throws Exception {
        assertThat(server.postJson("/api/cases/424242/links", "{\"screening\": [\"ofac-sdn:1\"]}", supervisor).statusCode()).isEqualTo(404);
        HttpResponse<String> empty = server.postJson("/api/cases/424242/links", "{}", supervisor);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).path("field").asText()).isEqualTo("vetting");
    }

    @Test
    void auditCheckpointsAreSignedAndExportedAsTheLogFile() throws Exception {
        server.postJson("/api/eum/follow-ups", """
                {"serial": "AB1A-10002", "date": "2011-03-02", "outcome": "pending", "note": "to be looked for"}""", supervisor);
        JsonNode cps = json(server.get("/api/audit/checkpoints", supervisor));
        assertThat(cps.path("publicKeyFingerprint").asText()).startsWith("SHA256:");
        JsonNode last = cps.path("checkpoints").get(cps.path("checkpoints").size() - 1);
        long newest = db.read(c -> AuditLog.entries(c, null)).getLast().seq();
        assertThat(last.path("seq").asLong()).isEqualTo(newest);
        HttpResponse<String> text = server.get("/api/audit/checkpoints?format=text", server.token(Role.AUDITOR));
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).contains(last.path("line").asText());
        assertThat(server.get("/api/audit/checkpoints?format=xml", supervisor).statusCode()).isEqualTo(400);
    }

    @Test
    void aQuarterlyReportIsIssuedDownloadedAndVerified() throws Exception {
        HttpResponse<String> issued = server.postJson("/api/reports/quarterly", "{\"quarter\": \"2010-Q3\", \"formats\": \"html,csv\"}", supervisor);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode report = json(issued);
        assertThat(report.path("files").findValuesAsText("name")).contains("report.html", "figures.csv");
        assertThat(lastActor("report.issued")).isEqualTo("supervisor");
        String id = report.path("id").asText();
        assertThat(json(server.get("/api/reports", supervisor)).path("items").findValuesAsText("id")).contains(id);

        HttpResponse<String> html = server.get("/api/reports/" + id + "/report.html", server.token(Role.AUDITOR));
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.body()).contains("2010-Q3");
        assertThat(server.get("/api/reports/" + id + "/..%2Fsecret", supervisor).statusCode()).isIn(400, 404);
        assertThat(server.get("/api/reports/" + id + "/nothing.pdf", supervisor).statusCode()).isEqualTo(404);

        JsonNode same = json(upload("/api/reports/verify", "report.html", html.body()));
        assertThat(same.path("recorded").asBoolean()).isTrue();
        assertThat(same.path("matches").asBoolean()).as(same.toString()).isTrue();
        JsonNode changed = json(upload("/api/reports/verify", "report.html", html.body().replace("2010-Q3", "2010-Q4")));
        assertThat(changed.path("recorded").asBoolean()).isFalse();

        HttpResponse<String> badQuarter = server.postJson("/api/reports/quarterly", "{\"quarter\": \"2010-Q5\"}", supervisor);
        assertThat(badQuarter.statusCode()).isEqualTo(400);
        assertThat(json(badQuarter).path("field").asText()).isEqualTo("quarter");
        assertThat(server.postJson("/api/reports/quarterly", "{\"quarter\": \"2010-Q3\"}", server.token(Role.ANALYST)).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> upload(String path, String filename, String content) throws Exception {
        String boundary = "----custody-test-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.base + path))
                .header("Authorization", "Bearer " + supervisor)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return server.send(r);
    }
}
