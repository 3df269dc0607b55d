package org.custody.spark;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The schema of the line {@code custody ingest --json} prints for a document ({@code org.custody.cli.EvidenceJson}),
 * field for field in the line's order: the {@code documents/} Parquet of the {@code ingest} job holds the value each
 * line renders ({@code BatchLines.ingestShape}) in this schema ({@link ShapeRows}, which refuses a field not declared
 * here). Whole numbers are 64-bit as Spark reads JSON numbers. The equivalence test reads every Parquet record back
 * as JSON and compares it with its line.
 */
final class IngestSchema {

    private static final DataType TEXT = DataTypes.StringType;
    private static final DataType NUMBER = DataTypes.LongType;

    private static ArrayType arrayOf(DataType t) {
        return DataTypes.createArrayType(t, true);
    }

    static final StructType DOCUMENT = new StructType()
            .add("id", TEXT).add("kind", TEXT).add("source", TEXT).add("outlet", TEXT).add("url", TEXT)
            .add("title", TEXT).add("author", TEXT).add("platform", TEXT).add("published", TEXT).add("retrieved", TEXT)
            .add("contentHash", TEXT).add("length", NUMBER);

    static final StructType MENTION = new StructType()
            .add("type", TEXT).add("text", TEXT).add("start", NUMBER).add("end", NUMBER)
            .add("resolved", new StructType().add("id", TEXT).add("name", TEXT));

    /** An article or holder inside a claim: its text and span, and its resolution. */
    static final StructType PARTY = new StructType()
            .add("text", TEXT).add("start", NUMBER).add("end", NUMBER).add("id", TEXT).add("name", TEXT);

    static final StructType CLAIM = new StructType()
            .add("kind", TEXT).add("article", PARTY).add("holder", PARTY).add("stance", TEXT).add("attributedTo", TEXT)
            .add("sentence", TEXT).add("start", NUMBER).add("end", NUMBER);

    static final StructType QUOTE = new StructType()
            .add("text", TEXT).add("speaker", TEXT).add("start", NUMBER).add("end", NUMBER);

    static final StructType ORIGIN = new StructType()
            .add("outlet", TEXT).add("reporters", arrayOf(TEXT)).add("credited", DataTypes.BooleanType);

    static final StructType PHOTO = new StructType()
            .add("sha256", TEXT).add("file", TEXT).add("newImage", DataTypes.BooleanType).add("family", TEXT)
            .add("familyDistance", NUMBER).add("earliestDocument", TEXT).add("earliestPoster", TEXT)
            .add("flags", arrayOf(TEXT));

    static final StructType LINE = new StructType()
            .add("document", DOCUMENT).add("mentions", arrayOf(MENTION)).add("claims", arrayOf(CLAIM))
            .add("quotes", arrayOf(QUOTE)).add("origins", arrayOf(ORIGIN)).add("storyId", TEXT)
            .add("photos", arrayOf(PHOTO)).add("notes", arrayOf(TEXT));

    private IngestSchema() {}
}
