package org.custody.store.lists;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custody.lists.ListEntity;
import org.custody.lists.ListVersion;

/**
 * The current lists as one self-contained file (magic "CLX2"): each list version with every field, then the
 * entities in the snapshot form list versions are stored in. A batch job reads it where the database is out of
 * reach, and builds exactly the engine {@code custody screen} builds from the same versions.
 */
public final class ListsExport {

    private static final int MAGIC = 0x434c5832; // "CLX2"

    private ListsExport() {}

    public static byte[] toBytes(WatchlistStore.CurrentLists lists) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            ListVersionCodec.write(out, lists.versions());
            byte[] entities = SnapshotCodec.encode(lists.entities());
            out.writeInt(entities.length);
            out.write(entities);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The lists in {@code bytes}; {@code origin} names the file in the error when they are not an export. */
    public static WatchlistStore.CurrentLists fromBytes(byte[] bytes, String origin) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (bytes.length < 8 || in.readInt() != MAGIC) {
                throw new IllegalArgumentException(origin + ": not a Custody lists export (expected the CLX2 header)");
            }
            List<ListVersion> versions = ListVersionCodec.read(in);
            byte[] entityBytes = new byte[in.readInt()];
            in.readFully(entityBytes);
            List<ListEntity> entities = SnapshotCodec.decode(entityBytes);
            return new WatchlistStore.CurrentLists(entities, versions);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith(origin)) throw iae;
            throw new IllegalArgumentException(origin + ": damaged lists export: " + e.getMessage(), e);
        }
    }

    public static void write(Path file, WatchlistStore.CurrentLists lists) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, toBytes(lists));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static WatchlistStore.CurrentLists read(Path file) {
        try {
            return fromBytes(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
