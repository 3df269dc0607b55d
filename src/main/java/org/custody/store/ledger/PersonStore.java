package org.custody.store.ledger;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custody.ledger.NewPerson;
import org.custody.ledger.Person;

/** JDBC access to persons (commanders and officers). Callers own the transaction. */
public final class PersonStore {

    private static final String COLUMNS = "p.id, p.code, p.name, p.birth_date, p.nationality, "
            + "ARRAY(SELECT alias FROM ledger_person_alias a WHERE a.person_id = p.id ORDER BY alias) AS aliases";

    private PersonStore() {}

    public static Person insert(Connection c, NewPerson person) throws SQLException {
        if (person.code().isPresent() && byCode(c, person.code().get()).isPresent()) {
            throw new IllegalArgumentException("person code '" + person.code().get() + "' is already recorded");
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ledger_person(code, name, birth_date, nationality) VALUES (?,?,?,?) RETURNING id")) {
            ps.setString(1, person.code().orElse(null));
            ps.setString(2, person.name());
            ps.setDate(3, person.birthDate().map(Date::valueOf).orElse(null));
            ps.setString(4, person.nationality().orElse(null));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        addAliases(c, id, person.aliases());
        return byId(c, id).orElseThrow();
    }

    public static void addAliases(Connection c, long personId, List<String> aliases) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ledger_person_alias(person_id, alias) VALUES (?,?) ON CONFLICT DO NOTHING")) {
            for (String a : aliases) {
                ps.setLong(1, personId);
                ps.setString(2, a);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public static Optional<Person> byId(Connection c, long id) throws SQLException {
        List<Person> l = list(c, "SELECT " + COLUMNS + " FROM ledger_person p WHERE p.id = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    public static Optional<Person> byCode(Connection c, String code) throws SQLException {
        List<Person> l = list(c, "SELECT " + COLUMNS + " FROM ledger_person p WHERE p.code = ?", code);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    public static List<Person> all(Connection c) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM ledger_person p ORDER BY p.id");
    }

    private static List<Person> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<Person> out = new ArrayList<>();
                while (rs.next()) {
                    Date bd = rs.getDate("birth_date");
                    out.add(new Person(rs.getLong("id"), Optional.ofNullable(rs.getString("code")),
                            rs.getString("name"), Optional.ofNullable(bd).map(Date::toLocalDate),
                            Optional.ofNullable(rs.getString("nationality")),
                            OrgUnitStore.strings(rs.getArray("aliases"))));
                }
                return out;
            }
        }
    }
}
