package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.custody.audit.AuditEntry;
import org.custody.audit.AuditLog;
import org.custody.config.CustodyHome;
import org.custody.lists.SharedData;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("db")
class ListsCommandTest {

    @TempDir
    Path home;
    @TempDir
    Path files;

    Database db;
    CliContext ctx;
    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void open() {
        db = TestDatabases.fresh();
        ctx = new CliContext(new CustodyHome(home), db);
    }

    @AfterEach
    void close() {
        if (server != null) server.stop(0);
        db.close();
    }

    private JsonNode show() throws IOException {
        CliRun r = CliRun.run(ctx, "lists", "show", "--json");
        assertThat(r.exitCode()).isZero();
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : r.lines()) nodes.add(Json.MAPPER.readTree(l));
        return Json.MAPPER.valueToTree(nodes);
    }

    private JsonNode list(JsonNode shown, String id) {
        for (JsonNode n : shown) if (n.get("list").asText().equals(id)) return n;
        return null;
    }

    @Test
    void importDetectsFormatsAndShowReportsVersionsInJson() throws IOException {
        CliRun r = CliRun.run(ctx, "lists", "import", "--json", SharedData.dir("ofac-sdn-2021-07").toString(),
                SharedData.dir("un-sc").resolve("UN_consolidated.xml").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(2);
        JsonNode first = Json.MAPPER.readTree(r.lines().get(0));
        assertThat(first.get("list").asText()).isEqualTo("ofac-sdn");
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("entities").asInt()).isEqualTo(8976);
        assertThat(first.get("unchanged").asBoolean()).isFalse();

        JsonNode shown = show();
        assertThat(shown).hasSize(2);
        JsonNode un = list(shown, "un-sc");
        assertThat(un.get("current").get("entities").asInt()).isEqualTo(1003);
        assertThat(un.get("current").get("publishedAt").asText()).isEqualTo("2026-02-27T00:00:09.554Z");
        assertThat(un.get("current").get("validTo").isNull()).isTrue();
        assertThat(un.get("history")).hasSize(1);
        assertThat(un.get("current").fieldNames()).toIterable().contains("version", "importedAt", "validFrom",
                "contentHash", "source", "counts");
        // each version cites its own files, each with its SHA-256, and no other list's
        String unSource = un.get("current").get("source").asText();
        String ofacSource = list(shown, "ofac-sdn").get("current").get("source").asText();
        assertThat(unSource).containsPattern("UN_consolidated\\.xml sha256:[0-9a-f]{64} \\(\\d+ bytes\\)")
                .doesNotContain("sdn.csv");
        assertThat(ofacSource).containsPattern("sdn\\.csv sha256:[0-9a-f]{64}").contains("alt.csv sha256:")
                .doesNotContain("consolidated");

        CliRun human = CliRun.run(ctx, "lists", "show");
        assertThat(human.out()).contains("ofac-sdn  version 1  8976 entities").contains("now (current)");
        assertThat(human.out()).contains("file: ").contains("published date not stated by the publisher");
    }

    @Test
    void malformedImportIsRefusedNamingFileLineAndFieldAndThePreviousVersionStays() throws IOException {
        assertThat(CliRun.run(ctx, "lists", "import", SharedData.dir("ofac-sdn-2021-07").toString()).exitCode()).isZero();
        Path bad = Files.createDirectories(files.resolve("bad"));
        List<String> lines = new ArrayList<>(Files.readAllLines(SharedData.dir("ofac-sdn").resolve("sdn.csv")));
        lines.set(99, lines.get(99).replaceFirst("^(\\d+,\"[^\"]*\"),[^,]*,", "$1,\"submarine\","));
        Files.write(bad.resolve("sdn.csv"), lines);
        CliRun r = CliRun.run(ctx, "lists", "import", bad.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("sdn.csv:100: field SDN_Type: unknown SDN_Type 'submarine'")
                .contains("previous version stays current");
        JsonNode sdn = list(show(), "ofac-sdn");
        assertThat(sdn.get("current").get("version").asInt()).isEqualTo(1);
        assertThat(sdn.get("current").get("entities").asInt()).isEqualTo(8976);
        assertThat(audit()).extracting(AuditEntry::action).containsExactly("lists.import", "lists.import.refused");
    }

    @Test
    void reimportOfTheSameFilesIsRecognised() {
        String dir = SharedData.dir("ofac-sdn-2021-07").toString();
        assertThat(CliRun.run(ctx, "lists", "import", dir).exitCode()).isZero();
        CliRun again = CliRun.run(ctx, "lists", "import", dir);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("ofac-sdn: unchanged, same content as the current version 1");
    }

    @Test
    void bundledListsImport() {
        CliRun r = CliRun.run(ctx, "lists", "import", "--bundled");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("ofac-sdn: version 1 is now current (14965 entities)")
                .contains("un-sc: version 1 is now current (1003 entities");
        assertThat(r.err()).contains("orphans");
    }

    // ---- lists update against a local HTTP server ----

    private String startServer(Path ofacDir, Path unFile, String failing, String failure) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            Path f = path.startsWith("/ofac/") ? ofacDir.resolve(path.substring(6).toLowerCase())
                    : path.equals("/un/consolidated.xml") ? unFile : null;
            try (ex) {
                if (path.equals(failing) && failure.equals("404")) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                if (f == null || !Files.isRegularFile(f)) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(f);
                if (path.equals(failing) && failure.equals("truncate")) {
                    // promise the whole file, send half, hang up: a connection lost mid-way
                    ex.sendResponseHeaders(200, body.length);
                    OutputStream os = ex.getResponseBody();
                    os.write(body, 0, body.length / 2);
                    os.flush();
                    return;
                }
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(body);
                }
            } catch (IOException ignored) {
                // the client went away
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private String[] updateArgs(String base) {
        return new String[] {"lists", "update", "--timeout", "20", "--source",
                "ofac-sdn=" + base + "/ofac/SDN.CSV", "ofac-sdn=" + base + "/ofac/ALT.CSV",
                "ofac-sdn=" + base + "/ofac/ADD.CSV", "ofac-sdn=" + base + "/ofac/SDN_COMMENTS.CSV",
                "un-sc=" + base + "/un/consolidated.xml"};
    }

    @Test
    void updateFetchesEverythingThenImportsInOneGo() throws IOException {
        assertThat(CliRun.run(ctx, "lists", "import", SharedData.dir("ofac-sdn-2021-07").toString()).exitCode()).isZero();
        String base = startServer(SharedData.dir("ofac-sdn"), SharedData.dir("un-sc").resolve("UN_consolidated.xml"),
                "", "");
        CliRun r = CliRun.run(ctx, updateArgs(base));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("ofac-sdn: version 2 is now current (14965 entities, replaces version 1)")
                .contains("un-sc: version 1 is now current (1003 entities");
        // standard error is not a terminal here: no progress-bar frames, only the one-line notes
        assertThat(r.err()).doesNotContain("[=").doesNotContain("KiB");
        assertThat(requests.get()).isEqualTo(5);
        JsonNode sdn = list(show(), "ofac-sdn");
        assertThat(sdn.get("current").get("source").asText()).contains(base + "/ofac/SDN.CSV");
        assertThat(sdn.get("history")).hasSize(2);
        assertThat(leftoverDownloads()).isEmpty();

        CliRun again = CliRun.run(ctx, updateArgs(base));
        assertThat(again.out()).contains("ofac-sdn: unchanged").contains("un-sc: unchanged");
    }

    @Test
    void aConnectionLostMidwayLeavesEveryListAsItWas() throws IOException {
        assertThat(CliRun.run(ctx, "lists", "import", SharedData.dir("ofac-sdn-2021-07").toString()).exitCode()).isZero();
        String base = startServer(SharedData.dir("ofac-sdn"), SharedData.dir("un-sc").resolve("UN_consolidated.xml"),
                "/ofac/ADD.CSV", "truncate");
        CliRun r = CliRun.run(ctx, updateArgs(base));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("update failed, nothing imported").contains("/ofac/ADD.CSV");
        JsonNode shown = show();
        assertThat(shown).hasSize(1);
        assertThat(list(shown, "ofac-sdn").get("current").get("version").asInt()).isEqualTo(1);
        assertThat(list(shown, "ofac-sdn").get("current").get("entities").asInt()).isEqualTo(8976);
        assertThat(leftoverDownloads()).isEmpty();
        assertThat(audit()).extracting(AuditEntry::action)
                .containsExactly("lists.import", "lists.import.refused", "lists.import.refused");
    }

    @Test
    void aMissingFileOrAMalformedDownloadIsRefusedToo() throws IOException {
        assertThat(CliRun.run(ctx, "lists", "import", SharedData.dir("ofac-sdn-2021-07").toString()).exitCode()).isZero();
        String base = startServer(SharedData.dir("ofac-sdn"), SharedData.dir("un-sc").resolve("UN_consolidated.xml"),
                "/un/consolidated.xml", "404");
        CliRun missing = CliRun.run(ctx, updateArgs(base));
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("HTTP 404");
        server.stop(0);

        Path broken = Files.createDirectories(files.resolve("broken"));
        for (String f : List.of("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")) {
            Files.copy(SharedData.dir("ofac-sdn").resolve(f), broken.resolve(f));
        }
        byte[] alt = Files.readAllBytes(broken.resolve("alt.csv"));
        String text = new String(alt, StandardCharsets.UTF_8);
        int cut = text.indexOf('\n', text.length() / 3);
        Files.writeString(broken.resolve("alt.csv"), text.substring(0, cut + 1) + "12,\"unclosed,\"aka\"\r\n"
                + text.substring(cut + 1));
        base = startServer(broken, SharedData.dir("un-sc").resolve("UN_consolidated.xml"), "", "");
        CliRun malformed = CliRun.run(ctx, updateArgs(base));
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err()).contains("alt.csv:").contains("field alt_num");
        assertThat(list(show(), "ofac-sdn").get("current").get("version").asInt()).isEqualTo(1);
        assertThat(list(show(), "un-sc")).isNull();
    }

    private List<Path> leftoverDownloads() throws IOException {
        Path d = home.resolve("downloads");
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }

    private List<AuditEntry> audit() {
        return db.read(c -> AuditLog.entries(c, null));
    }
}
