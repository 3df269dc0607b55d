package org.custody.store.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custody.ledger.AreaOfOperation;
import org.custody.ledger.Echelon;
import org.custody.ledger.NewOrgUnit;
import org.custody.ledger.OrgUnit;

/** JDBC access to recipient organisation units and their hierarchy. Callers own the transaction. */
public final class OrgUnitStore {

    private static final String COLUMNS = "u.id, u.code, u.name, u.echelon, u.country, u.parent_id, u.area_place, "
            + "u.area_lat, u.area_lon, "
            + "ARRAY(SELECT alias FROM ledger_org_unit_alias a WHERE a.unit_id = u.id ORDER BY alias) AS aliases";

    private OrgUnitStore() {}

    /** Records a unit; its parent (if any) must already exist. Fails on a duplicate code. */
    public static OrgUnit insert(Connection c, NewOrgUnit unit) throws SQLException {
        Long parentId = null;
        if (unit.parentCode().isPresent()) {
            parentId = byCode(c, unit.parentCode().get()).map(OrgUnit::id).orElseThrow(() ->
                    new IllegalArgumentException("parent unit '" + unit.parentCode().get() + "' is not recorded"));
        }
        if (byCode(c, unit.code()).isPresent()) {
            throw new IllegalArgumentException("unit code '" + unit.code() + "' is already recorded");
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_org_unit(code, name, echelon, country, "
                + "parent_id, area_place, area_lat, area_lon) VALUES (?,?,?,?,?,?,?,?) RETURNING id")) {
            ps.setString(1, unit.code());
            ps.setString(2, unit.name());
            ps.setString(3, unit.echelon().name());
            ps.setString(4, unit.country());
            ps.setObject(5, parentId, Types.BIGINT);
            ps.setString(6, unit.area().map(AreaOfOperation::place).orElse(null));
            ps.setObject(7, unit.area().map(AreaOfOperation::latitude).orElse(null), Types.DOUBLE);
            ps.setObject(8, unit.area().map(AreaOfOperation::longitude).orElse(null), Types.DOUBLE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        addAliases(c, id, unit.aliases());
        return byId(c, id).orElseThrow();
    }

    public static void addAliases(Connection c, long unitId, List<String> aliases) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ledger_org_unit_alias(unit_id, alias) VALUES (?,?) ON CONFLICT DO NOTHING")) {
            for (String a : aliases) {
                ps.setLong(1, unitId);
                ps.setString(2, a);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public static Optional<OrgUnit> byId(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM ledger_org_unit u WHERE u.id = ?", id);
    }

    public static Optional<OrgUnit> byCode(Connection c, String code) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM ledger_org_unit u WHERE u.code = ?", code);
    }

    /** Units whose name or an alias equals {@code name}, ignoring case. */
    public static List<OrgUnit> byName(Connection c, String name) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM ledger_org_unit u WHERE lower(u.name) = lower(?) OR EXISTS "
                + "(SELECT 1 FROM ledger_org_unit_alias a WHERE a.unit_id = u.id AND lower(a.alias) = lower(?)) "
                + "ORDER BY u.id", name, name);
    }

    public static List<OrgUnit> all(Connection c) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM ledger_org_unit u ORDER BY u.country, u.code");
    }

    public static List<OrgUnit> children(Connection c, long unitId) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM ledger_org_unit u WHERE u.parent_id = ? ORDER BY u.code", unitId);
    }

    /** The unit and every unit below it, the unit first. */
    public static List<OrgUnit> subtree(Connection c, long unitId) throws SQLException {
        return list(c, "WITH RECURSIVE t(id, depth) AS (SELECT id, 0 FROM ledger_org_unit WHERE id = ? "
                + "UNION ALL SELECT u.id, t.depth + 1 FROM ledger_org_unit u JOIN t ON u.parent_id = t.id "
                + "WHERE t.depth < 32) SELECT " + COLUMNS + " FROM t JOIN ledger_org_unit u ON u.id = t.id "
                + "ORDER BY t.depth, u.code", unitId);
    }

    /** The unit's parents from the nearest up to the top of its hierarchy (the unit itself excluded). */
    public static List<OrgUnit> ancestors(Connection c, long unitId) throws SQLException {
        return list(c, "WITH RECURSIVE t(id, parent_id, depth) AS (SELECT id, parent_id, 0 FROM ledger_org_unit "
                + "WHERE id = ? UNION ALL SELECT u.id, u.parent_id, t.depth + 1 FROM ledger_org_unit u "
                + "JOIN t ON u.id = t.parent_id WHERE t.depth < 32) SELECT " + COLUMNS
                + " FROM t JOIN ledger_org_unit u ON u.id = t.id WHERE t.depth > 0 ORDER BY t.depth", unitId);
    }

    private static Optional<OrgUnit> one(Connection c, String sql, Object arg) throws SQLException {
        List<OrgUnit> l = list(c, sql, arg);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private static List<OrgUnit> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<OrgUnit> out = new ArrayList<>();
                while (rs.next()) out.add(map(rs));
                return out;
            }
        }
    }

    static OrgUnit map(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_id");
        Optional<Long> parentId = rs.wasNull() ? Optional.empty() : Optional.of(parent);
        String place = rs.getString("area_place");
        Double lat = (Double) rs.getObject("area_lat");
        Double lon = (Double) rs.getObject("area_lon");
        Optional<AreaOfOperation> area = place == null ? Optional.empty()
                : Optional.of(new AreaOfOperation(place, lat, lon));
        return new OrgUnit(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                Echelon.valueOf(rs.getString("echelon")), rs.getString("country"), parentId,
                strings(rs.getArray("aliases")), area);
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) return List.of();
        return List.of((String[]) array.getArray());
    }
}
