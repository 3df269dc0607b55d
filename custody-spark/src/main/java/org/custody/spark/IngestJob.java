package org.custody.spark;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.custody.catalog.ArticleCatalog;
import org.custody.catalog.json.CatalogJson;
import org.custody.cli.BatchLines;
import org.custody.evidence.Analysis;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.SourceDocument;
import org.custody.evidence.intake.Intake;
import org.custody.evidence.intake.IntakeRefusal;
import org.custody.evidence.stories.StoryKeys;
import org.custody.store.Database;
import org.custody.store.evidence.EvidenceStore;
import org.custody.store.ledger.ArticleStore;
import scala.Tuple2;

/**
 * {@code ingest}: evidence files (a directory tree of articles, pages, posts and field reports, and JSON Lines
 * files of posts, one record a line) analysed by the same {@link EvidenceAnalyzer} as {@code custody ingest},
 * with the ledger's article catalogue (from the database, else the catalogue Custody ships) and, when lists are
 * given, the watchlists. Per document: the line {@code custody ingest --json} prints ({@link BatchLines#ingest})
 * and its story keys ({@link StoryKeys}). Documents are deduplicated by content hash (the first in path and line
 * order is kept, as the CLI keeps the first it stores). Outputs ({@link IngestOutputs}): {@code jsonl/},
 * {@code documents/} (Parquet, nested), {@code mentions/}, {@code claims/}, {@code story-keys/} (Parquet) and
 * {@code refused/} (JSON Lines: file and reason). With {@code --load} the documents are also stored in the database
 * through the same {@link EvidenceStore} the CLI uses, so {@code custody detect} then runs on them.
 *
 * <p>Two passes over the input, in the same tasks (files listed once on the driver, in path order, packed into
 * ordered groups): the first reads each record and computes its documents' content hashes only (no analysis), and
 * one shuffle of (hash, task, order) finds the copies after the first of every repeated hash, each sent to the task
 * that holds it; the second analyses every other document once and writes all outputs from the analysis directly.
 */
final class IngestJob {

    /**
     * The order key starts with the file's rank in path order (zero-padded, then {@code |}): this many characters,
     * left out where the key names a file.
     */
    static final int ORDER_PREFIX = 13;

    /** The start of the order keys of the file of this rank: the rank, zero-padded, and {@code |}. */
    static String orderPrefix(long index) {
        String digits = Long.toString(index);
        return "0".repeat(ORDER_PREFIX - 1 - digits.length()) + digits + "|";
    }

    /** The order key of the {@code k}-th document of record {@code r} of the file whose keys start {@code prefix}. */
    private static String order(String prefix, IngestRecords.Record r, int k) {
        return prefix + r.order() + String.format(Locale.ROOT, "#%06d", k);
    }

    /** The files of a task's groups, one after the other. */
    private static Iterator<InputFiles.File> files(Iterator<List<InputFiles.File>> groups) {
        List<InputFiles.File> all = new ArrayList<>();
        groups.forEachRemaining(all::addAll);
        return all.iterator();
    }

    record Settings(List<String> inputs, String output, boolean load, int batch, boolean parquet) {

        Settings(List<String> inputs, String output, boolean load, int batch) {
            this(inputs, output, load, batch, true);
        }
    }

    record Summary(long files, long documents, long duplicates, long refused, long stored, String output) {}

    private IngestJob() {}

    /** Sends a (task, order key) pair to the task of that number. */
    static final class ByTask extends org.apache.spark.Partitioner {
        private final int tasks;

        ByTask(int tasks) {
            this.tasks = tasks;
        }

        @Override
        public int numPartitions() {
            return tasks;
        }

        @Override
        public int getPartition(Object key) {
            return (Integer) key;
        }
    }

    static Summary run(SparkSession spark, CustodyDb db, byte[] listsOrNull, Settings s) {
        ArticleCatalog catalog = db == null ? CatalogJson.starter().catalog() : catalogOf(db);
        Broadcast<CatalogData> sharedCatalog = spark.sparkContext().broadcast(CatalogData.of(catalog),
                scala.reflect.ClassTag$.MODULE$.apply(CatalogData.class));
        Broadcast<byte[]> sharedLists = listsOrNull == null ? null
                : spark.sparkContext().broadcast(listsOrNull, scala.reflect.ClassTag$.MODULE$.apply(byte[].class));
        boolean load = s.load();
        int batch = s.batch();
        // the files listed once, in path order, and packed up to about 2,000 small files to a task (Spark's own
        // packing counts each small file as 4 MB and puts the largest first; here one counts as 64 KB more than its
        // size, of 128 MB a task): each task has a fixed cost (its writers, its commit), so few large tasks; a
        // task's files are consecutive in path order and its outputs are its part of every view, so the views
        // follow path and line order without a sort
        org.apache.spark.SparkConf conf = spark.sparkContext().getConf();
        List<InputFiles.File> listed = InputFiles.list(spark.sparkContext().hadoopConfiguration(), s.inputs());
        List<List<InputFiles.File>> groups = InputFiles.pack(listed, conf.getSizeAsBytes("spark.sql.files.maxPartitionBytes", "128m"),
                conf.getSizeAsBytes("spark.sql.files.openCostInBytes", "64k"), spark.sparkContext().defaultParallelism());
        if (groups.isEmpty()) groups = List.of(List.of());
        int taskCount = groups.size();
        Broadcast<SerializableConfiguration> hadoop = spark.sparkContext().broadcast(
                new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()),
                scala.reflect.ClassTag$.MODULE$.apply(SerializableConfiguration.class));
        IngestOutputs outputs = IngestOutputs.prepare(spark, s.output(), s.parquet());
        Broadcast<IngestOutputs> sharedOutputs = spark.sparkContext().broadcast(outputs,
                scala.reflect.ClassTag$.MODULE$.apply(IngestOutputs.class));
        JavaRDD<List<InputFiles.File>> tasks = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(new ArrayList<>(groups), taskCount);
        try {
            // first pass: every document's content hash (reading and intake only); the copies after the first of a
            // repeated hash (in path and line order, as the CLI keeps the first it stores), each to its own task
            JavaPairRDD<Integer, String> dropped = tasks
                    .mapPartitionsWithIndex((task, part) -> hashes(task, files(part), hadoop.value().value()), false)
                    .mapToPair(t -> t)
                    .groupByKey(taskCount)
                    .flatMapToPair(IngestJob::laterCopies)
                    .partitionBy(new ByTask(taskCount));
            // second pass: each task analyses its other documents once and writes every output from them
            List<long[]> counts = tasks.zipPartitions(dropped, (part, drops) -> {
                Set<String> skip = new HashSet<>();
                drops.forEachRemaining(d -> skip.add(d._2()));
                IngestOutputs.Task out = sharedOutputs.value().open();
                Analysing a = new Analysing(hadoop.value().value(),
                        Analyzers.of(sharedCatalog.value(), sharedLists == null ? null : sharedLists.value()),
                        load ? db : null, batch, skip, out);
                try {
                    part.forEachRemaining(group -> group.forEach(a::analyse));
                    a.flush();
                    out.commit();
                } catch (RuntimeException | Error e) {
                    out.abort();
                    throw e;
                } finally {
                    a.close();
                }
                return List.of(a.counts).iterator();
            }).collect();
            long[] total = new long[5];
            for (long[] c : counts) for (int i = 0; i < total.length; i++) total[i] += c[i];
            outputs.commit(total[1], total[3]);
            return new Summary(total[0], total[1], total[2], total[3], total[4], s.output());
        } catch (RuntimeException | Error e) {
            outputs.abort();
            throw e;
        }
    }

    /** The content hash and order key of every document of a task's files (files and records refused: nothing). */
    private static Iterator<Tuple2<String, Tuple2<Integer, String>>> hashes(int task, Iterator<InputFiles.File> files,
                                                                            org.apache.hadoop.conf.Configuration hadoop) {
        List<Tuple2<String, Tuple2<Integer, String>>> out = new ArrayList<>();
        while (files.hasNext()) {
            InputFiles.File f = files.next();
            String prefix = orderPrefix(f.index());
            List<IngestRecords.Record> records;
            try {
                records = IngestRecords.of(localName(f.path()), f.read(hadoop));
            } catch (java.io.UncheckedIOException | WarcReader.Malformed e) {
                continue;                                       // refused in the second pass, named there
            }
            Instant retrieved = retrieved(f);
            for (IngestRecords.Record r : records) {
                try {
                    int k = 0;
                    for (SourceDocument d : documents(r, retrieved)) {
                        out.add(new Tuple2<>(d.contentHash(), new Tuple2<>(task, order(prefix, r, k++))));
                    }
                } catch (RuntimeException | StackOverflowError e) {     // IntakeRefusal among them
                    // refused in the second pass, named there
                }
            }
        }
        return out.iterator();
    }

    /** The copies of one content hash after the first in order key order, each as (its task, its order key). */
    private static Iterator<Tuple2<Integer, String>> laterCopies(Tuple2<String, Iterable<Tuple2<Integer, String>>> copies) {
        Iterator<Tuple2<Integer, String>> it = copies._2().iterator();
        Tuple2<Integer, String> first = it.next();
        if (!it.hasNext()) return java.util.Collections.emptyIterator();
        List<Tuple2<Integer, String>> all = new ArrayList<>();
        all.add(first);
        it.forEachRemaining(all::add);
        all.sort(java.util.Comparator.comparing(Tuple2::_2));
        return all.subList(1, all.size()).iterator();
    }

    private static Instant retrieved(InputFiles.File f) {
        return Instant.ofEpochMilli(f.modified()).truncatedTo(ChronoUnit.SECONDS);
    }

    private static List<SourceDocument> documents(IngestRecords.Record r, Instant retrieved) {
        return r.json() ? Intake.readJson(r.name(), r.bytes(), r.retrievedOr(retrieved))
                : Intake.read(r.name(), r.bytes(), r.retrievedOr(retrieved));
    }

    private static ArticleCatalog catalogOf(CustodyDb db) {
        try (Database d = db.open()) {
            return d.inTransaction(ArticleStore::catalog);
        }
    }

    private static long flush(EvidenceStore store, List<Analysis> pending) {
        if (store == null || pending.isEmpty()) return 0;
        long[] created = {0};
        // one transaction per batch; a document already stored (same content hash) is recognised and skipped
        store.storeFile(sink -> {
            created[0] = 0;
            for (Analysis a : pending) if (sink.store(a).created()) created[0]++;
        });
        pending.clear();
        return created[0];
    }

    /**
     * A task's files analysed one at a time (memory holds one file's documents), each kept document written to the
     * task's outputs as soon as it is analysed; with a database, documents are stored in transactions of
     * {@code batch}. {@link #counts}: files, documents kept, copies skipped, refusals, documents stored.
     */
    static final class Analysing {
        private final org.apache.hadoop.conf.Configuration hadoop;
        private final EvidenceAnalyzer analyzer;
        private final Database database;
        private final EvidenceStore store;
        private final int batch;
        private final Set<String> skip;
        private final IngestOutputs.Task out;
        private final List<Analysis> pending = new ArrayList<>();
        final long[] counts = new long[5];

        Analysing(org.apache.hadoop.conf.Configuration hadoop, EvidenceAnalyzer analyzer, CustodyDb db, int batch,
                  Set<String> skip, IngestOutputs.Task out) {
            this.hadoop = hadoop;
            this.analyzer = analyzer;
            this.database = db == null ? null : db.open();
            this.store = database == null ? null : new EvidenceStore(database);
            this.batch = batch;
            this.skip = skip;
            this.out = out;
        }

        /** The documents not yet stored, stored (with a database). */
        void flush() {
            if (database != null) counts[4] += IngestJob.flush(store, pending);
        }

        void close() {
            if (database != null) database.close();
        }

        void analyse(InputFiles.File f) {
            counts[0]++;
            String name = localName(f.path());
            String prefix = orderPrefix(f.index());
            byte[] bytes;
            try {
                bytes = f.read(hadoop);
            } catch (java.io.UncheckedIOException e) {
                refusal(name, e.getMessage());                  // an unreadable file is refused, named
                return;
            }
            List<IngestRecords.Record> records;
            try {
                records = IngestRecords.of(name, bytes);
            } catch (WarcReader.Malformed e) {
                refusal(name, e.getMessage());                  // a malformed WARC file is refused whole
                return;
            }
            Instant retrieved = retrieved(f);
            for (IngestRecords.Record r : records) {
                try {
                    int k = 0;
                    for (SourceDocument d : documents(r, retrieved)) {
                        if (skip.contains(order(prefix, r, k++))) {
                            counts[2]++;
                            continue;
                        }
                        Analysis a = analyzer.analyze(d);
                        java.util.Map<String, Object> shape = BatchLines.ingestShape(a);
                        out.document(org.custody.cli.Json.line(shape), shape, StoryKeys.of(a));
                        counts[1]++;
                        if (store != null) pending.add(a);
                    }
                } catch (IntakeRefusal e) {
                    refusal(r.order(), e.getMessage());
                } catch (RuntimeException | StackOverflowError e) {
                    // a fault in one record is that record's refusal; the task goes on (as the CLI's batch does)
                    refusal(r.order(), r.name() + ": not ingested: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                }
                if (store != null && pending.size() >= batch) counts[4] += IngestJob.flush(store, pending);
            }
        }

        private void refusal(String file, String reason) {
            counts[3]++;
            out.refusal(file, reason);
        }
    }

    /** A local file's path as the CLI names it ({@code /data/a.txt}, not {@code file:/data/a.txt}); others as given. */
    static String localName(String uri) {
        return uri.startsWith("file:") ? Path.of(URI.create(uri)).toString() : uri;
    }

    static String describe(Summary s) {
        return String.format(Locale.ROOT, "custody-spark ingest: %d file(s), %d document(s), %d duplicate(s) dropped, "
                + "%d refused, %d stored in the database; output %s", s.files(), s.documents(), s.duplicates(),
                s.refused(), s.stored(), s.output());
    }
}
