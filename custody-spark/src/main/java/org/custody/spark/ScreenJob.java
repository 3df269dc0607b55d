package org.custody.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.custody.cli.BatchLines;
import org.custody.lists.ListVersion;
import org.custody.lists.Schema;
import org.custody.screening.ScreeningEngine;
import org.custody.screening.ScreeningQuery;
import org.custody.screening.ScreeningResult;

/**
 * {@code screen}: a table of names (Parquet, CSV with a header, or JSON Lines; a {@code name} column and
 * optional {@code schema}, {@code dob}/{@code birth_date} and {@code nationality}/{@code country} columns)
 * screened against the broadcast watchlists. Each row becomes exactly the line {@code custody screen --json}
 * prints for it (same code: {@link BatchLines#screening}), written as JSON Lines, and the same records as Parquet.
 */
final class ScreenJob {

    /** The Parquet form of one {@code screen --json} line (docs/screening-json.md, lean form). */
    static final StructType RESULT = new StructType()
            .add("query", DataTypes.StringType)
            .add("hits", DataTypes.createArrayType(new StructType()
                    .add("entityId", DataTypes.StringType)
                    .add("name", DataTypes.StringType)
                    .add("schema", DataTypes.StringType)
                    .add("lists", DataTypes.createArrayType(DataTypes.StringType))
                    .add("score", DataTypes.DoubleType)
                    .add("alert", DataTypes.BooleanType)
                    .add("summary", DataTypes.StringType)))
            .add("listVersions", DataTypes.createArrayType(new StructType()
                    .add("list", DataTypes.StringType)
                    .add("version", DataTypes.LongType)
                    .add("publishedAt", DataTypes.StringType)
                    .add("files", DataTypes.createArrayType(new StructType()
                            .add("name", DataTypes.StringType)
                            .add("sha256", DataTypes.StringType)))));

    record Settings(String input, String format, String output, boolean parquet, int limit, Double threshold,
                    String defaultSchema) {}

    record Summary(List<ListVersion> versions, long screened, long alerted, String output) {}

    private ScreenJob() {}

    static Summary run(SparkSession spark, byte[] lists, Settings s) {
        // a name costs far more to screen than to read: input is split into slices of 1 MB (about 30,000 names) so
        // every core has work even for a small file, unless the submitter chose a split size
        if (!spark.sparkContext().getConf().contains("spark.sql.files.maxPartitionBytes")) {
            spark.conf().set("spark.sql.files.maxPartitionBytes", 1L << 20);
            spark.conf().set("spark.sql.files.openCostInBytes", 1L << 16);
        }
        Dataset<Row> input = Inputs.read(spark, s.input(), s.format());
        List<String> columns = List.of(input.columns());
        if (!columns.contains("name")) {
            throw new IllegalArgumentException(s.input() + ": no 'name' column (columns: " + String.join(", ", columns) + ")");
        }
        String schemaCol = columns.contains("schema") ? "schema" : null;
        String dobCol = first(columns, "dob", "birth_date", "birthDate");
        String countryCol = first(columns, "nationality", "country");
        Schema fallback = s.defaultSchema() == null ? null : Schema.parse(s.defaultSchema());
        // like the CLI's first pass: a bad row refuses the whole input before anything is screened or written
        // (every value is stripped of surrounding white space, as the CLI's batch reader strips it)
        List<Row> empty = input.select(col("name").cast("string"), input_file_name())
                .filter((FilterFunction<Row>) r -> r.isNullAt(0) || r.getString(0).strip().isEmpty()).limit(1).collectAsList();
        if (!empty.isEmpty()) throw new IllegalArgumentException(empty.get(0).getString(1) + ": field name: empty in a row");
        if (schemaCol != null) {
            for (Row r : input.select(col(schemaCol).cast("string")).distinct().collectAsList()) {
                if (!r.isNullAt(0) && !r.getString(0).isBlank()) Schema.parse(r.getString(0));
            }
        }
        Dataset<Row> rows = input.select(col("name").cast("string"),
                schemaCol == null ? org.apache.spark.sql.functions.lit(null).cast("string") : col(schemaCol).cast("string"),
                dobCol == null ? org.apache.spark.sql.functions.lit(null).cast("string") : col(dobCol).cast("string"),
                countryCol == null ? org.apache.spark.sql.functions.lit(null).cast("string") : col(countryCol).cast("string"));
        Broadcast<byte[]> shared = spark.sparkContext().broadcast(lists, scala.reflect.ClassTag$.MODULE$.apply(byte[].class));
        LongAccumulator screened = spark.sparkContext().longAccumulator("names screened");
        LongAccumulator alerted = spark.sparkContext().longAccumulator("names with an alert");
        int limit = s.limit();
        Double threshold = s.threshold();
        MapPartitionsFunction<Row, String> screen = part -> {
            ScreeningEngine engine = Watchlists.engine(shared.value());
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return part.hasNext();
                }

                @Override
                public String next() {
                    Row r = part.next();
                    String schemaText = blankToNull(r.getString(1));
                    Schema schema = schemaText == null ? fallback : Schema.parse(schemaText);
                    ScreeningResult result = engine.screen(new ScreeningQuery(r.getString(0).strip(), schema, limit, threshold,
                            blankToNull(r.getString(2)), blankToNull(r.getString(3))));
                    screened.add(1);
                    if (!result.alerts().isEmpty()) alerted.add(1);
                    return BatchLines.screening(result, false);
                }
            };
        };
        Dataset<String> lines = rows.mapPartitions(screen, Encoders.STRING());
        String jsonl = s.output() + "/jsonl";
        lines.write().mode("errorifexists").option("compression", "none").text(jsonl);
        if (s.parquet()) {
            // the Parquet records are read back from the lines just written, so the two outputs cannot differ
            spark.read().schema(RESULT).json(jsonl).write().mode("errorifexists").parquet(s.output() + "/parquet");
        }
        return new Summary(Watchlists.versions(lists), screened.value(), alerted.value(), s.output());
    }

    private static String first(List<String> columns, String... names) {
        for (String n : names) if (columns.contains(n)) return n;
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String describe(Summary s) {
        List<String> vs = new ArrayList<>();
        for (ListVersion v : s.versions()) vs.add(v.listId() + " v" + v.version());
        return String.format(Locale.ROOT, "custody-spark screen: %d name(s) screened, %d with an alert, against %s; output %s",
                s.screened(), s.alerted(), String.join(", ", vs), s.output());
    }
}
