package org.custody.store.lists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.custody.lists.ListEntity;

/** JSON for one entity (the JSONB column) and gzip'd JSON for a whole version (the snapshot column). */
final class EntityCodec {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<ListEntity>> LIST = new TypeReference<>() {};

    private EntityCodec() {}

    static String json(ListEntity e) {
        try {
            return MAPPER.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static ListEntity entity(String json) {
        try {
            return MAPPER.readValue(json, ListEntity.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored entity is not readable: " + ex.getOriginalMessage(), ex);
        }
    }

    static byte[] snapshot(List<ListEntity> entities) {
        return SnapshotCodec.encode(entities);
    }

    /** A gzip'd JSON array snapshot (the first format); kept so tests can prove old versions stay readable. */
    static byte[] jsonSnapshot(List<ListEntity> entities) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (OutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
            MAPPER.writeValue(gz, entities);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A version snapshot: see {@link SnapshotCodec}. */
    static List<ListEntity> entities(byte[] snapshot) {
        return SnapshotCodec.decode(snapshot);
    }

    /** The first snapshot format, a JSON array, still read for versions stored with it. */
    static List<ListEntity> entitiesFromJson(InputStream in) throws IOException {
        return MAPPER.readValue(in, LIST);
    }
}
