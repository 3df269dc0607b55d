package org.custody.spark;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A JSON-shaped value (maps in field order, lists, strings, whole numbers, booleans, nulls: what
 * {@code org.custody.cli.BatchLines#ingestShape} returns and Jackson renders as the line) as Spark's internal row of
 * a declared schema, for the {@code ingest} job's own Parquet writers. Strict: a field the schema does not declare,
 * or a value of another kind than its column's, is an error naming the field, so the Parquet records cannot drift
 * from the JSON lines unnoticed (the equivalence test compares them as well).
 */
final class ShapeRows {

    private ShapeRows() {}

    static InternalRow row(Map<?, ?> shape, StructType schema) {
        return struct(shape, schema, "");
    }

    private static GenericInternalRow struct(Map<?, ?> shape, StructType schema, String path) {
        StructField[] fields = schema.fields();
        Object[] values = new Object[fields.length];
        int found = 0;
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i].name();
            if (shape.containsKey(name)) found++;
            values[i] = value(shape.get(name), fields[i].dataType(), path + name);
        }
        if (found != shape.size()) {
            for (Object k : shape.keySet()) {
                if (!schema.getFieldIndex(String.valueOf(k)).isDefined()) {
                    throw new IllegalStateException("field " + path + k + " of the ingest line is not in the job's schema (IngestSchema)");
                }
            }
        }
        return new GenericInternalRow(values);
    }

    private static Object value(Object v, DataType type, String path) {
        if (v == null) return null;
        if (type instanceof StructType st && v instanceof Map<?, ?> m) return struct(m, st, path + ".");
        if (type instanceof ArrayType at && v instanceof List<?> list) {
            Object[] out = new Object[list.size()];
            for (int i = 0; i < out.length; i++) out[i] = value(list.get(i), at.elementType(), path + "[]");
            return new GenericArrayData(out);
        }
        if (type == DataTypes.StringType && v instanceof String s) return UTF8String.fromString(s);
        if (type == DataTypes.LongType && (v instanceof Long || v instanceof Integer || v instanceof Short)) return ((Number) v).longValue();
        if (type == DataTypes.BooleanType && v instanceof Boolean) return v;
        throw new IllegalStateException("field " + path + " of the ingest line: a " + v.getClass().getSimpleName()
                + " where the job's schema (IngestSchema) has " + type.simpleString());
    }

    /** A list of text as an array column. */
    static GenericArrayData texts(List<String> values) {
        Object[] out = new Object[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = UTF8String.fromString(values.get(i));
        return new GenericArrayData(out);
    }

    /** A list of whole numbers as an array column. */
    static GenericArrayData longs(List<Long> values) {
        return new GenericArrayData(values.toArray());
    }

    /**
     * A map of text to text as a map column, in key order (the story keys' map is unordered: its order would differ
     * from one JVM to the next).
     */
    static ArrayBasedMapData textMap(Map<String, String> unordered) {
        Map<String, String> values = new java.util.TreeMap<>(unordered);
        Object[] keys = new Object[values.size()];
        Object[] vals = new Object[values.size()];
        int i = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            keys[i] = UTF8String.fromString(e.getKey());
            vals[i++] = e.getValue() == null ? null : UTF8String.fromString(e.getValue());
        }
        return new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(vals));
    }
}
