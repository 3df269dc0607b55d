package org.custody.store.vetting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custody.lists.Schema;
import org.custody.store.StoreException;
import org.custody.vetting.Edge;
import org.custody.vetting.NodeRef;
import org.custody.vetting.Party;
import org.custody.vetting.Relation;
import org.custody.vetting.VettingGraph;

/**
 * The vetting graph over the ledger's tables (units with their aliases and parents, persons with theirs,
 * command posts) and vetting's organisations and affiliations, read on one connection. Parties are cached
 * for the life of the instance (one check), and a unit's command posts come with their holders in one
 * query.
 */
public final class JdbcVettingGraph implements VettingGraph {

    private final Connection c;
    private final Map<NodeRef, Optional<Party>> parties = new HashMap<>();
    private final Map<NodeRef, List<Edge>> affiliations = new HashMap<>();
    private final Map<String, List<Edge>> edges = new HashMap<>();

    public JdbcVettingGraph(Connection c) {
        this.c = c;
    }

    @Override
    public Optional<Party> party(NodeRef ref) {
        Optional<Party> cached = parties.get(ref);
        if (cached != null) return cached;
        try {
            Optional<Party> p = switch (ref) {
                case NodeRef.Unit u -> named(ref, "SELECT name, NULL, country, ARRAY(SELECT alias FROM ledger_org_unit_alias"
                        + " WHERE unit_id = u.id ORDER BY alias) FROM ledger_org_unit u WHERE id = ?", Schema.ORGANIZATION);
                case NodeRef.Person x -> named(ref, "SELECT name, birth_date::text, nationality, ARRAY(SELECT alias"
                        + " FROM ledger_person_alias WHERE person_id = p.id ORDER BY alias) FROM ledger_person p WHERE id = ?",
                        Schema.PERSON);
                case NodeRef.Organisation o -> AffiliationStore.organisation(c, o.id());
            };
            parties.put(ref, p);
            return p;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + ref.key() + ": " + e.getMessage(), e);
        }
    }

    private Optional<Party> named(NodeRef ref, String sql, Schema schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, ref.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Party(ref, rs.getString(1), List.of((String[]) rs.getArray(4).getArray()), schema,
                        rs.getString(2), rs.getString(3)));
            }
        }
    }

    @Override
    public List<Edge> edgesFrom(NodeRef node, LocalDate asOf) {
        String key = node.key() + "@" + asOf;
        List<Edge> cached = edges.get(key);
        if (cached != null) return cached;
        try {
            List<Edge> out = new ArrayList<>();
            if (node instanceof NodeRef.Unit u) {
                parent(u, out);
                commandPosts(u, asOf, out);
            }
            List<Edge> aff = affiliations.get(node);
            out.addAll(aff != null ? aff : AffiliationStore.from(c, node));
            List<Edge> result = List.copyOf(out);
            edges.put(key, result);
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot read the edges of " + node.key() + ": " + e.getMessage(), e);
        }
    }

    private void parent(NodeRef.Unit u, List<Edge> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT parent_id FROM ledger_org_unit WHERE id = ?")) {
            ps.setLong(1, u.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long parent = rs.getLong(1);
                    if (!rs.wasNull()) out.add(new Edge(u, Relation.SUB_UNIT_OF, new NodeRef.Unit(parent),
                            "", "ledger hierarchy"));
                }
            }
        }
    }

    /**
     * Posts held on {@code asOf} become commanded_by edges, posts that ended before it formerly_commanded_by
     * (posts starting later are not history yet). A person holding a post now is not also a former holder.
     */
    private void commandPosts(NodeRef.Unit u, LocalDate asOf, List<Edge> out) throws SQLException {
        Map<Long, Edge> current = new LinkedHashMap<>();
        Map<Long, Edge> former = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT cp.person_id, cp.title, cp.start_date, cp.end_date, p.name, p.birth_date::text, p.nationality,"
                        + " ARRAY(SELECT alias FROM ledger_person_alias a WHERE a.person_id = p.id ORDER BY alias)"
                        + " FROM ledger_command_post cp JOIN ledger_person p ON p.id = cp.person_id"
                        + " WHERE cp.unit_id = ? AND cp.start_date <= ? ORDER BY cp.start_date, cp.id")) {
            ps.setLong(1, u.id());
            ps.setObject(2, asOf);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long personId = rs.getLong(1);
                    NodeRef.Person p = new NodeRef.Person(personId);
                    parties.putIfAbsent(p, Optional.of(new Party(p, rs.getString(5),
                            List.of((String[]) rs.getArray(8).getArray()), Schema.PERSON, rs.getString(6), rs.getString(7))));
                    LocalDate end = rs.getObject(4, LocalDate.class);
                    String note = rs.getString(2) + " from " + rs.getObject(3, LocalDate.class)
                            + (end == null ? "" : " to " + end);
                    if (end == null || !end.isBefore(asOf)) {
                        current.put(personId, new Edge(u, Relation.COMMANDED_BY, p, "", note));
                    } else {
                        former.put(personId, new Edge(u, Relation.FORMERLY_COMMANDED_BY, p, "", note));
                    }
                }
            }
        }
        out.addAll(current.values());
        former.keySet().removeAll(current.keySet());
        out.addAll(former.values());
        prefetchAffiliations(out.stream().map(Edge::to).toList());
    }

    /** One query for the affiliations of all of a unit's post holders, which the walk visits next. */
    private void prefetchAffiliations(List<NodeRef> persons) throws SQLException {
        // only persons: a unit's id passed here would fetch the affiliations of the person with that number
        List<NodeRef> missing = persons.stream().filter(p -> p instanceof NodeRef.Person)
                .filter(p -> !affiliations.containsKey(p)).distinct().toList();
        if (missing.isEmpty()) return;
        for (NodeRef p : missing) affiliations.put(p, new ArrayList<>());
        for (AffiliationStore.Affiliation a : AffiliationStore.fromPersons(c,
                missing.stream().map(NodeRef::id).toList())) {
            affiliations.get(a.edge().from()).add(a.edge());
        }
    }
}
