package org.custody.store.vetting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.custody.lists.Schema;
import org.custody.vetting.Edge;
import org.custody.vetting.NodeRef;
import org.custody.vetting.Party;
import org.custody.vetting.Relation;

/** Outside organisations and recorded affiliations (vetting's part of the graph). */
public final class AffiliationStore {

    private AffiliationStore() {}

    /** A recorded affiliation as listed by {@code vet affiliation list}. */
    public record Affiliation(long id, Edge edge, String recordedBy) {}

    public static Optional<Party> organisation(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, aliases FROM vetting_organisation WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Party(new NodeRef.Organisation(id), rs.getString(1),
                        Arrays.asList((String[]) rs.getArray(2).getArray()), Schema.ORGANIZATION));
            }
        }
    }

    public static Optional<Long> organisationByName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM vetting_organisation WHERE lower(name) = lower(?)")) {
            ps.setString(1, name.trim());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The organisation of that name, created (with these aliases) if none exists; aliases are merged. */
    public static NodeRef.Organisation organisation(Connection c, String name, List<String> aliases, String actor)
            throws SQLException {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("an organisation needs a name");
        Optional<Long> existing = organisationByName(c, name);
        if (existing.isPresent()) {
            if (!aliases.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE vetting_organisation SET aliases ="
                        + " ARRAY(SELECT DISTINCT unnest(aliases || ?::text[])) WHERE id = ?")) {
                    ps.setArray(1, c.createArrayOf("text", aliases.toArray()));
                    ps.setLong(2, existing.get());
                    ps.executeUpdate();
                }
            }
            return new NodeRef.Organisation(existing.get());
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO vetting_organisation(name, aliases, created_by) VALUES (?,?,?) RETURNING id")) {
            ps.setString(1, name.trim());
            ps.setArray(2, c.createArrayOf("text", aliases.stream().map(String::trim).distinct().toArray()));
            ps.setString(3, actor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new NodeRef.Organisation(rs.getLong(1));
            }
        }
    }

    public static long add(Connection c, Edge edge, String actor) throws SQLException {
        if (!edge.relation().isAffiliation()) {
            throw new IllegalArgumentException(edge.relation().label() + " comes from the ledger and is not recorded here");
        }
        if (edge.source().isBlank()) throw new IllegalArgumentException("an affiliation needs a source");
        if (edge.from().equals(edge.to())) throw new IllegalArgumentException("an affiliation joins two different nodes");
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO vetting_affiliation(from_kind, from_id, relation, to_kind, to_id, source, note, recorded_by)"
                        + " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (from_kind, from_id, relation, to_kind, to_id) DO NOTHING"
                        + " RETURNING id")) {
            ps.setString(1, edge.from().kind());
            ps.setLong(2, edge.from().id());
            ps.setString(3, edge.relation().label());
            ps.setString(4, edge.to().kind());
            ps.setLong(5, edge.to().id());
            ps.setString(6, edge.source().trim());
            ps.setString(7, edge.note().trim());
            ps.setString(8, actor);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("this affiliation is already recorded: " + edge.from().key()
                            + " " + edge.relation().label() + " " + edge.to().key());
                }
                return rs.getLong(1);
            }
        }
    }

    public static List<Edge> from(Connection c, NodeRef node) throws SQLException {
        List<Edge> out = new ArrayList<>();
        for (Affiliation a : list(c, " WHERE from_kind = ? AND from_id = ?", node.kind(), node.id())) out.add(a.edge());
        return out;
    }

    /** The affiliations recorded from any of these persons, in one query. */
    public static List<Affiliation> fromPersons(Connection c, List<Long> personIds) throws SQLException {
        return list(c, " WHERE from_kind = 'person' AND from_id = ANY(?)",
                c.createArrayOf("bigint", personIds.toArray()));
    }

    /** All affiliations touching {@code node} (either end), or all of them when it is null. */
    public static List<Affiliation> touching(Connection c, NodeRef node) throws SQLException {
        if (node == null) return list(c, "");
        return list(c, " WHERE (from_kind = ? AND from_id = ?) OR (to_kind = ? AND to_id = ?)",
                node.kind(), node.id(), node.kind(), node.id());
    }

    private static List<Affiliation> list(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, from_kind, from_id, relation, to_kind, to_id, source,"
                + " note, recorded_by FROM vetting_affiliation" + where + " ORDER BY id")) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<Affiliation> out = new ArrayList<>();
                while (rs.next()) {
                    Edge e = new Edge(NodeRef.of(rs.getString(2), rs.getLong(3)),
                            Relation.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                            NodeRef.of(rs.getString(5), rs.getLong(6)), rs.getString(7), rs.getString(8));
                    out.add(new Affiliation(rs.getLong(1), e, rs.getString(9)));
                }
                return out;
            }
        }
    }
}
