package org.custody.store.eum;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custody.audit.AuditLog;
import org.custody.eum.FollowUpOutcome;
import org.custody.eum.InventoryCheck;
import org.custody.eum.ItemEvent;
import org.custody.eum.ItemHistory;
import org.custody.eum.Observation;
import org.custody.ledger.OrgUnit;
import org.custody.ledger.SerialKey;
import org.custody.store.ledger.Details;
import org.custody.store.ledger.LedgerQueries;
import org.custody.store.ledger.OrgUnitStore;

/** JDBC access to inventory checks, observations and follow-ups; the caller owns the transaction. */
public final class EumStore {

    private EumStore() {}

    /** Records a check and its observations; every serial must be recorded in the ledger. Returns the check id. */
    public static long recordCheck(Connection c, InventoryCheck check, String actor) throws SQLException {
        Long unitId = null;
        if (check.unitCode().isPresent()) {
            unitId = OrgUnitStore.byCode(c, check.unitCode().get()).map(OrgUnit::id).orElseThrow(() ->
                    new IllegalArgumentException("unit '" + check.unitCode().get() + "' is not recorded"));
        }
        List<Long> serialIds = new ArrayList<>();
        for (int i = 0; i < check.observations().size(); i++) {
            serialIds.add(serialId(c, check.observations().get(i), "observation " + (i + 1)));
        }
        if (serialIds.stream().distinct().count() != serialIds.size()) {
            throw new IllegalArgumentException("the same item is listed twice in one check");
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO eum_check(check_date, place, lat, lon, inspector, "
                + "unit_id, kind, notes, recorded_by) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id")) {
            ps.setDate(1, Date.valueOf(check.date()));
            ps.setString(2, check.place().trim());
            ps.setObject(3, check.latitude().orElse(null), Types.DOUBLE);
            ps.setObject(4, check.longitude().orElse(null), Types.DOUBLE);
            ps.setString(5, check.inspector().trim());
            ps.setObject(6, unitId, Types.BIGINT);
            ps.setString(7, check.kind().name());
            ps.setString(8, check.notes());
            ps.setString(9, actor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO eum_observation(check_id, serial_id, status, evidence) VALUES (?,?,?,?)")) {
            for (int i = 0; i < serialIds.size(); i++) {
                Observation o = check.observations().get(i);
                ps.setLong(1, id);
                ps.setLong(2, serialIds.get(i));
                ps.setString(3, o.status().name());
                ps.setString(4, o.evidence());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        check.observations().forEach(o -> counts.merge(o.status().name(), 1, Integer::sum));
        AuditLog.append(c, actor, "eum.check", "eum-check:" + id, Details.json(Map.of("date", check.date().toString(),
                "place", check.place(), "inspector", check.inspector(), "counts", counts)));
        return id;
    }

    /** Records a follow-up on one item (optionally answering a check). Returns its id. */
    public static long recordFollowUp(Connection c, String serial, Optional<String> articleId, Optional<Long> checkId,
                                      LocalDate date, FollowUpOutcome outcome, String note, String actor)
            throws SQLException {
        if (note == null || note.isBlank()) throw new IllegalArgumentException("a follow-up needs a note");
        long serialId = serialId(c, new Observation(serial, articleId, org.custody.eum.ObservationStatus.SEEN, ""),
                "follow-up");
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO eum_follow_up(serial_id, check_id, follow_up_date, "
                + "outcome, note, actor) VALUES (?,?,?,?,?,?) RETURNING id")) {
            ps.setLong(1, serialId);
            ps.setObject(2, checkId.orElse(null), Types.BIGINT);
            ps.setDate(3, Date.valueOf(date));
            ps.setString(4, outcome.name());
            ps.setString(5, note.trim());
            ps.setString(6, actor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        AuditLog.append(c, actor, "eum.follow-up", "serial:" + serialId, Details.json(Map.of("serial", serial,
                "outcome", outcome.name(), "date", date.toString(), "note", note.trim())));
        return id;
    }

    private static long serialId(Connection c, Observation o, String what) throws SQLException {
        String key = SerialKey.of(o.serial());
        try (PreparedStatement ps = c.prepareStatement("SELECT id, article_id FROM ledger_serial WHERE serial_key = ?"
                + (o.articleId().isPresent() ? " AND article_id = ?" : ""))) {
            ps.setString(1, key);
            if (o.articleId().isPresent()) ps.setString(2, o.articleId().get());
            try (ResultSet rs = ps.executeQuery()) {
                List<long[]> ids = new ArrayList<>();
                List<String> articles = new ArrayList<>();
                while (rs.next()) {
                    ids.add(new long[] {rs.getLong(1)});
                    articles.add(rs.getString(2));
                }
                if (ids.isEmpty()) {
                    throw new IllegalArgumentException(what + ": serial '" + o.serial() + "'"
                            + o.articleId().map(a -> " of article " + a).orElse("") + " is not in the ledger");
                }
                if (ids.size() > 1) {
                    throw new IllegalArgumentException(what + ": serial '" + o.serial() + "' is recorded for several "
                            + "articles " + articles + "; name the article");
                }
                return ids.get(0)[0];
            }
        }
    }

    private static final String HISTORY = "SELECT s.id, s.serial, s.article_id, a.designation, a.enhanced_monitoring, "
            + "t.case_id, u.code AS unit_code, l.delivery_date FROM ledger_serial s "
            + "JOIN ledger_article a ON a.id = s.article_id JOIN ledger_lot l ON l.id = s.lot_id "
            + "JOIN ledger_transfer t ON t.id = l.transfer_id LEFT JOIN ledger_org_unit u ON u.id = l.unit_id ";

    /** Histories of every serialised item of a transfer. */
    public static List<ItemHistory> forTransfer(Connection c, String caseId) throws SQLException {
        return histories(c, HISTORY + "WHERE t.case_id = ? ORDER BY s.id", caseId);
    }

    /** Histories of every serialised item delivered to the unit or a unit below it. */
    public static List<ItemHistory> forUnit(Connection c, long unitId) throws SQLException {
        return histories(c, "WITH RECURSIVE sub(id, depth) AS (SELECT id, 0 FROM ledger_org_unit WHERE id = ? "
                + "UNION ALL SELECT u.id, sub.depth + 1 FROM ledger_org_unit u JOIN sub ON u.parent_id = sub.id "
                + "WHERE sub.depth < 32) " + HISTORY + "WHERE l.unit_id IN (SELECT id FROM sub) ORDER BY s.id", unitId);
    }

    private static List<ItemHistory> histories(Connection c, String sql, Object arg) throws SQLException {
        record Row(long id, String serial, String article, String designation, boolean enhanced, String caseId,
                   String unit, LocalDate delivered) {}
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date d = rs.getDate("delivery_date");
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                            rs.getString(6), rs.getString(7), d == null ? null : d.toLocalDate()));
                }
            }
        }
        Map<Long, List<ItemEvent>> events = rows.isEmpty() ? Map.of()
                : LedgerQueries.events(c, rows.stream().map(Row::id).toList());
        List<ItemHistory> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new ItemHistory(r.id, r.serial, r.article, r.designation, r.enhanced, r.caseId,
                    Optional.ofNullable(r.unit), Optional.ofNullable(r.delivered), events.getOrDefault(r.id, List.of())));
        }
        return out;
    }
}
