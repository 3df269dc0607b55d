package org.custody.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.SerializableConfiguration;
import org.custody.evidence.stories.StoryKeys;

/**
 * The {@code ingest} job's outputs, written by the analysing tasks themselves in the one pass over the input: per
 * kept document its JSON line ({@code jsonl/}), its story keys ({@code story-keys/}, Parquet) and, unless
 * {@code --no-parquet}, its record ({@code documents/}, nested Parquet) with its mentions and claims
 * ({@code mentions/}, {@code claims/}, flat Parquet with {@code documentId}); refusals go to {@code refused/}. The
 * Parquet files are written by Spark's own Parquet writer ({@link ParquetFileFormat}, the one
 * {@code DataFrameWriter.parquet} uses, same schema metadata and compression), from rows made straight from the
 * analysis: no row cache, no JSON parsing, no query per output.
 *
 * <p>Commit: a task writes its files under {@code VIEW/_temporary/ATTEMPT/} and, once every file of the task is
 * closed, renames them to {@code VIEW/part-NNNNN...} (NNNNN the task's partition, so a retried task replaces what a
 * failed attempt may have left, and parts sort in input order); the driver then removes the temporary folders and
 * writes {@code _SUCCESS}. On failure the driver removes the views it created, so nothing half-written stays.
 */
final class IngestOutputs implements Serializable {

    static final String JSONL = "jsonl", STORY_KEYS = "story-keys", DOCUMENTS = "documents", MENTIONS = "mentions",
            CLAIMS = "claims", REFUSED = "refused";

    static final StructType STORY_KEYS_SCHEMA = new StructType()
            .add("documentId", DataTypes.StringType)
            .add("contentHash", DataTypes.StringType)
            .add("minhashBands", DataTypes.createArrayType(DataTypes.LongType))
            .add("passages", DataTypes.createArrayType(DataTypes.LongType))
            .add("quoteHashes", DataTypes.createArrayType(DataTypes.StringType))
            .add("creditedOrigins", DataTypes.createArrayType(DataTypes.StringType))
            .add("serialTokens", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
    static final StructType MENTIONS_SCHEMA = withDocumentId(IngestSchema.MENTION);
    static final StructType CLAIMS_SCHEMA = withDocumentId(IngestSchema.CLAIM);

    private static final int LINE_DOCUMENT = IngestSchema.LINE.fieldIndex("document");
    private static final int LINE_MENTIONS = IngestSchema.LINE.fieldIndex("mentions");
    private static final int LINE_CLAIMS = IngestSchema.LINE.fieldIndex("claims");
    private static final int DOCUMENT_ID = IngestSchema.DOCUMENT.fieldIndex("id");

    private static StructType withDocumentId(StructType element) {
        StructType t = new StructType().add("documentId", DataTypes.StringType);
        for (StructField f : element.fields()) t = t.add(f);
        return t;
    }

    /** One Parquet view: its schema, Spark's writer factory for it and the Hadoop settings the factory prepared. */
    private record ParquetView(String name, StructType schema, OutputWriterFactory factory, SerializableConfiguration conf)
            implements Serializable {}

    private final String output;
    private final SerializableConfiguration hadoop;
    private final List<ParquetView> parquet = new ArrayList<>();

    private IngestOutputs(String output, Configuration hadoop) {
        this.output = output;
        this.hadoop = new SerializableConfiguration(hadoop);
    }

    /**
     * The outputs of one run under {@code output}, prepared on the driver; a view that exists already is refused
     * before anything is read (as {@code DataFrameWriter}'s {@code errorifexists} mode refuses it).
     */
    static IngestOutputs prepare(SparkSession spark, String output, boolean withParquet) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        IngestOutputs o = new IngestOutputs(output, conf);
        for (String view : o.views(withParquet)) {
            Path p = new Path(output, view);
            try {
                if (p.getFileSystem(conf).exists(p)) throw new IllegalArgumentException(p + ": already exists");
            } catch (IOException e) {
                throw new UncheckedIOException(p + ": " + e.getMessage(), e);
            }
        }
        // (the keys are hashes: no value repeats often enough for Parquet's dictionaries to pay)
        o.parquet.add(o.view(spark, STORY_KEYS, STORY_KEYS_SCHEMA, Map.of("parquet.enable.dictionary", "false")));
        if (withParquet) {
            o.parquet.add(o.view(spark, DOCUMENTS, IngestSchema.LINE, Map.of()));
            o.parquet.add(o.view(spark, MENTIONS, MENTIONS_SCHEMA, Map.of()));
            o.parquet.add(o.view(spark, CLAIMS, CLAIMS_SCHEMA, Map.of()));
        }
        return o;
    }

    private List<String> views(boolean withParquet) {
        return withParquet ? List.of(JSONL, STORY_KEYS, DOCUMENTS, MENTIONS, CLAIMS, REFUSED) : List.of(JSONL, STORY_KEYS, REFUSED);
    }

    private List<String> views() {
        List<String> all = new ArrayList<>(List.of(JSONL, REFUSED));
        for (ParquetView v : parquet) all.add(v.name());
        return all;
    }

    private ParquetView view(SparkSession spark, String name, StructType schema, Map<String, String> settings) {
        try {
            Job job = Job.getInstance(new Configuration(hadoop.value()));
            settings.forEach(job.getConfiguration()::set);
            OutputWriterFactory factory = new ParquetFileFormat().prepareWrite(spark, job,
                    scala.collection.immutable.Map$.MODULE$.empty(), schema);
            return new ParquetView(name, schema, factory, new SerializableConfiguration(job.getConfiguration()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The writers of the running task (on an executor). */
    Task open() {
        return new Task(TaskContext.get());
    }

    /**
     * After every task committed: the temporary folders removed and {@code _SUCCESS} written; {@code refused/} kept
     * only when something was refused, and the document views only when a document was kept (as before: with no
     * document there is no record to give their Parquet a schema); a Parquet view no task wrote a row to (no
     * claim in the whole input) gets one empty file, so it reads back with its schema.
     */
    void commit(long documents, long refused) {
        try {
            for (String view : views()) {
                Path dir = new Path(output, view);
                FileSystem fs = dir.getFileSystem(hadoop.value());
                fs.delete(new Path(dir, "_temporary"), true);
                boolean keep = switch (view) {
                    case REFUSED -> refused > 0;
                    case DOCUMENTS, MENTIONS, CLAIMS -> documents > 0;
                    default -> true;
                };
                if (!keep) {
                    fs.delete(dir, true);
                    continue;
                }
                fs.mkdirs(dir);
                for (ParquetView v : parquet) {
                    if (v.name().equals(view) && fs.listStatus(dir, p -> p.getName().startsWith("part-")).length == 0) {
                        emptyPart(v, dir);
                    }
                }
                fs.create(new Path(dir, "_SUCCESS"), true).close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("committing " + output + ": " + e.getMessage(), e);
        }
    }

    /** After a failed run: the views this run created are removed (none existed before it: {@link #prepare}). */
    void abort() {
        for (String view : views()) {
            Path dir = new Path(output, view);
            try {
                dir.getFileSystem(hadoop.value()).delete(dir, true);
            } catch (IOException e) {
                // the run's own failure is what the caller reports; a folder left behind is named by the next run
            }
        }
    }

    private void emptyPart(ParquetView v, Path dir) throws IOException {
        TaskAttemptContext ctx = context(v.conf().value(), 0, 0);
        v.factory().newInstance(new Path(dir, "part-00000" + v.factory().getFileExtension(ctx)).toString(), v.schema(), ctx).close();
    }

    private static TaskAttemptContext context(Configuration conf, int partition, int attempt) {
        return new TaskAttemptContextImpl(conf, new TaskAttemptID("custody", 0, TaskType.MAP, partition, attempt));
    }

    /** One task's writers: each file opened when its first row comes, renamed into its view on {@link #commit}. */
    final class Task {
        private final int partition;
        private final String attempt;
        private final Map<String, OutputWriter> writers = new LinkedHashMap<>();
        private final Map<String, Path> temporary = new LinkedHashMap<>();
        private final Map<String, String> extensions = new LinkedHashMap<>();
        private Writer jsonl;
        private Writer refused;

        private Task(TaskContext ctx) {
            this.partition = ctx == null ? 0 : ctx.partitionId();
            this.attempt = ctx == null ? "0" : ctx.stageAttemptNumber() + "-" + ctx.taskAttemptId();
        }

        private String part() {
            return String.format(Locale.ROOT, "part-%05d", partition);
        }

        private Path temporary(String view, String extension) {
            Path p = new Path(new Path(new Path(new Path(output, view), "_temporary"), attempt), part() + extension);
            temporary.put(view, p);
            extensions.put(view, extension);
            return p;
        }

        private Writer text(String view, String extension) throws IOException {
            Path p = temporary(view, extension);
            return new BufferedWriter(new OutputStreamWriter(p.getFileSystem(hadoop.value()).create(p, false), StandardCharsets.UTF_8), 1 << 16);
        }

        private OutputWriter writer(ParquetView v) {
            return writers.computeIfAbsent(v.name(), name -> {
                TaskAttemptContext ctx = context(v.conf().value(), partition, 0);
                String ext = v.factory().getFileExtension(ctx);
                return v.factory().newInstance(temporary(name, ext).toString(), v.schema(), ctx);
            });
        }

        /** One kept document: its line, the value the line renders, and its story keys. */
        void document(String line, Map<String, Object> shape, StoryKeys keys) {
            try {
                if (jsonl == null) jsonl = text(JSONL, ".txt");
                jsonl.write(line);
                jsonl.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            InternalRow record = null;
            for (ParquetView v : parquet) {
                switch (v.name()) {
                    case STORY_KEYS -> {
                        @SuppressWarnings("unchecked") Map<String, Object> d = (Map<String, Object>) shape.get("document");
                        writer(v).write(new GenericInternalRow(new Object[] {
                                UTF8String.fromString((String) d.get("id")), UTF8String.fromString((String) d.get("contentHash")),
                                ShapeRows.longs(keys.minhashBands()), ShapeRows.longs(keys.passages()),
                                ShapeRows.texts(keys.quoteHashes()), ShapeRows.texts(keys.creditedOrigins()),
                                ShapeRows.textMap(keys.serialTokens())}));
                    }
                    case DOCUMENTS -> {
                        record = ShapeRows.row(shape, IngestSchema.LINE);
                        writer(v).write(record);
                    }
                    case MENTIONS -> flat(writer(v), record, LINE_MENTIONS, IngestSchema.MENTION.size());
                    case CLAIMS -> flat(writer(v), record, LINE_CLAIMS, IngestSchema.CLAIM.size());
                    default -> throw new IllegalStateException(v.name());
                }
            }
        }

        /** The elements of one array column of the record, each with the document's id in front. */
        private static void flat(OutputWriter w, InternalRow record, int column, int width) {
            if (record.isNullAt(column)) return;
            UTF8String id = record.getStruct(LINE_DOCUMENT, IngestSchema.DOCUMENT.size()).getUTF8String(DOCUMENT_ID);
            ArrayData items = record.getArray(column);
            for (int i = 0; i < items.numElements(); i++) {
                if (items.isNullAt(i)) continue;
                InternalRow item = items.getStruct(i, width);
                Object[] values = new Object[width + 1];
                values[0] = id;
                for (int c = 0; c < width; c++) values[c + 1] = ((GenericInternalRow) item).genericGet(c);
                w.write(new GenericInternalRow(values));
            }
        }

        /** A file or record refused: its name and the reason, one JSON line. */
        void refusal(String file, String reason) {
            try {
                if (refused == null) refused = text(REFUSED, ".json");
                Map<String, String> r = new LinkedHashMap<>();
                r.put("file", file);
                r.put("reason", reason);
                refused.write(REFUSAL_JSON.writeValueAsString(r));
                refused.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Every file closed, then moved into its view under the task's part name (replacing a failed attempt's). */
        void commit() {
            close();
            try {
                for (Map.Entry<String, Path> e : temporary.entrySet()) {
                    Path target = new Path(new Path(output, e.getKey()), part() + extensions.get(e.getKey()));
                    FileSystem fs = target.getFileSystem(hadoop.value());
                    fs.delete(target, false);
                    if (!fs.rename(e.getValue(), target)) throw new IOException("cannot move " + e.getValue() + " to " + target);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Every file closed and removed (the task failed). */
        void abort() {
            try {
                close();
            } catch (RuntimeException e) {
                // the task's own failure is what counts
            }
            for (Path p : temporary.values()) {
                try {
                    p.getFileSystem(hadoop.value()).delete(p, false);
                } catch (IOException e) {
                    // removed with the run's temporary folders at the end
                }
            }
        }

        private void close() {
            try {
                if (jsonl != null) jsonl.close();
                if (refused != null) refused.close();
                jsonl = null;
                refused = null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (OutputWriter w : writers.values()) w.close();
            writers.clear();
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper REFUSAL_JSON = new com.fasterxml.jackson.databind.ObjectMapper();
}
