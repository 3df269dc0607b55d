package org.custody.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.custody.catalog.ArticleCatalog;
import org.custody.catalog.json.CatalogJson;
import org.custody.cli.BatchLines;
import org.custody.evidence.Analysis;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.SourceDocument;
import org.custody.evidence.extract.CatalogArticleResolver;
import org.custody.evidence.intake.Intake;
import org.custody.evidence.intake.IntakeRefusal;
import org.custody.evidence.stories.StoryKeys;
import org.custody.store.Database;
import org.custody.store.evidence.EvidenceStore;
import org.custody.store.ledger.ArticleStore;

/**
 * {@code ingest}: evidence files (a directory tree of articles, pages, posts and field reports, and JSON Lines
 * files of posts, one record a line) analysed by the same {@link EvidenceAnalyzer} as {@code custody ingest},
 * with the ledger's article catalogue (from the database, else the catalogue Custody ships) and, when lists are
 * given, the watchlists. Per document: the line {@code custody ingest --json} prints ({@link BatchLines#ingest})
 * and its story keys ({@link StoryKeys}). Documents are deduplicated by content hash (the first in path and line
 * order is kept, as the CLI keeps the first it stores). Outputs: {@code jsonl/}, {@code documents/} (Parquet,
 * nested), {@code mentions/}, {@code claims/}, {@code story-keys/} (Parquet) and {@code refused/} (JSON Lines:
 * file and reason). With {@code --load} the documents are also stored in the database through the same
 * {@link EvidenceStore} the CLI uses, so {@code custody detect} then runs on them.
 */
final class IngestJob {

    /** One analysed document before deduplication: the order key is the file's path and the record's line. */
    static final StructType ANALYSED = new StructType()
            .add("contentHash", DataTypes.StringType)
            .add("documentId", DataTypes.StringType)
            .add("order", DataTypes.StringType)
            .add("line", DataTypes.StringType)
            .add("minhashBands", DataTypes.createArrayType(DataTypes.LongType))
            .add("passages", DataTypes.createArrayType(DataTypes.LongType))
            .add("quoteHashes", DataTypes.createArrayType(DataTypes.StringType))
            .add("creditedOrigins", DataTypes.createArrayType(DataTypes.StringType))
            .add("serialTokens", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
            .add("refusal", DataTypes.StringType);

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

    /** The files of a task's groups, one after the other. */
    private static Iterator<InputFiles.File> files(Iterator<List<InputFiles.File>> groups) {
        List<InputFiles.File> all = new ArrayList<>();
        groups.forEachRemaining(all::addAll);
        return all.iterator();
    }

    /** Up to this many repeated content hashes (about 100 bytes each) are broadcast to the deduplicating join. */
    static final long BROADCAST_REPEATS = 300_000;

    record Settings(List<String> inputs, String output, boolean load, int batch, boolean parquet) {

        Settings(List<String> inputs, String output, boolean load, int batch) {
            this(inputs, output, load, batch, true);
        }
    }

    record Summary(long files, long documents, long duplicates, long refused, long stored, String output) {}

    private IngestJob() {}

    static Summary run(SparkSession spark, CustodyDb db, byte[] listsOrNull, Settings s) {
        ArticleCatalog catalog = db == null ? CatalogJson.starter().catalog() : catalogOf(db);
        Broadcast<CatalogData> sharedCatalog = spark.sparkContext().broadcast(CatalogData.of(catalog),
                scala.reflect.ClassTag$.MODULE$.apply(CatalogData.class));
        Broadcast<byte[]> sharedLists = listsOrNull == null ? null
                : spark.sparkContext().broadcast(listsOrNull, scala.reflect.ClassTag$.MODULE$.apply(byte[].class));
        LongAccumulator stored = spark.sparkContext().longAccumulator("documents stored");
        LongAccumulator filesRead = spark.sparkContext().longAccumulator("files read");
        boolean load = s.load();
        int batch = s.batch();
        // the files listed once, in path order, and packed up to about 2,000 small files to a task (Spark's own
        // packing counts each small file as 4 MB and puts the largest first; here one counts as 64 KB more than its
        // size, of 128 MB a task): every output is a job of one task per input task, each with a fixed cost (its
        // writer, its commit), so few large tasks; the tasks' rows follow path and line order
        org.apache.spark.SparkConf conf = spark.sparkContext().getConf();
        List<InputFiles.File> listed = InputFiles.list(spark.sparkContext().hadoopConfiguration(), s.inputs());
        List<List<InputFiles.File>> groups = InputFiles.pack(listed, conf.getSizeAsBytes("spark.sql.files.maxPartitionBytes", "128m"),
                conf.getSizeAsBytes("spark.sql.files.openCostInBytes", "64k"), spark.sparkContext().defaultParallelism());
        if (groups.isEmpty()) groups = List.of(List.of());
        Broadcast<SerializableConfiguration> hadoop = spark.sparkContext().broadcast(
                new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()),
                scala.reflect.ClassTag$.MODULE$.apply(SerializableConfiguration.class));
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(new ArrayList<>(groups), groups.size())
                .mapPartitions(part -> new Analysing(files(part), hadoop.value().value(),
                        Analyzers.of(sharedCatalog.value(), sharedLists == null ? null : sharedLists.value()),
                        load ? db : null, batch, stored, filesRead));
        // the kept rows are written once and read a few times whole: the columnar cache's per-column compression
        // (dictionaries of kilobyte-long JSON lines, tried batch by batch) costs more than it saves here
        if (!conf.contains("spark.sql.inMemoryColumnarStorage.compressed")) {
            spark.conf().set("spark.sql.inMemoryColumnarStorage.compressed", "false");
        }
        // the one pass of analysis; its rows are kept (serialised, on disk when memory is short) and every output
        // is derived from them: nothing reads or analyses the input twice
        Dataset<Row> analysed = spark.createDataset(rows.rdd(), Encoders.row(ANALYSED))
                .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK_SER());
        try {
            // the first action analyses everything; the counts come from the kept rows
            Row counts = analysed.agg(
                    org.apache.spark.sql.functions.count(col("refusal")).as("refused"),
                    org.apache.spark.sql.functions.count(col("contentHash")).as("documents")).first();
            long fileCount = filesRead.value();
            long refused = counts.getLong(0);
            long before = counts.getLong(1);
            if (refused > 0) {
                analysed.filter(col("refusal").isNotNull()).select(col("order").substr(ORDER_PREFIX + 1, Integer.MAX_VALUE).as("file"),
                                col("refusal").as("reason"))
                        .coalesce(1).write().mode("errorifexists").json(s.output() + "/refused");
            }
            Dataset<Row> docs = analysed.filter(col("refusal").isNull());
            // deduplication shuffles only (content hash, order) pairs: the hashes seen more than once, with the
            // order key of the copy kept (the first in path and line order, as the CLI keeps the first it stores)
            Dataset<Row> repeated = docs.groupBy("contentHash")
                    .agg(org.apache.spark.sql.functions.min(col("order")).as("keep"), org.apache.spark.sql.functions.count("*").as("copies"))
                    .filter(col("copies").gt(1))
                    // renamed: both sides of the join below descend from the same rows, so a shared name would
                    // compare a column with itself
                    .select(col("contentHash").as("repeatedHash"), col("keep"), col("copies"));
            // up to a few hundred thousand repeated hashes are brought to the driver and go to every task whole (the
            // documents stay where they are, in order); more than that, and both sides are shuffled by hash, so the
            // rows are sorted again afterwards
            List<Row> few = repeated.limit((int) BROADCAST_REPEATS + 1).collectAsList();
            boolean broadcast = few.size() <= BROADCAST_REPEATS;
            long duplicates = 0;
            Dataset<Row> byHash;
            if (broadcast) {
                for (Row r : few) duplicates += r.getLong(2) - 1;
                byHash = org.apache.spark.sql.functions.broadcast(spark.createDataFrame(few, repeated.schema()));
            } else {
                duplicates = repeated.agg(org.apache.spark.sql.functions.sum(col("copies").minus(1))).first().getLong(0);
                byHash = repeated;
            }
            Dataset<Row> kept = duplicates == 0 ? docs
                    : docs.join(byHash, col("contentHash").equalTo(col("repeatedHash")), "left_outer")
                            .filter(col("keep").isNull().or(col("order").equalTo(col("keep"))))
                            .drop("repeatedHash", "keep", "copies");
            long documents = before - duplicates;
            if (!broadcast) kept = kept.sort("order");
            kept.select("line").write().mode("errorifexists").option("compression", "none").text(s.output() + "/jsonl");
            // (the keys are hashes: no value repeats often enough for Parquet's dictionaries to pay)
            kept.select("documentId", "contentHash", "minhashBands", "passages", "quoteHashes", "creditedOrigins", "serialTokens")
                    .write().mode("errorifexists").option("parquet.enable.dictionary", "false").parquet(s.output() + "/story-keys");
            if (s.parquet() && documents > 0) {
                // (with no document there is no record to give the Parquet a schema: only jsonl/ and story-keys/)
                // the nested records are the JSON lines parsed with the line's declared schema (IngestSchema), so
                // the two outputs cannot differ; mentions and claims are columns of that Parquet, read without the rest
                kept.select(org.apache.spark.sql.functions.from_json(col("line"), IngestSchema.LINE,
                                java.util.Map.of("mode", "FAILFAST")).as("d")).select("d.*")
                        .write().mode("errorifexists").parquet(s.output() + "/documents");
                Dataset<Row> parsed = spark.read().parquet(s.output() + "/documents");
                parsed.select(col("document.id").as("documentId"), explode(col("mentions")).as("m")).select("documentId", "m.*")
                        .write().mode("errorifexists").parquet(s.output() + "/mentions");
                parsed.select(col("document.id").as("documentId"), explode(col("claims")).as("c")).select("documentId", "c.*")
                        .write().mode("errorifexists").parquet(s.output() + "/claims");
            }
            return new Summary(fileCount, documents, duplicates, refused, stored.value(), s.output());
        } finally {
            analysed.unpersist();
        }
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

    private static Row row(Analysis a, String order) {
        StoryKeys k = StoryKeys.of(a);
        return RowFactory.create(a.document().contentHash(), a.document().id(), order, BatchLines.ingest(a),
                scala.jdk.javaapi.CollectionConverters.asScala(k.minhashBands()).toSeq(),
                scala.jdk.javaapi.CollectionConverters.asScala(k.passages()).toSeq(),
                scala.jdk.javaapi.CollectionConverters.asScala(k.quoteHashes()).toSeq(),
                scala.jdk.javaapi.CollectionConverters.asScala(k.creditedOrigins()).toSeq(),
                scala.jdk.javaapi.CollectionConverters.asScala(k.serialTokens()),
                null);
    }

    /**
     * A partition's files analysed one at a time (memory holds one file's documents), each document's row handed
     * on as soon as it is made; with a database, documents are stored in transactions of {@code batch}.
     */
    static final class Analysing implements Iterator<Row> {
        private final Iterator<InputFiles.File> files;
        private final org.apache.hadoop.conf.Configuration hadoop;
        private final EvidenceAnalyzer analyzer;
        private final Database database;
        private final EvidenceStore store;
        private final int batch;
        private final LongAccumulator stored;
        private final LongAccumulator filesRead;
        private final List<Analysis> pending = new ArrayList<>();
        private final ArrayDeque<Row> ready = new ArrayDeque<>();

        Analysing(Iterator<InputFiles.File> files, org.apache.hadoop.conf.Configuration hadoop, EvidenceAnalyzer analyzer,
                  CustodyDb db, int batch, LongAccumulator stored, LongAccumulator filesRead) {
            this.filesRead = filesRead;
            this.files = files;
            this.hadoop = hadoop;
            this.analyzer = analyzer;
            this.database = db == null ? null : db.open();
            this.store = database == null ? null : new EvidenceStore(database);
            this.batch = batch;
            this.stored = stored;
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && files.hasNext()) analyse(files.next());
            if (ready.isEmpty() && database != null) {
                stored.add(flush(store, pending));
                database.close();
            }
            return !ready.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) throw new java.util.NoSuchElementException();
            return ready.poll();
        }

        private void analyse(InputFiles.File f) {
            filesRead.add(1);
            String name = localName(f.path());
            String prefix = orderPrefix(f.index());
            Instant retrieved = Instant.ofEpochMilli(f.modified()).truncatedTo(ChronoUnit.SECONDS);
            byte[] bytes;
            try {
                bytes = f.read(hadoop);
            } catch (java.io.UncheckedIOException e) {
                ready.add(refusal(prefix + name, e.getMessage()));      // an unreadable file is refused, named
                return;
            }
            List<IngestRecords.Record> records;
            try {
                records = IngestRecords.of(name, bytes);
            } catch (WarcReader.Malformed e) {
                ready.add(refusal(prefix + name, e.getMessage()));      // a malformed WARC file is refused whole
                return;
            }
            for (IngestRecords.Record r : records) {
                try {
                    List<SourceDocument> docs = r.json() ? Intake.readJson(r.name(), r.bytes(), r.retrievedOr(retrieved))
                            : Intake.read(r.name(), r.bytes(), r.retrievedOr(retrieved));
                    int k = 0;
                    for (SourceDocument d : docs) {
                        Analysis a = analyzer.analyze(d);
                        ready.add(row(a, prefix + r.order() + String.format(Locale.ROOT, "#%06d", k++)));
                        if (store != null) pending.add(a);
                    }
                } catch (IntakeRefusal e) {
                    ready.add(refusal(prefix + r.order(), e.getMessage()));
                } catch (RuntimeException | StackOverflowError e) {
                    // a fault in one record is that record's refusal; the partition goes on (as the CLI's batch does)
                    ready.add(refusal(prefix + r.order(), r.name() + ": not ingested: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())));
                }
                if (store != null && pending.size() >= batch) stored.add(flush(store, pending));
            }
        }
    }

    private static Row refusal(String order, String reason) {
        return RowFactory.create(null, null, order, null, null, null, null, null, null, reason);
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
