package org.custody.store.lists;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.custody.lists.ListEntity;
import org.custody.lists.ListVersion;
import org.custody.screening.EngineSnapshot;
import org.custody.screening.ScreeningConfig;
import org.custody.screening.ScreeningEngine;

/**
 * A built screening engine persisted beside the list versions it was built from, so the next process
 * restores it instead of loading the lists and analysing every name again. One file (magic "CSC2"):
 * a stamp (the code that wrote it, the database it was read from, each list version with its content
 * hash), the entities ({@link SnapshotCodec}), then the engine's analysed names ({@link EngineSnapshot}).
 * A file whose stamp does not match is ignored, never trusted; writes go to a temporary file that is
 * moved into place, so a reader sees a whole file or none.
 */
public final class ScreeningCache {

    private static final int MAGIC = 0x43534332; // "CSC2"

    private final Path file;

    public ScreeningCache(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * The engine stored for {@code database}, or null when there is none, it was written by other code or
     * for another database, or it is unreadable. With {@code current} given, the stored list versions must
     * be exactly those (list, version number, content hash); with null, whatever versions are stored are
     * taken as current (for a database only this home writes to, whose imports {@link #invalidate} first).
     */
    public ScreeningEngine load(String database, List<ListVersion> current, ScreeningConfig config) {
        String code = codeFingerprint();
        if (code == null || !Files.isRegularFile(file)) return null;
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)));
            if (in.readInt() != MAGIC || !ListVersionCodec.readString(in).equals(code)
                    || !ListVersionCodec.readString(in).equals(database)) return null;
            List<ListVersion> versions = ListVersionCodec.read(in);
            if (current != null && !sameVersions(versions, current)) return null;
            byte[] entityBytes = new byte[in.readInt()];
            in.readFully(entityBytes);
            // the entities decode on a second thread while this one rebuilds the index from the analysed names
            CompletableFuture<List<ListEntity>> entities = CompletableFuture.supplyAsync(
                    () -> SnapshotCodec.decode(entityBytes), task -> Thread.ofPlatform().daemon().start(task));
            return EngineSnapshot.read(in, entities::join, versions, config);
        } catch (IOException | RuntimeException e) {
            return null;    // a damaged or foreign file is rebuilt, never trusted
        }
    }

    /** Stores {@code engine}, built from {@code entities} of its list versions read from {@code database}. */
    public void save(ScreeningEngine engine, List<ListEntity> entities, String database) {
        String code = codeFingerprint();
        if (code == null) return;
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                    out.writeInt(MAGIC);
                    ListVersionCodec.writeString(out, code);
                    ListVersionCodec.writeString(out, database);
                    ListVersionCodec.write(out, engine.listVersions());
                    byte[] entityBytes = SnapshotCodec.encode(entities);
                    out.writeInt(entityBytes.length);
                    out.write(entityBytes);
                    EngineSnapshot.write(engine, out);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the screening cache " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes the stored engine; a list import calls this before it changes anything. */
    public void invalidate() {
        try {
            Files.deleteIfExists(file);
        } catch (NoSuchFileException ignored) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stale screening cache " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean sameVersions(List<ListVersion> stored, List<ListVersion> current) {
        if (stored.size() != current.size()) return false;
        for (int i = 0; i < stored.size(); i++) {
            ListVersion a = stored.get(i), b = current.get(i);
            if (!a.listId().equals(b.listId()) || a.version() != b.version() || !a.contentHash().equals(b.contentHash())) {
                return false;
            }
        }
        return true;
    }

    /**
     * What identifies the code that builds engines: the application jar's size and modification time, or
     * for a classes folder (tests, IDE) the count and newest modification time of its class files. Null
     * when it cannot be told, and then nothing is cached.
     */
    static String codeFingerprint() {
        try {
            Path p = Path.of(ScreeningEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(p)) return "jar:" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
            long newest = 0, count = 0;
            try (Stream<Path> files = Files.walk(p)) {
                for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
                    count++;
                }
            }
            return "classes:" + count + ":" + newest;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
