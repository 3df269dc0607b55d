package org.custody.store.ledger;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custody.ledger.CommandPost;

/** JDBC access to command posts (who held which post over which unit, when). */
public final class CommandPostStore {

    private static final String COLUMNS = "id, person_id, unit_id, title, start_date, end_date";

    private CommandPostStore() {}

    public static CommandPost insert(Connection c, long personId, long unitId, String title, LocalDate start,
                                     Optional<LocalDate> end) throws SQLException {
        CommandPost draft = new CommandPost(0, personId, unitId, title, start, end);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_command_post(person_id, unit_id, title, "
                + "start_date, end_date) VALUES (?,?,?,?,?) RETURNING id")) {
            ps.setLong(1, personId);
            ps.setLong(2, unitId);
            ps.setString(3, draft.title());
            ps.setDate(4, Date.valueOf(start));
            ps.setDate(5, end.map(Date::valueOf).orElse(null));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new CommandPost(rs.getLong(1), personId, unitId, draft.title(), start, end);
            }
        }
    }

    /** Closes an open post on {@code end}. */
    public static void close(Connection c, long postId, LocalDate end) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE ledger_command_post SET end_date = ? WHERE id = ? AND end_date IS NULL AND start_date <= ?")) {
            ps.setDate(1, Date.valueOf(end));
            ps.setLong(2, postId);
            ps.setDate(3, Date.valueOf(end));
            if (ps.executeUpdate() != 1) {
                throw new IllegalArgumentException("post " + postId + " is not open or starts after " + end);
            }
        }
    }

    /** Every post ever held over the unit, newest first. */
    public static List<CommandPost> forUnit(Connection c, long unitId) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM ledger_command_post WHERE unit_id = ? "
                + "ORDER BY start_date DESC, id DESC", unitId);
    }

    public static List<CommandPost> forPerson(Connection c, long personId) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM ledger_command_post WHERE person_id = ? "
                + "ORDER BY start_date DESC, id DESC", personId);
    }

    /** Posts over the unit held on {@code date}. */
    public static List<CommandPost> heldOn(Connection c, long unitId, LocalDate date) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM ledger_command_post WHERE unit_id = ? AND start_date <= ? "
                + "AND (end_date IS NULL OR end_date >= ?) ORDER BY start_date DESC, id DESC",
                unitId, Date.valueOf(date), Date.valueOf(date));
    }

    private static List<CommandPost> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<CommandPost> out = new ArrayList<>();
                while (rs.next()) {
                    Date end = rs.getDate("end_date");
                    out.add(new CommandPost(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("unit_id"),
                            rs.getString("title"), rs.getDate("start_date").toLocalDate(),
                            Optional.ofNullable(end).map(Date::toLocalDate)));
                }
                return out;
            }
        }
    }
}
