package org.custody.store.lists;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.custody.lists.Address;
import org.custody.lists.Alias;
import org.custody.lists.AliasStrength;
import org.custody.lists.Identifier;
import org.custody.lists.ListEntity;
import org.custody.lists.Schema;

/**
 * The compact per-version snapshot that start-up decodes: a gzip'd, length-prefixed binary encoding of
 * the entities. It decodes several times faster than JSON on a cold JVM, which is what
 * the "screening index ready within 1 s of start" target is about. It is written streaming ("CSL2",
 * {@link Writer}); snapshots in the counted form ("CSL1") and gzip'd JSON arrays (the first format) are
 * still read.
 */
final class SnapshotCodec {

    private static final int MAGIC = 0x43534c31; // "CSL1": the entity count, then the entities
    private static final int MAGIC_STREAMED = 0x43534c32; // "CSL2": see Writer
    private static final Schema[] SCHEMAS = Schema.values();
    private static final AliasStrength[] STRENGTHS = AliasStrength.values();

    private SnapshotCodec() {}

    static byte[] encode(List<ListEntity> entities) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (Writer w = new Writer(bytes)) {
            for (ListEntity e : entities) w.add(e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /** The counted form ("CSL1") that versions stored before the streamed form carry; kept for tests. */
    static byte[] encodeCounted(List<ListEntity> entities) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(entities.size());
            for (ListEntity e : entities) entity(out, e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes a snapshot one entity at a time (magic "CSL2": each entity preceded by a 1 byte, the end
     * marked by a 0 byte, since the count is not known until the list has been read), so a list of any
     * size is encoded in constant memory. Closing it finishes the gzip stream.
     */
    static final class Writer implements java.io.Closeable {
        private final DataOutputStream out;
        private int count;

        Writer(java.io.OutputStream target) throws IOException {
            out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(target, 1 << 16), 1 << 16));
            out.writeInt(MAGIC_STREAMED);
        }

        void add(ListEntity e) throws IOException {
            out.writeByte(1);
            entity(out, e);
            count++;
        }

        int count() {
            return count;
        }

        @Override
        public void close() throws IOException {
            out.writeByte(0);
            out.close();
        }
    }

    private static void entity(DataOutputStream out, ListEntity e) throws IOException {
        str(out, e.id());
        str(out, e.listId());
        str(out, e.sourceId());
        out.writeByte(e.schema().ordinal());
        str(out, e.primaryName());
        out.writeInt(e.aliases().size());
        for (Alias a : e.aliases()) {
            str(out, a.name());
            out.writeByte(a.strength().ordinal());
            str(out, a.kind());
        }
        strs(out, e.programs());
        strs(out, e.birthDates());
        strs(out, e.nationalities());
        out.writeInt(e.addresses().size());
        for (Address a : e.addresses()) {
            str(out, a.street());
            str(out, a.cityStateProvince());
            str(out, a.country());
            str(out, a.remarks());
        }
        out.writeInt(e.identifiers().size());
        for (Identifier i : e.identifiers()) {
            str(out, i.type());
            str(out, i.value());
            str(out, i.country());
        }
        str(out, e.remarks());
    }

    static List<ListEntity> decode(byte[] snapshot) {
        try (InputStream raw = new BufferedInputStream(new GZIPInputStream(new ByteArrayInputStream(snapshot), 1 << 16), 1 << 16)) {
            raw.mark(4);
            int first = raw.read();
            raw.reset();
            if (first == '[') return EntityCodec.entitiesFromJson(raw);
            DataInputStream in = new DataInputStream(raw);
            int magic = in.readInt();
            if (magic != MAGIC && magic != MAGIC_STREAMED) throw new IOException("unknown snapshot format");
            Reader r = new Reader(in);
            int n = magic == MAGIC ? in.readInt() : -1;
            List<ListEntity> out = new ArrayList<>(Math.max(n, 16));
            for (int k = 0; n < 0 ? in.readByte() == 1 : k < n; k++) {
                String id = r.str();
                String listId = r.shared();
                String sourceId = r.str();
                Schema schema = SCHEMAS[in.readByte()];
                String primary = r.str();
                int na = in.readInt();
                List<Alias> aliases = new ArrayList<>(na);
                for (int i = 0; i < na; i++) aliases.add(new Alias(r.str(), STRENGTHS[in.readByte()], r.shared()));
                List<String> programs = r.sharedList();
                List<String> dobs = r.list();
                List<String> nats = r.sharedList();
                int nd = in.readInt();
                List<Address> addresses = new ArrayList<>(nd);
                for (int i = 0; i < nd; i++) addresses.add(new Address(r.str(), r.str(), r.shared(), r.str()));
                int ni = in.readInt();
                List<Identifier> ids = new ArrayList<>(ni);
                for (int i = 0; i < ni; i++) ids.add(new Identifier(r.shared(), r.str(), r.shared()));
                out.add(new ListEntity(id, listId, sourceId, schema, primary, aliases, programs, dobs, nats, addresses,
                        ids, r.str()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("stored list snapshot is not readable: " + e.getMessage(), e);
        }
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void strs(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) str(out, s);
    }

    /** Reads strings; the repetitive ones (list ids, kinds, programs, countries) are shared, not copied. */
    private static final class Reader {
        final DataInputStream in;
        final Map<String, String> pool = new HashMap<>();
        byte[] buf = new byte[256];

        Reader(DataInputStream in) {
            this.in = in;
        }

        String str() throws IOException {
            int len = in.readInt();
            if (len < 0) return null;
            if (len > buf.length) buf = new byte[Math.max(len, buf.length * 2)];
            in.readFully(buf, 0, len);
            return new String(buf, 0, len, StandardCharsets.UTF_8);
        }

        String shared() throws IOException {
            String s = str();
            if (s == null) return null;
            String prev = pool.putIfAbsent(s, s);
            return prev == null ? s : prev;
        }

        List<String> list() throws IOException {
            int n = in.readInt();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(str());
            return out;
        }

        List<String> sharedList() throws IOException {
            int n = in.readInt();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(shared());
            return out;
        }
    }
}
