package org.custody.store.lists;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.custody.audit.AuditLog;
import org.custody.lists.ListEntity;
import org.custody.lists.ListFormatException;
import org.custody.lists.ListSource;
import org.custody.lists.ListSummary;
import org.custody.lists.ListVersion;
import org.custody.lists.ParsedList;
import org.custody.lists.ShrinkGuard;
import org.custody.lists.ShrinkRefusedException;
import org.custody.lists.SourceFiles;
import org.custody.store.Database;
import org.custody.store.StoreException;

/**
 * Watchlists in PostgreSQL. An import replaces a list's current version as a whole in one transaction
 * (with its audit entry); the replaced version stays, closed at the moment the new one became current,
 * so "which version was current when" is answerable. Re-importing the current content is recognised by
 * its hash and adds no version.
 */
public final class WatchlistStore {

    private static final String VERSION_COLUMNS =
            "list_id, version, published_at, imported_at, content_hash, entity_count, source";

    private final Database db;

    public WatchlistStore(Database db) {
        this.db = db;
    }

    /** What an import did to one list. */
    public record ImportOutcome(String listId, ListVersion version, boolean unchanged, ListVersion replaced,
                                Map<String, Long> counts, List<String> warnings) {}

    /** The current entities of every list and the versions they come from. */
    public record CurrentLists(List<ListEntity> entities, List<ListVersion> versions) {
        public CurrentLists {
            entities = List.copyOf(entities);
            versions = List.copyOf(versions);
        }
    }

    /** One version in a list's history and when it was current (validTo null: still current). */
    public record VersionPeriod(ListVersion version, Instant validFrom, Instant validTo, boolean current,
                                Map<String, Long> counts) {}

    /** Imports one list; see {@link #importAll}. */
    public ImportOutcome importList(ParsedList list, String source) {
        return importAll(List.of(list), source).getFirst();
    }

    /** {@link #importAll(List, String, ShrinkGuard)} with the default guard. */
    public List<ImportOutcome> importAll(List<ParsedList> lists, String source) {
        return importAll(lists, l -> source, ShrinkGuard.DEFAULT);
    }

    /** As {@link #importAll(List, String)}, each version recording its own source (its files and their hashes). */
    public List<ImportOutcome> importAll(List<ParsedList> lists, java.util.function.Function<ParsedList, String> sourceOf) {
        return importAll(lists, sourceOf, ShrinkGuard.DEFAULT);
    }

    /** {@link #importAll(List, java.util.function.Function, ShrinkGuard)} with one source text for every list. */
    public List<ImportOutcome> importAll(List<ParsedList> lists, String source, ShrinkGuard guard) {
        return importAll(lists, l -> source, guard);
    }

    /**
     * Makes each parsed list the current version of its list, all in one transaction: either every list
     * is replaced or none is. Each list gets an audit entry. A list the {@code guard} refuses (emptied, or
     * dropping too many of the current entities) refuses the whole import with a
     * {@link ShrinkRefusedException}; the refusal is audited and nothing else changes.
     */
    public List<ImportOutcome> importAll(List<ParsedList> lists, java.util.function.Function<ParsedList, String> sourceOf,
                                         ShrinkGuard guard) {
        List<Incoming> incoming = new ArrayList<>();
        for (ParsedList l : lists) {
            incoming.add(new Incoming(l.listId(), l::contentHash, sourceOf.apply(l), sink -> {
                l.entities().forEach(sink);
                return new ListSummary(l.listId(), l.publishedAt(), l.counts(), l.warnings());
            }));
        }
        return importIncoming(incoming, guard);
    }

    /**
     * Reads each source and makes it the current version of its list, all in one transaction, as
     * {@link #importAll(List, java.util.function.Function, ShrinkGuard)} does, but without holding any list
     * in memory: the content hash is computed over the files first (in blocks; identical content adds no
     * version and is not parsed), then the entities are written as the parser hands them over, in batches
     * of {@value #BATCH} rows, with the compact snapshot written to a temporary file beside them; the
     * shrink guard compares the two versions' entity ids in the database. A malformed file throws a
     * {@link SourceRefusedException} naming its list; nothing of the import stays.
     */
    public List<ImportOutcome> importSources(List<ListSource> sources, java.util.function.Function<ListSource, String> sourceOf,
                                             ShrinkGuard guard) {
        List<Incoming> incoming = new ArrayList<>();
        for (ListSource src : sources) {
            incoming.add(new Incoming(src.listId(), () -> {
                try {
                    return SourceFiles.contentHash(src.files());
                } catch (ListFormatException e) {
                    throw new SourceRefusedException(src.listId(), e);
                }
            }, sourceOf.apply(src), sink -> {
                try {
                    return src.stream(sink);
                } catch (ListFormatException e) {
                    throw new SourceRefusedException(src.listId(), e);
                }
            }));
        }
        return importIncoming(incoming, guard);
    }

    /** A list file that could not be read during {@link #importSources}: the list and the file's problem. */
    public static final class SourceRefusedException extends RuntimeException {
        private final String listId;

        SourceRefusedException(String listId, ListFormatException cause) {
            super(cause.getMessage(), cause);
            this.listId = listId;
        }

        public String listId() {
            return listId;
        }

        public ListFormatException problem() {
            return (ListFormatException) getCause();
        }
    }

    /** One list on its way in: its content hash (asked for first) and how to stream its entities. */
    private record Incoming(String listId, java.util.function.Supplier<String> contentHash, String source,
                            java.util.function.Function<Consumer<ListEntity>, ListSummary> stream) {}

    private List<ImportOutcome> importIncoming(List<Incoming> lists, ShrinkGuard guard) {
        String actor = AuditLog.currentActor();
        try {
            return db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    // one importer at a time: version numbers and the single current version stay consistent
                    s.execute("LOCK TABLE list_version IN SHARE ROW EXCLUSIVE MODE");
                }
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                List<ImportOutcome> out = new ArrayList<>();
                for (Incoming list : lists) out.add(importOne(c, list, actor, now, guard));
                return out;
            });
        } catch (ShrinkRefusedException e) {
            String source = lists.stream().filter(l -> l.listId().equals(e.listId())).findFirst().map(Incoming::source).orElse("");
            recordRefusal(e.listId(), source, e.getMessage());
            throw e;
        }
    }

    /** Rows per batched INSERT while a list streams in. */
    static final int BATCH = 1000;

    private ImportOutcome importOne(Connection c, Incoming list, String actor, Instant now, ShrinkGuard guard)
            throws SQLException {
        String listId = list.listId();
        String source = list.source();
        String contentHash = list.contentHash().get();
        Optional<ListVersion> current = current(c, listId);
        if (current.isPresent() && current.get().contentHash().equals(contentHash)) {
            AuditLog.append(c, actor, "lists.import.unchanged", "list:" + listId, detail(Map.of(
                    "list", listId, "version", current.get().version(), "contentHash", contentHash,
                    "source", source)));
            StoredReport stored = storedReport(c, current.get());
            return new ImportOutcome(listId, current.get(), true, null, stored.counts(), stored.warnings());
        }
        long version;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(version), 0) + 1 FROM list_version WHERE list_id = ?")) {
            ps.setString(1, listId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                version = rs.getLong(1);
            }
        }
        // the version row exists (not current) while its entities stream in; it is completed below
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO list_version(" + VERSION_COLUMNS
                + ", valid_from, valid_to, is_current, snapshot) VALUES (?,?,NULL,?,?,0,?,?,?,false,'\\x'::bytea)")) {
            ps.setString(1, listId);
            ps.setLong(2, version);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, contentHash);
            ps.setString(5, source);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setTimestamp(7, Timestamp.from(now));
            ps.executeUpdate();
        }
        ListSummary summary;
        long entityCount;
        Path snapshot = tempFile();
        try {
            try (EntityWriter writer = new EntityWriter(c, listId, version, snapshot)) {
                summary = list.stream().apply(writer::add);
                writer.flush();
                entityCount = writer.count();
            } catch (java.io.IOException e) {
                throw new UncheckedIOException("cannot write the list snapshot: " + e.getMessage(), e);
            }
            long dropped = current.isPresent() ? dropped(c, current.get(), version) : 0;
            Optional<String> refusal = guard.refusal(listId, current.map(ListVersion::version).orElse(null),
                    current.map(ListVersion::entityCount).orElse(0), entityCount, dropped);
            if (refusal.isPresent()) throw new ShrinkRefusedException(listId, refusal.get());
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE list_version SET is_current = false, valid_to = ? WHERE list_id = ? AND is_current")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, listId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE list_version SET is_current = true, valid_to = NULL, "
                    + "published_at = ?, entity_count = ?, counts = ?::jsonb, warnings = ?::jsonb, snapshot = ? "
                    + "WHERE list_id = ? AND version = ?");
                 InputStream snap = Files.newInputStream(snapshot)) {
                ps.setString(1, summary.publishedAt());
                ps.setLong(2, entityCount);
                ps.setString(3, json(summary.counts()));
                ps.setString(4, json(summary.warnings()));
                ps.setBinaryStream(5, snap, Files.size(snapshot));   // streamed, not read into memory
                ps.setString(6, listId);
                ps.setLong(7, version);
                ps.executeUpdate();
            } catch (java.io.IOException e) {
                throw new UncheckedIOException("cannot read the list snapshot: " + e.getMessage(), e);
            }
        } finally {
            try {
                Files.deleteIfExists(snapshot);
            } catch (java.io.IOException ignored) {
                // a leftover temporary file is not worth failing the import for
            }
        }
        ListVersion v = new ListVersion(listId, version, summary.publishedAt(), now, contentHash, (int) entityCount, source);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("list", v.listId());
        d.put("version", v.version());
        d.put("replaces", current.map(ListVersion::version).orElse(null));
        d.put("publishedAt", v.publishedAt());
        d.put("contentHash", v.contentHash());
        d.put("entities", v.entityCount());
        d.put("source", source);
        d.put("counts", summary.counts());
        d.put("warnings", summary.warnings());
        AuditLog.append(c, actor, "lists.import", "list:" + v.listId(), detail(d));
        return new ImportOutcome(v.listId(), v, false, current.orElse(null), summary.counts(), summary.warnings());
    }

    /** How many entities of {@code current} the new version lacks (by entity id), counted in the database. */
    private static long dropped(Connection c, ListVersion current, long newVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM list_entity o WHERE o.list_id = ? "
                + "AND o.version = ? AND NOT EXISTS (SELECT 1 FROM list_entity n WHERE n.list_id = o.list_id "
                + "AND n.version = ? AND n.entity_id = o.entity_id)")) {
            ps.setString(1, current.listId());
            ps.setLong(2, current.version());
            ps.setLong(3, newVersion);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private record StoredReport(Map<String, Long> counts, List<String> warnings) {}

    /** The counts and warnings recorded with a version when it was imported. */
    private static StoredReport storedReport(Connection c, ListVersion v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT counts::text, warnings::text FROM list_version WHERE list_id = ? AND version = ?")) {
            ps.setString(1, v.listId());
            ps.setLong(2, v.version());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                List<String> warnings = new ArrayList<>();
                try {
                    EntityCodec.MAPPER.readTree(rs.getString(2)).forEach(w -> warnings.add(w.asText()));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                return new StoredReport(counts(rs.getString(1)), warnings);
            }
        }
    }

    private static Path tempFile() {
        try {
            return Files.createTempFile("custody-list-snapshot-", ".bin");
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the list snapshot: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a version's entities as they arrive: JSONB rows in batched INSERTs of {@value #BATCH} and the
     * snapshot to a temporary file. Holds one batch, whatever the size of the list.
     */
    private static final class EntityWriter implements AutoCloseable {
        private final Connection c;
        private final String listId;
        private final long version;
        private final PreparedStatement insert;
        private final SnapshotCodec.Writer snapshot;
        private long count;
        private int pending;

        EntityWriter(Connection c, String listId, long version, Path snapshotFile) throws SQLException, java.io.IOException {
            this.c = c;
            this.listId = listId;
            this.version = version;
            this.insert = c.prepareStatement("INSERT INTO list_entity(list_id, version, entity_id, "
                    + "source_id, schema, primary_name, programs, entity) VALUES (?,?,?,?,?,?,?,?::jsonb)");
            this.snapshot = new SnapshotCodec.Writer(Files.newOutputStream(snapshotFile));
        }

        void add(ListEntity e) {
            try {
                insert.setString(1, listId);
                insert.setLong(2, version);
                insert.setString(3, e.id());
                insert.setString(4, e.sourceId() == null ? "" : e.sourceId());
                insert.setString(5, e.schema().name());
                insert.setString(6, e.primaryName());
                Array programs = c.createArrayOf("text", e.programs().toArray());
                insert.setArray(7, programs);
                insert.setString(8, EntityCodec.json(e));
                insert.addBatch();
                snapshot.add(e);
                count++;
                if (++pending == BATCH) flush();
            } catch (SQLException ex) {
                throw new StoreException("cannot store entity " + e.id() + " of " + listId + ": " + ex.getMessage(), ex);
            } catch (java.io.IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        void flush() throws SQLException {
            if (pending > 0) insert.executeBatch();
            pending = 0;
        }

        long count() {
            return count;
        }

        @Override
        public void close() throws SQLException, java.io.IOException {
            try {
                snapshot.close();
            } finally {
                insert.close();
            }
        }
    }

    /** Records an import that was refused (malformed file, failed download): nothing else changes. */
    public void recordRefusal(String listIdOrSource, String source, String reason) {
        db.inTransaction(c -> AuditLog.append(c, AuditLog.currentActor(), "lists.import.refused",
                "list:" + listIdOrSource, detail(Map.of("source", source, "reason", reason))));
    }

    /** Every list's current entities, decoded from the per-version snapshots (one row per list). */
    public CurrentLists loadCurrent() {
        return db.read(c -> {
            List<ListEntity> entities = new ArrayList<>();
            List<ListVersion> versions = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + VERSION_COLUMNS
                         + ", snapshot FROM list_version WHERE is_current ORDER BY list_id")) {
                while (rs.next()) {
                    versions.add(version(rs));
                    entities.addAll(EntityCodec.entities(rs.getBytes(8)));
                }
            }
            return new CurrentLists(entities, versions);
        });
    }

    /** The current version of every list. */
    public List<ListVersion> currentVersions() {
        return db.read(c -> {
            List<ListVersion> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + VERSION_COLUMNS
                         + " FROM list_version WHERE is_current ORDER BY list_id")) {
                while (rs.next()) out.add(version(rs));
            }
            return out;
        });
    }

    public Optional<ListVersion> current(String listId) {
        return db.read(c -> current(c, listId));
    }

    private static Optional<ListVersion> current(Connection c, String listId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS
                + " FROM list_version WHERE list_id = ? AND is_current")) {
            ps.setString(1, listId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(version(rs)) : Optional.empty();
            }
        }
    }

    /** Every version of a list, oldest first, with the period it was current. */
    public List<VersionPeriod> history(String listId) {
        return db.read(c -> {
            List<VersionPeriod> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS
                    + ", valid_from, valid_to, is_current, counts::text FROM list_version WHERE list_id = ? "
                    + "ORDER BY version")) {
                ps.setString(1, listId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp to = rs.getTimestamp(9);
                        out.add(new VersionPeriod(version(rs), rs.getTimestamp(8).toInstant(),
                                to == null ? null : to.toInstant(), rs.getBoolean(10), counts(rs.getString(11))));
                    }
                }
            }
            return out;
        });
    }

    /** Every list id with at least one version. */
    public List<String> listIds() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT DISTINCT list_id FROM list_version ORDER BY list_id")) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    /** The version of a list that was current at {@code when}, if any was. */
    public Optional<ListVersion> currentAt(String listId, Instant when) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS
                    + " FROM list_version WHERE list_id = ? AND valid_from <= ? "
                    + "AND (valid_to IS NULL OR valid_to > ?)")) {
                ps.setString(1, listId);
                ps.setTimestamp(2, Timestamp.from(when));
                ps.setTimestamp(3, Timestamp.from(when));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(version(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The entities of one stored version (current or not). */
    public List<ListEntity> entities(String listId, long version) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT snapshot FROM list_version WHERE list_id = ? AND version = ?")) {
                ps.setString(1, listId);
                ps.setLong(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? EntityCodec.entities(rs.getBytes(1)) : List.of();
                }
            }
        });
    }

    /** One entity of a list's current version, read from the JSONB rows. */
    public Optional<ListEntity> currentEntity(String entityId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.entity::text FROM list_entity e "
                    + "JOIN list_version v USING (list_id, version) WHERE v.is_current AND e.entity_id = ?")) {
                ps.setString(1, entityId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(EntityCodec.entity(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    private static ListVersion version(ResultSet rs) throws SQLException {
        return new ListVersion(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                rs.getString(5), rs.getInt(6), rs.getString(7));
    }

    private static Map<String, Long> counts(String json) {
        try {
            Map<String, Long> out = new LinkedHashMap<>();
            EntityCodec.MAPPER.readTree(json).properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
            return out;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object o) {
        try {
            return EntityCodec.MAPPER.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String detail(Map<String, ?> d) {
        return json(d);
    }
}
