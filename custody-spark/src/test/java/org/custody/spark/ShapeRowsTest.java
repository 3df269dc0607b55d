package org.custody.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The ingest job's rows for its Parquet views, made from the value the JSON line renders: fields by the schema's
 * names (not the map's order), nulls kept, and anything the schema does not declare refused, naming the field.
 */
class ShapeRowsTest {

    private static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType)
            .add("length", DataTypes.LongType)
            .add("tags", DataTypes.createArrayType(DataTypes.StringType))
            .add("party", new StructType().add("text", DataTypes.StringType).add("credited", DataTypes.BooleanType));

    private static Map<String, Object> shape(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void fillsTheSchemasFieldsByNameWithNestedValuesAndNulls() {
        InternalRow r = ShapeRows.row(shape("party", shape("credited", true, "text", "Reuters"), "length", 42,
                "tags", List.of("a", "b"), "id", "doc-1"), SCHEMA);
        assertThat(r.getUTF8String(0).toString()).isEqualTo("doc-1");
        assertThat(r.getLong(1)).isEqualTo(42L);
        assertThat(r.getArray(2).numElements()).isEqualTo(2);
        assertThat(r.getArray(2).getUTF8String(1).toString()).isEqualTo("b");
        assertThat(r.getStruct(3, 2).getUTF8String(0).toString()).isEqualTo("Reuters");
        assertThat(r.getStruct(3, 2).getBoolean(1)).isTrue();

        InternalRow sparse = ShapeRows.row(shape("id", "doc-2", "party", null), SCHEMA);
        assertThat(sparse.isNullAt(1)).isTrue();
        assertThat(sparse.isNullAt(2)).isTrue();
        assertThat(sparse.isNullAt(3)).isTrue();
    }

    @Test
    void refusesAFieldTheSchemaLacksAndAValueOfAnotherKind() {
        assertThatThrownBy(() -> ShapeRows.row(shape("id", "doc-1", "party", shape("text", "x", "speaker", "y")), SCHEMA))
                .hasMessageContaining("field party.speaker of the ingest line is not in the job's schema");
        assertThatThrownBy(() -> ShapeRows.row(shape("id", "doc-1", "length", 4.5), SCHEMA))
                .hasMessageContaining("field length of the ingest line: a Double where the job's schema (IngestSchema) has bigint");
        assertThatThrownBy(() -> ShapeRows.row(shape("tags", List.of("a", 3)), SCHEMA))
                .hasMessageContaining("field tags[] of the ingest line: a Integer");
    }

    @Test
    void writesAnUnorderedMapInKeyOrder() {
        ArrayBasedMapData m = ShapeRows.textMap(Map.of("F16C", "F-16C", "MP146038", "MP-14-6038", "AK47", "AK-47"));
        assertThat(m.keyArray().toObjectArray(DataTypes.StringType)).extracting(Object::toString)
                .containsExactly("AK47", "F16C", "MP146038");
        assertThat(m.valueArray().getUTF8String(0).toString()).isEqualTo("AK-47");
    }
}
