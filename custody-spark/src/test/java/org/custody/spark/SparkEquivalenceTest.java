package org.custody.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.custody.cli.CliContext;
import org.custody.cli.CustodyCommand;
import org.custody.config.CustodyHome;
import org.custody.spark.synthetic.SyntheticArticles;
import org.custody.spark.synthetic.SyntheticNames;
import org.custody.store.Database;
import org.custody.store.lists.ListsExport;
import org.custody.store.lists.WatchlistStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark jobs in local[2] against the CLI on the same input and the same database: a few thousand synthetic
 * names (recombined from the bundled OFAC and UN lists) through {@code custody screen --json --batch} and the
 * {@code screen} job, and over a thousand synthetic articles and posts through {@code custody ingest --json} and
 * the {@code ingest} job; every output line compared field by field, and the job's story keys compared with the
 * keys the CLI's store wrote.
 */
@Tag("db")
class SparkEquivalenceTest {

    static final int NAMES = 3000;
    static final int DOCUMENTS = 800;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static CustodyDb db;
    static Database database;
    static CliContext cli;
    static SparkSession spark;

    @BeforeAll
    static void setUp() {
        db = TestDb.fresh();
        database = db.open();
        cli = new CliContext(new CustodyHome(dir.resolve("home")), database);
        assertThat(cli("lists", "import", Path.of("..", "data", "lists").toString()).code).isZero();
        spark = CustodySparkJobs.session("custody equivalence test");
    }

    @AfterAll
    static void tearDown() {
        if (spark != null) spark.stop();
        if (cli != null) cli.close();
        if (database != null) database.close();
    }

    record Run(int code, List<String> out) {}

    /** A CLI command in this JVM on the test database, its standard output as lines. */
    static synchronized Run cli(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            code = CustodyCommand.execute(cli, args);
        } finally {
            System.setOut(old);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        return new Run(code, text.isEmpty() ? List.of() : List.of(text.split("\n")));
    }

    static List<String> partLines(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> parts = Files.list(folder)) {
            for (Path p : parts.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                out.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void screeningMatchesTheCliFieldByField() throws IOException {
        WatchlistStore.CurrentLists lists = new WatchlistStore(database).loadCurrent();
        Path export = dir.resolve("lists.clx");
        ListsExport.write(export, lists);
        Path names = dir.resolve("names.csv");
        new SyntheticNames(lists.entities()).writeCsv(names, 15, 0, NAMES);

        Run viaCli = cli("screen", "--json", "--batch", names.toString());
        assertThat(viaCli.code).isZero();
        assertThat(viaCli.out).hasSize(NAMES);

        Path out = dir.resolve("screened");
        ScreenJob.Summary summary = ScreenJob.run(spark, Watchlists.fromFile(export),
                new ScreenJob.Settings(names.toString(), null, out.toString(), true, 10, null, null));
        List<String> viaSpark = partLines(out.resolve("jsonl"));
        assertThat(viaSpark).hasSize(NAMES);
        long alerts = 0;
        for (int i = 0; i < NAMES; i++) {
            JsonNode c = JSON.readTree(viaCli.out.get(i));
            JsonNode s = JSON.readTree(viaSpark.get(i));
            assertThat(s).as("row %d (%s)", i + 1, c.get("query")).isEqualTo(c);
            if (hasAlert(c)) alerts++;
        }
        assertThat(summary.screened()).isEqualTo(NAMES);
        assertThat(summary.alerted()).isEqualTo(alerts);
        assertThat(alerts).as("the synthetic names include listed ones").isGreaterThan(NAMES / 10);

        // the Parquet records hold the same queries, hits and scores
        Map<String, Integer> fromCli = new TreeMap<>();
        for (String l : viaCli.out) fromCli.merge(digest(JSON.readTree(l)), 1, Integer::sum);
        Map<String, Integer> fromParquet = new TreeMap<>();
        for (Row r : spark.read().parquet(out.resolve("parquet").toString()).collectAsList()) {
            fromParquet.merge(digest(JSON.readTree(r.json())), 1, Integer::sum);
        }
        assertThat(fromParquet).isEqualTo(fromCli);
    }

    private static boolean hasAlert(JsonNode line) {
        for (JsonNode h : line.get("hits")) if (h.get("alert").asBoolean()) return true;
        return false;
    }

    private static String digest(JsonNode line) {
        StringBuilder sb = new StringBuilder(line.get("query").asText());
        for (JsonNode h : line.get("hits")) {
            sb.append('|').append(h.get("entityId").asText()).append(':').append(h.get("score").asDouble())
                    .append(':').append(h.get("alert").asBoolean()).append(':').append(h.get("summary").asText());
        }
        for (JsonNode v : line.get("listVersions")) sb.append('|').append(v.get("list").asText()).append(" v").append(v.get("version").asLong());
        return sb.toString();
    }

    @Test
    void ingestMatchesTheCliFieldByFieldAndItsStoredStoryKeys() throws Exception {
        Path docs = dir.resolve("documents");
        new SyntheticArticles().write(docs, 15, 0, DOCUMENTS, true);

        Run viaCli = cli("ingest", "--json", docs.toString());
        assertThat(viaCli.code).isZero();
        Map<String, JsonNode> cliNew = new HashMap<>();
        int unchanged = 0;
        for (String l : viaCli.out) {
            ObjectNode n = (ObjectNode) JSON.readTree(l);
            ObjectNode d = (ObjectNode) n.get("document");
            boolean created = d.get("stored").asText().equals("new");
            // what only the store knows (its story and near-duplicate links) is left out of the comparison
            d.remove(List.of("stored", "nearDuplicateOf", "storyReasons"));
            n.remove("storyId");
            if (created) cliNew.put(d.get("id").asText(), n);
            else unchanged++;
        }
        assertThat(unchanged).as("the synthetic stream repeats some documents").isPositive();

        Path out = dir.resolve("ingested");
        IngestJob.Summary summary = IngestJob.run(spark, db, Watchlists.fromDatabase(db),
                new IngestJob.Settings(List.of(docs.toString()), out.toString(), false, 200));
        assertThat(summary.refused()).isZero();
        assertThat(summary.duplicates()).isEqualTo(unchanged);
        List<String> viaSpark = partLines(out.resolve("jsonl"));
        assertThat(viaSpark).hasSize(cliNew.size());
        long mentions = 0, claims = 0;
        for (String l : viaSpark) {
            ObjectNode n = (ObjectNode) JSON.readTree(l);
            n.remove("storyId");
            String id = n.get("document").get("id").asText();
            assertThat(cliNew).containsKey(id);
            assertThat(n).as("document %s", id).isEqualTo(cliNew.get(id));
            mentions += n.get("mentions").size();
            claims += n.get("claims").size();
        }
        assertThat(claims).as("the synthetic articles state claims").isGreaterThan(DOCUMENTS / 2);
        // the nested Parquet is the JSON lines field for field (Spark leaves null fields out of its JSON, so they
        // are left out of the lines' side too): a field of the line missing from IngestSchema fails here
        Map<String, JsonNode> lineById = new HashMap<>();
        for (String l : viaSpark) {
            JsonNode n = withoutNulls(JSON.readTree(l));
            lineById.put(n.get("document").get("id").asText(), n);
        }
        List<String> records = spark.read().parquet(out.resolve("documents").toString()).toJSON().collectAsList();
        assertThat(records).hasSize(viaSpark.size());
        for (String r : records) {
            JsonNode n = JSON.readTree(r);
            String id = n.get("document").get("id").asText();
            assertThat(n).as("Parquet record of %s", id).isEqualTo(lineById.get(id));
        }
        assertThat(spark.read().parquet(out.resolve("mentions").toString()).count()).isEqualTo(mentions);
        assertThat(spark.read().parquet(out.resolve("claims").toString()).count()).isEqualTo(claims);

        // the story keys the job wrote are the keys the CLI's store wrote for the same documents
        Map<String, TreeSet<String>> jobKeys = new TreeMap<>();
        for (Row r : spark.read().parquet(out.resolve("story-keys").toString()).collectAsList()) {
            TreeSet<String> keys = jobKeys.computeIfAbsent(r.getString(r.fieldIndex("documentId")), k -> new TreeSet<>());
            List<Long> bands = r.getList(r.fieldIndex("minhashBands"));
            for (int b = 0; b < bands.size(); b++) keys.add("band " + b + " " + bands.get(b));
            for (Object p : r.getList(r.fieldIndex("passages"))) keys.add("passage " + p);
            for (Object q : r.getList(r.fieldIndex("quoteHashes"))) keys.add("quote " + q);
            r.<String, String>getJavaMap(r.fieldIndex("serialTokens")).forEach((k, v) -> keys.add("serial " + k + " " + v));
        }
        Map<String, TreeSet<String>> storeKeys = new TreeMap<>();
        database.read(c -> {
            query(c, storeKeys, "SELECT document_id, 'band ' || band || ' ' || hash FROM evidence_minhash_band");
            query(c, storeKeys, "SELECT document_id, 'passage ' || hash FROM evidence_passage");
            query(c, storeKeys, "SELECT document_id, 'quote ' || quote_hash FROM evidence_quote");
            query(c, storeKeys, "SELECT document_id, 'serial ' || serial_key || ' ' || serial FROM evidence_serial_token");
            return null;
        });
        for (String id : cliNew.keySet()) storeKeys.putIfAbsent(id, new TreeSet<>());
        jobKeys.keySet().forEach(id -> storeKeys.putIfAbsent(id, new TreeSet<>()));
        assertThat(jobKeys).isEqualTo(storeKeys);
    }

    @Test
    void loadsJsonLinesPostsIntoTheDatabaseSoDetectionRunsOnThem() throws Exception {
        Path docs = dir.resolve("load-input");
        new SyntheticArticles().write(docs, 16, 0, 60, false);        // posts in a JSON Lines file, one record a line
        CustodyDb target = TestDb.fresh();
        Path out = dir.resolve("loaded");
        IngestJob.Summary summary = IngestJob.run(spark, target, null,
                new IngestJob.Settings(List.of(docs.toString()), out.toString(), true, 25));
        assertThat(summary.refused()).isZero();
        assertThat(summary.stored()).isEqualTo(summary.documents());
        List<String> lines = partLines(out.resolve("jsonl"));
        assertThat(lines.stream().filter(l -> l.contains(".jsonl:")).count()).as("posts named FILE:LINE").isPositive();
        CustodySparkJobs.audit(target, "evidence.batch", out.toString(), Map.of("documents", summary.documents()));
        try (Database d = target.open(); CliContext context = new CliContext(new CustodyHome(dir.resolve("home2")), d)) {
            long[] counts = new long[2];
            d.read(c -> {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM evidence_document),"
                             + " (SELECT count(*) FROM audit_log WHERE action = 'evidence.batch')")) {
                    rs.next();
                    counts[0] = rs.getLong(1);
                    counts[1] = rs.getLong(2);
                }
                return null;
            });
            assertThat(counts[0]).isEqualTo(summary.documents());
            assertThat(counts[1]).isEqualTo(1);
            PrintStream old = System.out;
            try {
                System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                assertThat(CustodyCommand.execute(context, "detect")).isZero();
            } finally {
                System.setOut(old);
            }
        }
    }

    /** The JSON tree with every null-valued field removed, at any depth. */
    static JsonNode withoutNulls(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            List<String> nulls = new ArrayList<>();
            o.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) nulls.add(e.getKey());
                else withoutNulls(e.getValue());
            });
            o.remove(nulls);
        } else if (n.isArray()) {
            for (JsonNode e : n) withoutNulls(e);
        }
        return n;
    }

    private static void query(Connection c, Map<String, TreeSet<String>> into, String sql) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) into.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
        }
    }
}
