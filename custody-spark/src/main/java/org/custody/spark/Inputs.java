package org.custody.spark;

import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A table read by format: Parquet, CSV with a header row, or JSON Lines; named, or told by the path's ending. */
final class Inputs {

    private Inputs() {}

    static Dataset<Row> read(SparkSession spark, String path, String format) {
        String f = format != null ? format.toLowerCase(Locale.ROOT) : guess(path);
        return switch (f) {
            case "parquet" -> spark.read().parquet(path);
            case "csv" -> spark.read().option("header", "true").option("escape", "\"").option("multiLine", "false").csv(path);
            case "json", "jsonl" -> spark.read().json(path);
            default -> throw new JobOptions.UsageException("--format: expected parquet, csv or jsonl, got '" + format + "'");
        };
    }

    private static String guess(String path) {
        String p = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        if (p.endsWith(".csv")) return "csv";
        if (p.endsWith(".jsonl") || p.endsWith(".ndjson") || p.endsWith(".json")) return "jsonl";
        if (p.endsWith(".parquet")) return "parquet";
        throw new JobOptions.UsageException(path + ": cannot tell the format from the name; give --format parquet|csv|jsonl");
    }
}
