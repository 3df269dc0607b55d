package org.custody.store.lists;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.custody.lists.ListVersion;

/**
 * List versions in the binary files that carry them beside their entities (the screening cache, the lists
 * export). Every field, in one order; strings as length-prefixed UTF-8, not {@code writeUTF}, because a version's
 * provenance (every file with its hash, every feed URL) can pass writeUTF's 64 KB limit.
 */
final class ListVersionCodec {

    private ListVersionCodec() {}

    static void write(DataOutput out, List<ListVersion> versions) throws IOException {
        out.writeInt(versions.size());
        for (ListVersion v : versions) {
            writeString(out, v.listId());
            out.writeLong(v.version());
            writeString(out, Objects.requireNonNullElse(v.publishedAt(), ""));
            out.writeLong(v.importedAt().toEpochMilli());
            writeString(out, v.contentHash());
            out.writeInt(v.entityCount());
            writeString(out, Objects.requireNonNullElse(v.source(), ""));
        }
    }

    static List<ListVersion> read(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000) throw new IOException("implausible number of list versions: " + n);
        List<ListVersion> versions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String list = readString(in);
            long version = in.readLong();
            String published = readString(in);
            Instant imported = Instant.ofEpochMilli(in.readLong());
            String hash = readString(in);
            int count = in.readInt();
            String source = readString(in);
            versions.add(new ListVersion(list, version, published.isEmpty() ? null : published, imported, hash, count,
                    source.isEmpty() ? null : source));
        }
        return versions;
    }

    static void writeString(DataOutput out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (64 << 20)) throw new IOException("implausible string length: " + length);
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
