package org.custody.store.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custody.catalog.Category;
import org.custody.ledger.Lot;
import org.custody.ledger.Programme;
import org.custody.ledger.Transfer;

/** JDBC access to transfers and their lots. */
public final class TransferStore {

    private TransferStore() {}

    public record LotRefRow(long id, String articleId, int quantity) {}

    static long insert(Connection c, String caseId, String supplier, String recipient, Programme programme,
                       Optional<LocalDate> notified, List<Long> endUsers, List<String> terms, String source,
                       String notes) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_transfer(case_id, supplier, "
                + "recipient_country, programme, notification_date, source, notes) VALUES (?,?,?,?,?,?,?) RETURNING id")) {
            ps.setString(1, caseId);
            ps.setString(2, supplier);
            ps.setString(3, recipient);
            ps.setString(4, programme.name());
            ps.setDate(5, notified.map(Date::valueOf).orElse(null));
            ps.setString(6, source);
            ps.setString(7, notes == null ? "" : notes);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ledger_transfer_end_user(transfer_id, unit_id) VALUES (?,?) ON CONFLICT DO NOTHING")) {
            for (long u : endUsers) {
                ps.setLong(1, id);
                ps.setLong(2, u);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ledger_transfer_term(transfer_id, ordinal, term) VALUES (?,?,?)")) {
            for (int i = 0; i < terms.size(); i++) {
                ps.setLong(1, id);
                ps.setInt(2, i + 1);
                ps.setString(3, terms.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    public static Optional<Long> idOf(Connection c, String caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM ledger_transfer WHERE case_id = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public static List<Long> endUserIds(Connection c, long transferId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT unit_id FROM ledger_transfer_end_user WHERE transfer_id = ? ORDER BY unit_id")) {
            ps.setLong(1, transferId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> out = new ArrayList<>();
                while (rs.next()) out.add(rs.getLong(1));
                return out;
            }
        }
    }

    public static Optional<LotRefRow> lotRef(Connection c, String caseId, String lotNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT l.id, l.article_id, l.quantity FROM ledger_lot l "
                + "JOIN ledger_transfer t ON t.id = l.transfer_id WHERE t.case_id = ? AND l.lot_no = ?")) {
            ps.setString(1, caseId);
            ps.setString(2, lotNo);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new LotRefRow(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                        : Optional.empty();
            }
        }
    }

    private static final String TRANSFER_COLUMNS = "t.id, t.case_id, t.supplier, t.recipient_country, t.programme, "
            + "t.notification_date, t.source, t.notes, "
            + "ARRAY(SELECT u.code FROM ledger_transfer_end_user e JOIN ledger_org_unit u ON u.id = e.unit_id "
            + "WHERE e.transfer_id = t.id ORDER BY u.code) AS end_users, "
            + "ARRAY(SELECT term FROM ledger_transfer_term x WHERE x.transfer_id = t.id ORDER BY ordinal) AS terms";

    public static Optional<Transfer> byCase(Connection c, String caseId) throws SQLException {
        List<Transfer> l = transfers(c, "SELECT " + TRANSFER_COLUMNS + " FROM ledger_transfer t WHERE t.case_id = ?",
                caseId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    public static Optional<Transfer> byId(Connection c, long id) throws SQLException {
        List<Transfer> l = transfers(c, "SELECT " + TRANSFER_COLUMNS + " FROM ledger_transfer t WHERE t.id = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Transfers, optionally only those to one recipient country, newest case first; at most {@code limit}. */
    public static List<Transfer> list(Connection c, String recipientOrNull, int limit) throws SQLException {
        return recipientOrNull == null
                ? transfers(c, "SELECT " + TRANSFER_COLUMNS + " FROM ledger_transfer t ORDER BY t.id DESC LIMIT ?", limit)
                : transfers(c, "SELECT " + TRANSFER_COLUMNS + " FROM ledger_transfer t WHERE lower(t.recipient_country)"
                        + " = lower(?) ORDER BY t.id DESC LIMIT ?", recipientOrNull, limit);
    }

    private static List<Transfer> transfers(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<Transfer> out = new ArrayList<>();
                while (rs.next()) {
                    Date n = rs.getDate("notification_date");
                    out.add(new Transfer(rs.getLong("id"), rs.getString("case_id"), rs.getString("supplier"),
                            rs.getString("recipient_country"), Programme.valueOf(rs.getString("programme")),
                            Optional.ofNullable(n).map(Date::toLocalDate), strings(rs.getArray("end_users")),
                            strings(rs.getArray("terms")), rs.getString("source"), rs.getString("notes")));
                }
                return out;
            }
        }
    }

    static final String LOT_COLUMNS = "l.id, l.transfer_id, l.lot_no, l.article_id, l.designation, l.category, "
            + "l.quantity, l.quantity_estimated, l.delivery_date, l.delivery_year, l.unit_id";

    public static List<Lot> lots(Connection c, long transferId) throws SQLException {
        return lotList(c, "SELECT " + LOT_COLUMNS + " FROM ledger_lot l WHERE l.transfer_id = ? "
                + "ORDER BY coalesce(l.delivery_year, EXTRACT(YEAR FROM l.delivery_date)::int) NULLS LAST, l.delivery_date, l.id",
                transferId);
    }

    public static Optional<Lot> lot(Connection c, long lotId) throws SQLException {
        List<Lot> l = lotList(c, "SELECT " + LOT_COLUMNS + " FROM ledger_lot l WHERE l.id = ?", lotId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    static List<Lot> lotList(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<Lot> out = new ArrayList<>();
                while (rs.next()) out.add(mapLot(rs));
                return out;
            }
        }
    }

    static Lot mapLot(ResultSet rs) throws SQLException {
        Date d = rs.getDate("delivery_date");
        int year = rs.getInt("delivery_year");
        Optional<Integer> y = rs.wasNull() ? Optional.empty() : Optional.of(year);
        long unit = rs.getLong("unit_id");
        Optional<Long> u = rs.wasNull() ? Optional.empty() : Optional.of(unit);
        return new Lot(rs.getLong("id"), rs.getLong("transfer_id"), rs.getString("lot_no"),
                Optional.ofNullable(rs.getString("article_id")), rs.getString("designation"),
                Category.valueOf(rs.getString("category")), rs.getInt("quantity"), rs.getBoolean("quantity_estimated"),
                Optional.ofNullable(d).map(Date::toLocalDate), y, u);
    }

    static List<String> strings(Array a) throws SQLException {
        return OrgUnitStore.strings(a);
    }
}
