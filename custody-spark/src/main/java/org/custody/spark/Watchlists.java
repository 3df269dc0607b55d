package org.custody.spark;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.custody.lists.ListVersion;
import org.custody.screening.ScreeningEngine;
import org.custody.store.Database;
import org.custody.store.lists.ListsExport;
import org.custody.store.lists.WatchlistStore;

/**
 * The watchlists a job screens against, as the bytes of a lists export ({@link ListsExport}): read on the
 * driver from Custody's PostgreSQL (every list's current version) or from an exported file, broadcast once,
 * and turned into a {@link ScreeningEngine} once per executor JVM ({@link #engine}), the same engine
 * {@code custody screen} builds from the same versions.
 */
final class Watchlists {

    private static final ConcurrentHashMap<String, ScreeningEngine> ENGINES = new ConcurrentHashMap<>();

    private Watchlists() {}

    /** The current lists of the database at {@code db}. */
    static byte[] fromDatabase(CustodyDb db) {
        try (Database d = db.open()) {
            WatchlistStore.CurrentLists lists = new WatchlistStore(d).loadCurrent();
            if (lists.versions().isEmpty()) {
                throw new IllegalStateException(db + ": no watchlist imported yet (custody lists import --bundled)");
            }
            return ListsExport.toBytes(lists);
        }
    }

    /** An export written by {@code export-lists} (checked here, on the driver, before anything is broadcast). */
    static byte[] fromFile(Path file) {
        WatchlistStore.CurrentLists lists = ListsExport.read(file);
        if (lists.versions().isEmpty()) throw new IllegalArgumentException(file + ": the export holds no list");
        return ListsExport.toBytes(lists);
    }

    static List<ListVersion> versions(byte[] export) {
        return ListsExport.fromBytes(export, "lists export").versions();
    }

    /** The engine over {@code export}, built on the first call in this JVM and shared by all its tasks. */
    static ScreeningEngine engine(byte[] export) {
        return ENGINES.computeIfAbsent(sha256(export), k -> {
            WatchlistStore.CurrentLists lists = ListsExport.fromBytes(export, "lists export");
            return ScreeningEngine.build(lists.entities(), lists.versions());
        });
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
