package org.custody.store.lists;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custody.audit.AuditLog;
import org.custody.lists.ListEntity;
import org.custody.lists.ListVersion;
import org.custody.lists.ParsedList;
import org.custody.lists.ShrinkGuard;
import org.custody.lists.ShrinkRefusedException;
import org.custody.store.Database;

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
        String actor = AuditLog.currentActor();
        try {
            return db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    // one importer at a time: version numbers and the single current version stay consistent
                    s.execute("LOCK TABLE list_version IN SHARE ROW EXCLUSIVE MODE");
                }
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                List<ImportOutcome> out = new ArrayList<>();
                for (ParsedList list : lists) out.add(importOne(c, list, sourceOf.apply(list), actor, now, guard));
                return out;
            });
        } catch (ShrinkRefusedException e) {
            String source = lists.stream().filter(l -> l.listId().equals(e.listId())).findFirst().map(sourceOf).orElse("");
            recordRefusal(e.listId(), source, e.getMessage());
            throw e;
        }
    }

    private ImportOutcome importOne(Connection c, ParsedList list, String source, String actor, Instant now,
                                    ShrinkGuard guard) throws SQLException {
        Optional<ListVersion> current = current(c, list.listId());
        if (current.isPresent() && current.get().contentHash().equals(list.contentHash())) {
            AuditLog.append(c, actor, "lists.import.unchanged", "list:" + list.listId(), detail(Map.of(
                    "list", list.listId(), "version", current.get().version(), "contentHash", list.contentHash(),
                    "source", source)));
            return new ImportOutcome(list.listId(), current.get(), true, null, list.counts(), list.warnings());
        }
        Set<String> newIds = new HashSet<>();
        for (ListEntity e : list.entities()) newIds.add(e.id());
        List<String> currentIds = current.isPresent() ? entityIds(c, current.get()) : List.of();
        Optional<String> refusal = guard.refusal(list.listId(), current.map(ListVersion::version).orElse(null),
                currentIds, newIds);
        if (refusal.isPresent()) throw new ShrinkRefusedException(list.listId(), refusal.get());
        long version = 1;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(version), 0) + 1 FROM list_version WHERE list_id = ?")) {
            ps.setString(1, list.listId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                version = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE list_version SET is_current = false, valid_to = ? WHERE list_id = ? AND is_current")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, list.listId());
            ps.executeUpdate();
        }
        ListVersion v = new ListVersion(list.listId(), version, list.publishedAt(), now, list.contentHash(),
                list.entities().size(), source);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO list_version(" + VERSION_COLUMNS
                + ", valid_from, valid_to, is_current, counts, warnings, snapshot) "
                + "VALUES (?,?,?,?,?,?,?,?,NULL,true,?::jsonb,?::jsonb,?)")) {
            ps.setString(1, v.listId());
            ps.setLong(2, v.version());
            ps.setString(3, v.publishedAt());
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setString(5, v.contentHash());
            ps.setInt(6, v.entityCount());
            ps.setString(7, source);
            ps.setTimestamp(8, Timestamp.from(now));
            ps.setString(9, json(list.counts()));
            ps.setString(10, json(list.warnings()));
            ps.setBytes(11, EntityCodec.snapshot(list.entities()));
            ps.executeUpdate();
        }
        insertEntities(c, v, list.entities());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("list", v.listId());
        d.put("version", v.version());
        d.put("replaces", current.map(ListVersion::version).orElse(null));
        d.put("publishedAt", v.publishedAt());
        d.put("contentHash", v.contentHash());
        d.put("entities", v.entityCount());
        d.put("source", source);
        d.put("counts", list.counts());
        d.put("warnings", list.warnings());
        AuditLog.append(c, actor, "lists.import", "list:" + v.listId(), detail(d));
        return new ImportOutcome(v.listId(), v, false, current.orElse(null), list.counts(), list.warnings());
    }

    private static List<String> entityIds(Connection c, ListVersion v) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT entity_id FROM list_entity WHERE list_id = ? AND version = ?")) {
            ps.setString(1, v.listId());
            ps.setLong(2, v.version());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void insertEntities(Connection c, ListVersion v, List<ListEntity> entities) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO list_entity(list_id, version, entity_id, "
                + "source_id, schema, primary_name, programs, entity) VALUES (?,?,?,?,?,?,?,?::jsonb)")) {
            int n = 0;
            for (ListEntity e : entities) {
                ps.setString(1, v.listId());
                ps.setLong(2, v.version());
                ps.setString(3, e.id());
                ps.setString(4, e.sourceId() == null ? "" : e.sourceId());
                ps.setString(5, e.schema().name());
                ps.setString(6, e.primaryName());
                Array programs = c.createArrayOf("text", e.programs().toArray());
                ps.setArray(7, programs);
                ps.setString(8, EntityCodec.json(e));
                ps.addBatch();
                if (++n % 1000 == 0) ps.executeBatch();
            }
            ps.executeBatch();
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
