package org.custody.store.diversion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custody.diversion.ArticleRef;
import org.custody.diversion.CandidateTransfer;
import org.custody.diversion.GeoPoint;
import org.custody.diversion.InMemoryLedger;
import org.custody.diversion.UnitRef;

/**
 * Loads the ledger's own tables (units and aliases, transfers, end users and terms, lots, serials; see
 * V20/V21) into an {@link InMemoryLedger} for one detection run. One candidate per delivered lot
 * ({@code caseId#lot}), carrying the transfer's approved end users (or, when the transfer names none, the
 * unit the lot was delivered to) and whether its end-use terms bar re-transfer. Serials stream with a
 * cursor, so a million of them load without holding the result set in memory.
 */
public final class JdbcLedgerSnapshot {

    private JdbcLedgerSnapshot() {}

    /** Loads on {@code c}, which must not be in autocommit mode (PostgreSQL cursors need a transaction). */
    public static InMemoryLedger load(Connection c, double areaRadiusKm) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass('ledger_serial') IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new IllegalStateException("this database has no transfer ledger tables (ledger_transfer, ledger_lot, "
                        + "ledger_serial); this build of Custody cannot run detection yet");
            }
        }
        InMemoryLedger ledger = new InMemoryLedger();
        Map<Long, UnitRef> units = new HashMap<>();
        Map<String, String> countries = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, parent_id, area_lat, area_lon, country FROM ledger_org_unit ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long parent = rs.getLong(3);
                String parentId = rs.wasNull() ? null : Long.toString(parent);
                double lat = rs.getDouble(4);
                boolean noLat = rs.wasNull();
                double lon = rs.getDouble(5);
                GeoPoint area = noLat || rs.wasNull() ? null : new GeoPoint(lat, lon);
                countries.put(Long.toString(rs.getLong(1)), rs.getString(6));
                units.put(rs.getLong(1), new UnitRef(Long.toString(rs.getLong(1)), rs.getString(2), parentId, area,
                        area == null ? 0 : areaRadiusKm));
            }
        }
        Map<Long, List<String>> aliases = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT unit_id, alias FROM ledger_org_unit_alias");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) aliases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
        for (UnitRef u : units.values()) {
            ledger.addUnit(u, aliases.getOrDefault(Long.parseLong(u.id()), List.of()).toArray(String[]::new));
            if (countries.get(u.id()) != null) ledger.unitCountry(u.id(), countries.get(u.id()));
        }
        Map<Long, List<UnitRef>> endUsers = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT transfer_id, unit_id FROM ledger_transfer_end_user ORDER BY transfer_id, unit_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                UnitRef u = units.get(rs.getLong(2));
                if (u != null) endUsers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(u);
            }
        }
        Set<Long> noReTransfer = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT transfer_id, term FROM ledger_transfer_term");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String t = rs.getString(2).toLowerCase(Locale.ROOT);
                if (t.contains("re-transfer") || t.contains("retransfer") || t.contains("re-export")
                        || t.contains("transfer to third") || t.contains("third part")) noReTransfer.add(rs.getLong(1));
            }
        }
        Map<Long, String> lotToCandidate = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT l.id, l.lot_no, t.id, t.case_id, t.programme, t.recipient_country,
                       COALESCE(l.delivery_date, make_date(l.delivery_year, 1, 1)), l.designation, l.category,
                       a.designation, a.family, a.category, l.quantity, l.unit_id
                FROM ledger_lot l JOIN ledger_transfer t ON t.id = l.transfer_id
                LEFT JOIN ledger_article a ON a.id = l.article_id ORDER BY l.id""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long lotId = rs.getLong(1);
                long transferId = rs.getLong(3);
                String id = rs.getString(4) + "#" + rs.getString(2);
                LocalDate delivered = rs.getObject(7, LocalDate.class);
                ArticleRef article = rs.getString(10) != null
                        ? new ArticleRef(rs.getString(10), rs.getString(11), rs.getString(12))
                        : new ArticleRef(rs.getString(8), null, rs.getString(9));
                List<UnitRef> approved = endUsers.getOrDefault(transferId, List.of());
                long lotUnit = rs.getLong(14);
                if (approved.isEmpty() && !rs.wasNull() && units.containsKey(lotUnit)) approved = List.of(units.get(lotUnit));
                ledger.addTransfer(new CandidateTransfer(id, rs.getString(4), rs.getString(5), rs.getString(6), delivered,
                        article, approved, noReTransfer.contains(transferId), rs.getInt(13)), List.of());
                lotToCandidate.put(lotId, id);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT lot_id, serial_key FROM ledger_serial")) {
            ps.setFetchSize(50_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String cand = lotToCandidate.get(rs.getLong(1));
                    if (cand != null) ledger.addSerialKey(cand, rs.getString(2));
                }
            }
        }
        return ledger;
    }
}
