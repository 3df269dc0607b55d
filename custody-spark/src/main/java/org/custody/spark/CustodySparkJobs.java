package org.custody.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.custody.audit.AuditLog;
import org.custody.cli.CliContext;
import org.custody.config.CustodyHome;
import org.custody.lists.ListVersion;
import org.custody.store.Database;
import org.custody.store.lists.ListsExport;
import org.custody.store.lists.WatchlistStore;

/**
 * The job jar's entry point: {@code screen}, {@code ingest} (Spark jobs) and {@code export-lists} (no Spark: the
 * current lists of a database into one file a cluster can read). Exit 0 on success, 1 when the job refuses its
 * input or fails, 2 on a usage error; every error is one line naming the thing and the fix.
 */
public final class CustodySparkJobs {

    static final String USAGE = """
            usage:
              screen --input PATH [--format parquet|csv|jsonl] --output DIR (--lists FILE | --db URL)
                     [--limit K] [--threshold T] [--schema S] [--no-parquet] [--audit]
              ingest --output DIR PATH... [--db URL [--load] [--batch N]] [--lists FILE] [--no-parquet]
              export-lists (--db URL | --home DIR) --output FILE
            --db: Custody's PostgreSQL (jdbc:postgresql://host:port/db; user and password from CUSTODY_DB_USER and
            CUSTODY_DB_PASSWORD); --lists: a file written by export-lists. --audit appends the run's summary to the
            database's audit log (needs --db).""";

    private CustodySparkJobs() {}

    public static void main(String[] args) {
        int code;
        try {
            code = run(Arrays.asList(args));
        } catch (JobOptions.UsageException e) {
            System.err.println("custody-spark: " + e.getMessage());
            System.err.println(USAGE);
            code = 2;
        } catch (RuntimeException e) {
            System.err.println("custody-spark: " + e.getMessage());
            if (System.getenv("CUSTODY_DEBUG") != null) e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    static int run(List<String> args) {
        if (args.isEmpty()) throw new JobOptions.UsageException("give a job: screen, ingest or export-lists");
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "screen" -> {
                JobOptions o = new JobOptions(rest, List.of("input", "format", "output", "lists", "db", "limit", "threshold", "schema"),
                        List.of("no-parquet", "audit"));
                CustodyDb db = CustodyDb.fromUrl(o.get("db"));
                if (o.flag("audit") && db == null) throw new JobOptions.UsageException("--audit needs --db");
                ScreenJob.Settings s = new ScreenJob.Settings(o.require("input"), o.get("format"), o.require("output"),
                        !o.flag("no-parquet"), o.intValue("limit", 10, 1, 1000), o.doubleValue("threshold"), o.get("schema"));
                byte[] lists = lists(o, db, true);
                SparkSession spark = session("custody screen");
                try {
                    ScreenJob.Summary summary = ScreenJob.run(spark, lists, s);
                    System.err.println(ScreenJob.describe(summary));
                    if (o.flag("audit")) audit(db, "screening.batch", summary.output(), screenDetail(summary, s));
                } finally {
                    spark.stop();
                }
                return 0;
            }
            case "ingest" -> {
                JobOptions o = new JobOptions(rest, List.of("output", "db", "lists", "batch"), List.of("load", "audit", "no-parquet"));
                CustodyDb db = CustodyDb.fromUrl(o.get("db"));
                if (o.flag("load") && db == null) throw new JobOptions.UsageException("--load needs --db");
                if (o.arguments().isEmpty()) throw new JobOptions.UsageException("ingest: give PATH... (files or folders)");
                byte[] lists = lists(o, null, false);
                IngestJob.Settings s = new IngestJob.Settings(o.arguments(), o.require("output"), o.flag("load"),
                        o.intValue("batch", 200, 1, 100_000), !o.flag("no-parquet"));
                SparkSession spark = session("custody ingest");
                try {
                    IngestJob.Summary summary = IngestJob.run(spark, db, lists, s);
                    System.err.println(IngestJob.describe(summary));
                    if (o.flag("audit") && db != null) audit(db, "evidence.batch", summary.output(), ingestDetail(summary, s));
                    return summary.refused() == 0 ? 0 : 1;
                } finally {
                    spark.stop();
                }
            }
            case "export-lists" -> {
                JobOptions o = new JobOptions(rest, List.of("db", "home", "output"), List.of());
                Path out = Path.of(o.require("output"));
                WatchlistStore.CurrentLists current;
                String from;
                if (o.get("home") != null) {
                    // the database of a Custody home, opened as the CLI opens it (its embedded server, or the URL it names)
                    try (CliContext context = new CliContext(new CustodyHome(Path.of(o.get("home"))))) {
                        current = new WatchlistStore(context.database()).loadCurrent();
                        from = context.database().description();
                    }
                } else {
                    CustodyDb db = CustodyDb.fromUrl(o.require("db"));
                    try (Database d = db.open()) {
                        current = new WatchlistStore(d).loadCurrent();
                    }
                    from = db.toString();
                }
                if (current.versions().isEmpty()) throw new IllegalStateException(from + ": no watchlist imported yet");
                ListsExport.write(out, current);
                System.err.println("custody-spark export-lists: " + current.entities().size() + " entities of "
                        + versions(current.versions()) + " written to " + out);
                return 0;
            }
            default -> throw new JobOptions.UsageException("unknown job '" + args.get(0) + "' (screen, ingest, export-lists)");
        }
    }

    private static byte[] lists(JobOptions o, CustodyDb db, boolean required) {
        if (o.get("lists") != null) return Watchlists.fromFile(Path.of(o.get("lists")));
        if (db != null) return Watchlists.fromDatabase(db);
        if (required) throw new JobOptions.UsageException("screen needs the lists: --lists FILE or --db URL");
        return null;
    }

    /** The session spark-submit configured; run directly (tests, the benchmark) it is local[2] unless told otherwise. */
    static SparkSession session(String name) {
        SparkSession.Builder b = SparkSession.builder().appName(name);
        if (System.getProperty("spark.master") == null) b = b.master("local[2]");
        // a local run's shuffles (the ingest job's deduplication) need a few partitions, not Spark's default 200
        if (System.getProperty("spark.sql.shuffle.partitions") == null) b = b.config("spark.sql.shuffle.partitions", "8");
        SparkSession spark = b.config("spark.ui.enabled", System.getProperty("spark.ui.enabled", "false")).getOrCreate();
        spark.sparkContext().setLogLevel(System.getProperty("custody.spark.log", "WARN"));
        return spark;
    }

    static String versions(List<ListVersion> versions) {
        List<String> vs = new ArrayList<>();
        for (ListVersion v : versions) vs.add(v.listId() + " v" + v.version());
        return String.join(", ", vs);
    }

    private static Map<String, Object> screenDetail(ScreenJob.Summary summary, ScreenJob.Settings s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("engine", "spark");
        d.put("input", s.input());
        d.put("output", s.output());
        d.put("listVersions", ListVersion.asMaps(summary.versions(), true));
        d.put("screened", summary.screened());
        d.put("alerted", summary.alerted());
        d.put("threshold", s.threshold());
        return d;
    }

    private static Map<String, Object> ingestDetail(IngestJob.Summary summary, IngestJob.Settings s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("engine", "spark");
        d.put("inputs", s.inputs());
        d.put("output", s.output());
        d.put("files", summary.files());
        d.put("documents", summary.documents());
        d.put("duplicates", summary.duplicates());
        d.put("refused", summary.refused());
        d.put("stored", summary.stored());
        return d;
    }

    /** One audit entry for the run, in its own transaction: what was screened or taken in, against what, with what result. */
    static void audit(CustodyDb db, String action, String subject, Map<String, Object> detail) {
        try (Database d = db.open()) {
            String json = new ObjectMapper().writeValueAsString(detail);
            d.inTransaction(c -> AuditLog.append(c, "spark", action, subject, json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
