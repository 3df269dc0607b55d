package org.custody.store.vetting;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custody.lists.Schema;
import org.custody.screening.Hit;
import org.custody.vetting.CheckResult;
import org.custody.vetting.Decision;
import org.custody.vetting.Dismissal;
import org.custody.vetting.Finding;
import org.custody.vetting.NodeRef;
import org.custody.vetting.Outcome;
import org.custody.vetting.GraphPath;
import org.custody.vetting.Purpose;
import org.custody.vetting.VettingRequest;

/** JDBC for vetting's own tables; every method runs on the caller's connection (and transaction). */
public final class VettingStore {

    private VettingStore() {}

    // ---- requests

    public static VettingRequest insertRequest(Connection c, NodeRef subject, Purpose purpose, LocalDate asOf,
                                               String actor, boolean requeued, String note) throws SQLException {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO vetting_request(subject_kind, subject_id, purpose_kind, purpose, as_of, requested_by,"
                        + " requested_at, status, requeued, note) VALUES (?,?,?,?,?,?,?,'pending',?,?) RETURNING id")) {
            ps.setString(1, subject.kind());
            ps.setLong(2, subject.id());
            ps.setString(3, purpose.kind().name().toLowerCase(Locale.ROOT));
            ps.setString(4, purpose.description());
            ps.setObject(5, asOf);
            ps.setString(6, actor);
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setBoolean(8, requeued);
            ps.setString(9, note);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return request(c, rs.getLong(1)).orElseThrow();
            }
        }
    }

    private static final String REQUEST_COLUMNS = "SELECT id, subject_kind, subject_id, purpose_kind, purpose, as_of,"
            + " requested_by, requested_at, status, requeued, note FROM vetting_request";

    public static Optional<VettingRequest> request(Connection c, long id) throws SQLException {
        List<VettingRequest> r = requests(c, REQUEST_COLUMNS + " WHERE id = ?", id);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    public static List<VettingRequest> pending(Connection c) throws SQLException {
        return requests(c, REQUEST_COLUMNS + " WHERE status = 'pending' ORDER BY requested_at, id");
    }

    public static List<VettingRequest> pendingFor(Connection c, NodeRef subject) throws SQLException {
        return requests(c, REQUEST_COLUMNS + " WHERE status = 'pending' AND subject_kind = ? AND subject_id = ?"
                + " ORDER BY requeued DESC, requested_at, id", subject.kind(), subject.id());
    }

    public static List<VettingRequest> requestsFor(Connection c, NodeRef subject) throws SQLException {
        return requests(c, REQUEST_COLUMNS + " WHERE subject_kind = ? AND subject_id = ? ORDER BY requested_at, id",
                subject.kind(), subject.id());
    }

    public static void markDecided(Connection c, long requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE vetting_request SET status = 'decided' WHERE id = ? AND status = 'pending'")) {
            ps.setLong(1, requestId);
            if (ps.executeUpdate() != 1) throw new IllegalStateException("request " + requestId + " is not pending");
        }
    }

    private static List<VettingRequest> requests(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<VettingRequest> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new VettingRequest(rs.getLong(1), NodeRef.of(rs.getString(2), rs.getLong(3)),
                            new Purpose(Purpose.parseKind(rs.getString(4)), rs.getString(5)),
                            rs.getObject(6, LocalDate.class), rs.getString(7), rs.getTimestamp(8).toInstant(),
                            VettingRequest.Status.valueOf(rs.getString(9).toUpperCase(Locale.ROOT)),
                            rs.getBoolean(10), rs.getString(11)));
                }
                return out;
            }
        }
    }

    // ---- checks and findings

    public static long insertCheck(Connection c, long requestId, CheckResult result, Map<String, String> fingerprints,
                                   Instant at) throws SQLException {
        long checkId;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO vetting_check(request_id, checked_at, as_of, names_screened, nodes_screened, truncated,"
                        + " roster, list_versions, screened) VALUES (?,?,?,?,?,?,?,?::jsonb,?::jsonb) RETURNING id")) {
            ps.setLong(1, requestId);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setObject(3, result.asOf());
            ps.setInt(4, result.namesScreened());
            ps.setInt(5, result.screened().size());
            ps.setBoolean(6, result.truncated());
            ps.setArray(7, longs(c, result.roster()));
            ps.setString(8, VettingJson.write(result.listVersions()));
            ps.setString(9, VettingJson.write(result.screened().stream()
                    .map(p -> new VettingJson.ScreenedJson(p.end().ref().key(), p.render())).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                checkId = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO vetting_finding(check_id, finding_key, node_kind, node_id, entity_id, entity_name,"
                        + " entity_schema, lists, score, screened_name, path_text, path, explanation, fingerprint)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?::jsonb,?)")) {
            for (Finding f : result.findings()) {
                Hit h = f.hit();
                ps.setLong(1, checkId);
                ps.setString(2, f.key());
                ps.setString(3, f.node().kind());
                ps.setLong(4, f.node().id());
                ps.setString(5, h.entityId());
                ps.setString(6, h.name());
                ps.setString(7, h.schema().name());
                ps.setArray(8, c.createArrayOf("text", h.lists().toArray()));
                ps.setDouble(9, h.score());
                ps.setString(10, f.screenedName());
                ps.setString(11, f.path().render());
                ps.setString(12, VettingJson.path(f.path()));
                ps.setString(13, VettingJson.write(h.explanation()));
                ps.setString(14, fingerprints.getOrDefault(h.entityId(), "absent"));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return checkId;
    }

    private static final String CHECK_COLUMNS = "SELECT id, request_id, checked_at, as_of, names_screened,"
            + " nodes_screened, truncated, roster, list_versions::text, screened::text FROM vetting_check";

    public static Optional<StoredCheck> check(Connection c, long checkId) throws SQLException {
        return oneCheck(c, CHECK_COLUMNS + " WHERE id = ?", checkId);
    }

    public static Optional<StoredCheck> latestCheck(Connection c, long requestId) throws SQLException {
        return oneCheck(c, CHECK_COLUMNS + " WHERE request_id = ? ORDER BY checked_at DESC, id DESC LIMIT 1", requestId);
    }

    public static Optional<StoredCheck> latestCheckFor(Connection c, NodeRef subject) throws SQLException {
        return oneCheck(c, CHECK_COLUMNS + " WHERE request_id IN (SELECT id FROM vetting_request"
                + " WHERE subject_kind = ? AND subject_id = ?) ORDER BY checked_at DESC, id DESC LIMIT 1",
                subject.kind(), subject.id());
    }

    private static Optional<StoredCheck> oneCheck(Connection c, String sql, Object... args) throws SQLException {
        long id;
        StoredCheck partial;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                id = rs.getLong(1);
                partial = new StoredCheck(id, rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6), rs.getBoolean(7),
                        longs(rs.getArray(8)), VettingJson.listVersions(rs.getString(9)),
                        VettingJson.screened(rs.getString(10)).stream()
                                .map(s -> new StoredCheck.Screened(s.node(), s.path())).toList(),
                        List.of());
            }
        }
        List<StoredFinding> findings = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT entity_id, entity_name, entity_schema, lists, score, screened_name, path::text,"
                        + " explanation::text, fingerprint FROM vetting_finding WHERE check_id = ?"
                        + " ORDER BY jsonb_array_length(path->'edges'), score DESC, finding_key")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    GraphPath path = VettingJson.path(rs.getString(7));
                    Hit hit = new Hit(rs.getString(1), rs.getString(2), Schema.valueOf(rs.getString(3)),
                            Arrays.asList((String[]) rs.getArray(4).getArray()), rs.getDouble(5), true,
                            VettingJson.explanation(rs.getString(8)));
                    findings.add(new StoredFinding(new Finding(path, rs.getString(6), hit), rs.getString(9)));
                }
            }
        }
        return Optional.of(new StoredCheck(partial.id(), partial.requestId(), partial.checkedAt(), partial.asOf(),
                partial.namesScreened(), partial.nodesScreened(), partial.truncated(), partial.roster(),
                partial.listVersions(), partial.screened(), findings));
    }

    // ---- dismissals

    public static Dismissal insertDismissal(Connection c, NodeRef subject, NodeRef node, String entityId,
                                            String fingerprint, String reason, String reviewer) throws SQLException {
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO vetting_dismissal(subject_kind, subject_id, node_kind, node_id, entity_id, fingerprint,"
                        + " reason, reviewer, dismissed_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id")) {
            ps.setString(1, subject.kind());
            ps.setLong(2, subject.id());
            ps.setString(3, node.kind());
            ps.setLong(4, node.id());
            ps.setString(5, entityId);
            ps.setString(6, fingerprint);
            ps.setString(7, reason);
            ps.setString(8, reviewer);
            ps.setTimestamp(9, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Dismissal(rs.getLong(1), subject, node, entityId, fingerprint, reason, reviewer, at);
            }
        }
    }

    public static Optional<Dismissal> latestDismissal(Connection c, NodeRef subject, NodeRef node, String entityId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, fingerprint, reason, reviewer, dismissed_at FROM vetting_dismissal WHERE subject_kind = ?"
                        + " AND subject_id = ? AND node_kind = ? AND node_id = ? AND entity_id = ?"
                        + " ORDER BY dismissed_at DESC, id DESC LIMIT 1")) {
            ps.setString(1, subject.kind());
            ps.setLong(2, subject.id());
            ps.setString(3, node.kind());
            ps.setLong(4, node.id());
            ps.setString(5, entityId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Dismissal(rs.getLong(1), subject, node, entityId, rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
            }
        }
    }

    // ---- decisions

    public static Decision insertDecision(Connection c, VettingRequest request, long checkId, Outcome outcome,
                                          String reason, LocalDate expires, String officer, Set<Long> roster)
            throws SQLException {
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO vetting_decision(request_id, check_id, subject_kind, subject_id, outcome, conditions,"
                        + " reason, expires, officer, decided_at, roster) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id")) {
            ps.setLong(1, request.id());
            ps.setLong(2, checkId);
            ps.setString(3, request.subject().kind());
            ps.setLong(4, request.subject().id());
            ps.setString(5, outcome.label());
            ps.setString(6, outcome instanceof Outcome.Restricted r ? r.conditions() : "");
            ps.setString(7, reason);
            ps.setObject(8, expires);
            ps.setString(9, officer);
            ps.setTimestamp(10, Timestamp.from(at));
            ps.setArray(11, longs(c, roster));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Decision(rs.getLong(1), request.id(), request.subject(), outcome, reason, expires, officer,
                        at, roster);
            }
        }
    }

    private static final String DECISION_COLUMNS = "SELECT id, request_id, subject_kind, subject_id, outcome,"
            + " conditions, reason, expires, officer, decided_at, roster, check_id FROM vetting_decision";

    public static Optional<Decision> latestDecision(Connection c, NodeRef subject) throws SQLException {
        return decisionWhere(c, " WHERE subject_kind = ? AND subject_id = ? ORDER BY decided_at DESC, id DESC LIMIT 1",
                subject.kind(), subject.id());
    }

    public static Optional<Decision> decisionFor(Connection c, long requestId) throws SQLException {
        return decisionWhere(c, " WHERE request_id = ?", requestId);
    }

    /** The check a decision was taken on. */
    public static long decisionCheck(Connection c, long decisionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT check_id FROM vetting_decision WHERE id = ?")) {
            ps.setLong(1, decisionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every subject with at least one decision, in id order. */
    public static List<NodeRef> decidedSubjects(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT subject_kind, subject_id FROM vetting_decision ORDER BY subject_kind, subject_id");
             ResultSet rs = ps.executeQuery()) {
            List<NodeRef> out = new ArrayList<>();
            while (rs.next()) out.add(NodeRef.of(rs.getString(1), rs.getLong(2)));
            return out;
        }
    }

    private static Optional<Decision> decisionWhere(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DECISION_COLUMNS + where)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Decision(rs.getLong(1), rs.getLong(2), NodeRef.of(rs.getString(3), rs.getLong(4)),
                        Outcome.parse(rs.getString(5), rs.getString(6)), rs.getString(7),
                        rs.getObject(8, LocalDate.class), rs.getString(9), rs.getTimestamp(10).toInstant(),
                        longs(rs.getArray(11))));
            }
        }
    }

    // ---- helpers

    static Array longs(Connection c, Set<Long> values) throws SQLException {
        return c.createArrayOf("bigint", values.stream().sorted().toArray());
    }

    static Set<Long> longs(Array a) throws SQLException {
        Set<Long> out = new HashSet<>();
        for (Object o : (Object[]) a.getArray()) out.add(((Number) o).longValue());
        return out;
    }
}
