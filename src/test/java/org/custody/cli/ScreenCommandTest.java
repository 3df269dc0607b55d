package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custody.config.CustodyHome;
import org.custody.lists.SharedData;
import org.custody.screening.ScreeningConfig;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screen and compare commands on the real SDN and UN lists, and the JSON shapes other tools rely on. */
@Tag("db")
class ScreenCommandTest {

    @TempDir
    static Path home;
    @TempDir
    Path files;

    static Database db;
    static CliContext ctx;

    @BeforeAll
    static void importLists() {
        db = TestDatabases.fresh();
        ctx = new CliContext(new CustodyHome(home), db);
        CliRun r = CliRun.run(ctx, "lists", "import", SharedData.dir("ofac-sdn").toString(),
                SharedData.dir("un-sc").resolve("UN_consolidated.xml").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<JsonNode> jsonLines(CliRun r) throws IOException {
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> out = new ArrayList<>();
        for (String l : r.lines()) out.add(Json.MAPPER.readTree(l));
        return out;
    }

    private static List<String> fields(JsonNode n) {
        List<String> f = new ArrayList<>();
        n.fieldNames().forEachRemaining(f::add);
        return f;
    }

    @Test
    void screenJsonIsLeanByDefaultOneLinePerQueryBestFirst() throws IOException {
        List<JsonNode> lines = jsonLines(CliRun.run(ctx, "screen", "--json", "KATA'IB HIZBALLAH", "Qassem Soleimani"));
        assertThat(lines).hasSize(2);
        for (JsonNode line : lines) {
            assertThat(fields(line)).containsExactly("query", "hits", "listVersions");
            JsonNode hits = line.get("hits");
            assertThat(hits.size()).isBetween(1, 10);
            double previous = Double.MAX_VALUE;
            for (JsonNode h : hits) {
                assertThat(fields(h)).containsExactly("entityId", "name", "schema", "lists", "score", "alert",
                        "summary");
                double score = h.get("score").asDouble();
                assertThat(score).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
                previous = score;
                assertThat(h.get("alert").asBoolean()).isEqualTo(score >= ScreeningConfig.DEFAULT_ALERT_THRESHOLD);
                assertThat(h.get("lists").isArray()).isTrue();
                assertThat(h.get("summary").asText()).startsWith("score ").contains(h.get("alert").asBoolean() ? " >= " : " < ");
            }
            assertThat(line.get("listVersions")).hasSize(2);
            assertThat(fields(line.get("listVersions").get(0))).containsExactly("list", "version", "publishedAt", "files");
        }
        assertThat(lines.get(0).get("query").asText()).isEqualTo("KATA'IB HIZBALLAH");
        assertThat(lines.get(0).get("hits").get(0).get("entityId").asText()).isEqualTo("ofac-sdn:11462");
        assertThat(lines.get(0).get("hits").get(0).get("alert").asBoolean()).isTrue();
        assertThat(lines.get(1).get("hits").get(0).get("entityId").asText()).isEqualTo("ofac-sdn:10481");
    }

    @Test
    void explainAddsTheFullExplanationAndVersionDetailsWithTheSameHits() throws IOException {
        JsonNode lean = jsonLines(CliRun.run(ctx, "screen", "--json", "Kataib Hezbollah")).getFirst();
        JsonNode full = jsonLines(CliRun.run(ctx, "screen", "--json", "--explain", "Kataib Hezbollah")).getFirst();
        assertThat(full.get("hits").size()).isEqualTo(lean.get("hits").size());
        for (int i = 0; i < full.get("hits").size(); i++) {
            JsonNode f = full.get("hits").get(i), l = lean.get("hits").get(i);
            assertThat(fields(f)).containsExactly("entityId", "name", "schema", "lists", "score", "alert", "explanation");
            assertThat(f.get("entityId")).isEqualTo(l.get("entityId"));
            assertThat(f.get("score")).isEqualTo(l.get("score"));
            assertThat(f.get("explanation").get("summary").asText()).isEqualTo(l.get("summary").asText());
            assertThat(f.get("explanation").get("tokens").size()).isPositive();
            assertThat(f.get("explanation").get("features").size()).isPositive();
        }
        assertThat(fields(full.get("listVersions").get(0))).containsExactly("list", "version", "publishedAt",
                "files", "contentHash");
    }

    /** Each result carries, per list, its version, the SHA-256 of each of its files and the publisher's date. */
    @Test
    void everyResultCarriesTheProvenanceOfEachListUsed() throws Exception {
        Path sdn = SharedData.dir("ofac-sdn").resolve("sdn.csv");
        String sdnHash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(sdn)));
        Path un = SharedData.dir("un-sc").resolve("UN_consolidated.xml");
        String unHash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(un)));
        String generated = java.util.regex.Pattern.compile("dateGenerated=\"([^\"]+)\"")
                .matcher(Files.readString(un).substring(0, 2000)).results().findFirst().orElseThrow().group(1);
        JsonNode line = jsonLines(CliRun.run(ctx, "screen", "--json", "Kataib Hezbollah")).getFirst();
        JsonNode ofac = null, unsc = null;
        for (JsonNode v : line.get("listVersions")) {
            if (v.get("list").asText().equals("ofac-sdn")) ofac = v;
            if (v.get("list").asText().equals("un-sc")) unsc = v;
        }
        assertThat(ofac).isNotNull();
        assertThat(unsc).isNotNull();
        assertThat(ofac.get("publishedAt").isNull()).as("OFAC's CSV files state no date").isTrue();
        List<String> ofacFiles = new ArrayList<>();
        ofac.get("files").forEach(f -> ofacFiles.add(f.get("name").asText()));
        assertThat(ofacFiles).containsExactly("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv");
        assertThat(ofac.get("files").get(0).get("sha256").asText()).isEqualTo(sdnHash);
        assertThat(unsc.get("files")).hasSize(1);
        assertThat(unsc.get("files").get(0).get("sha256").asText()).isEqualTo(unHash);
        assertThat(unsc.get("publishedAt").asText()).startsWith(generated.substring(0, 10));

        CliRun text = CliRun.run(ctx, "screen", "Kataib Hezbollah");
        assertThat(text.out()).contains("# ofac-sdn v1, published date not stated by the publisher; sdn.csv sha256:" + sdnHash)
                .contains("# un-sc v").contains("UN_consolidated.xml sha256:" + unHash)
                .contains(", published " + generated.substring(0, 10));
    }

    @Test
    void aLaterProcessRestoresTheCachedIndexAndAnImportDropsIt() {
        CliRun first = CliRun.run(ctx, "screen", "--json", "--explain", "Kataib Hezbollah", "Qasem Soleimani");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path cached = home.resolve("cache").resolve("screening.bin");
        assertThat(cached).exists();
        CliContext later = new CliContext(new CustodyHome(home), db);
        CliRun second = CliRun.run(later, "screen", "--json", "--explain", "Kataib Hezbollah", "Qasem Soleimani");
        assertThat(later.screenerSource()).startsWith("restored from");
        assertThat(second.out()).isEqualTo(first.out());

        CliRun reimport = CliRun.run(later, "lists", "import", SharedData.dir("un-sc").resolve("UN_consolidated.xml").toString());
        assertThat(reimport.exitCode()).as(reimport.err()).isZero();
        assertThat(cached).as("an import drops the cached index").doesNotExist();
        CliRun third = CliRun.run(later, "screen", "--json", "--explain", "Kataib Hezbollah", "Qasem Soleimani");
        assertThat(later.screenerSource()).isEqualTo("built");
        assertThat(third.out()).isEqualTo(first.out());
        assertThat(cached).exists();
    }

    @Test
    void thresholdAndLimitAreHonoured() throws IOException {
        JsonNode line = jsonLines(CliRun.run(ctx, "screen", "--json", "--limit", "3", "--threshold", "0.999",
                "--schema", "organization", "HIZBALLAH")).getFirst();
        assertThat(line.get("hits").size()).isLessThanOrEqualTo(3);
        for (JsonNode h : line.get("hits")) {
            assertThat(h.get("alert").asBoolean()).isEqualTo(h.get("score").asDouble() >= 0.999);
        }
    }

    @Test
    void humanOutputExplainsTheHit() {
        CliRun r = CliRun.run(ctx, "screen", "Kataib Hezbollah");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("ofac-sdn:11462").contains("ALERT").contains("matched:").contains("ofac-sdn v1");
    }

    @Test
    void batchReadsPlainLinesAndCsvWithANameColumn() throws IOException {
        Path plain = files.resolve("names.txt");
        Files.writeString(plain, "Qasem Soleimani\n\nASAIB AHL AL HAQ\n");
        List<JsonNode> a = jsonLines(CliRun.run(ctx, "screen", "--json", "--batch", plain.toString()));
        assertThat(a).extracting(n -> n.get("query").asText()).containsExactly("Qasem Soleimani", "ASAIB AHL AL HAQ");
        assertThat(a.get(1).get("hits").get(0).get("entityId").asText()).isEqualTo("ofac-sdn:28283");

        Path csv = files.resolve("names.csv");
        Files.writeString(csv, "id,name,schema\n1,\"SOLEIMANI, Qasem\",person\n2,Islamic Revolutionary Guard Corps,organization\n");
        CliRun r = CliRun.run(ctx, "screen", "--json", "--batch", csv.toString());
        List<JsonNode> b = jsonLines(r);
        assertThat(b).extracting(n -> n.get("query").asText())
                .containsExactly("SOLEIMANI, Qasem", "Islamic Revolutionary Guard Corps");
        assertThat(b.get(1).get("hits").get(0).get("entityId").asText()).isEqualTo("ofac-sdn:10391");
        assertThat(r.err()).doesNotContain("[="); // standard error is not a terminal here: no progress-bar frames
        // ...but one summary line at the end: names screened, how many alerted, how long it took
        for (String threshold : List.of("0.5", "0.99999")) {
            CliRun run = CliRun.run(ctx, "screen", "--json", "--threshold", threshold, "--batch", csv.toString());
            long alerted = jsonLines(run).stream().filter(n -> n.get("hits").findValues("alert").stream()
                    .anyMatch(JsonNode::asBoolean)).count();
            List<String> summary = run.err().lines().filter(l -> l.startsWith("custody screen: ")).toList();
            assertThat(summary).singleElement().asString()
                    .matches("custody screen: 2 name\\(s\\) screened, " + alerted + " with an alert, in [0-9]+\\.[0-9] s");
        }
    }

    @Test
    void badBatchRowIsNamed() throws IOException {
        Path csv = files.resolve("bad.csv");
        Files.writeString(csv, "name,schema\nACME,spaceship\n");
        CliRun r = CliRun.run(ctx, "screen", "--batch", csv.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("bad.csv:2: field schema");
        assertThat(r.out()).isEmpty();

        Path late = files.resolve("late.csv");
        StringBuilder rows = new StringBuilder("name\n");
        for (int i = 0; i < 5000; i++) rows.append("Qasem Soleimani\n");
        rows.append("\"\"\n");   // an empty name on line 5002, after more rows than one screening chunk
        Files.writeString(late, rows);
        CliRun lateRun = CliRun.run(ctx, "screen", "--json", "--batch", late.toString());
        assertThat(lateRun.exitCode()).isEqualTo(1);
        assertThat(lateRun.err()).contains("late.csv:5002: field name: empty");
        assertThat(lateRun.out()).as("nothing is printed before the whole file is checked").isEmpty();
    }

    @Test
    void compareJsonHasTheStableShape() throws IOException {
        JsonNode c = jsonLines(CliRun.run(ctx, "compare", "--json", "--schema", "person", "Qasem Soleimani",
                "SOLEIMANI, Qassem")).getFirst();
        assertThat(fields(c)).containsExactly("name1", "name2", "score", "match", "explanation");
        assertThat(c.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(c.get("match").asBoolean()).isTrue();
        assertThat(c.get("explanation").isObject()).isTrue();

        JsonNode far = jsonLines(CliRun.run(ctx, "compare", "--json", "Emma Daniels", "EMMA LLC")).getFirst();
        assertThat(far.get("match").asBoolean()).isFalse();
    }

    @Test
    void compareBatchTakesPairsWithOptionalSchema() throws IOException {
        Path pairs = files.resolve("pairs.csv");
        Files.writeString(pairs, "Kataib Hezbollah,KATA'IB HIZBALLAH,organization\nAbu Mahdi al-Muhandis,AL-MUHANDIS Abu Mahdi\n");
        CliRun r = CliRun.run(ctx, "compare", "--json", "--batch", pairs.toString());
        List<JsonNode> out = jsonLines(r);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).get("name1").asText()).isEqualTo("Kataib Hezbollah");
        assertThat(out.get(1).get("name2").asText()).isEqualTo("AL-MUHANDIS Abu Mahdi");
        assertThat(r.err()).doesNotContain("[="); // no progress-bar frames when standard error is not a terminal

        CliRun human = CliRun.run(ctx, "compare", "Kataib Hezbollah", "KATA'IB HIZBALLAH");
        assertThat(human.out()).containsPattern("Kataib Hezbollah  vs  KATA'IB HIZBALLAH: \\d\\.\\d{3}  (MATCH|no match)")
                .contains("matched: KATA'IB HIZBALLAH").contains("feature name_match");
    }
}
