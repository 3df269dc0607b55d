package org.custody.vetting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custody.lists.Schema;

/** An in-memory vetting graph for tests of the walk and the rules (the store's graph is tested on PostgreSQL). */
final class MapGraph implements VettingGraph {

    final Map<NodeRef, Party> parties = new HashMap<>();
    final Map<NodeRef, List<Edge>> edges = new HashMap<>();

    NodeRef unit(long id, String name, String... aliases) {
        return add(new NodeRef.Unit(id), name, Schema.ORGANIZATION, aliases);
    }

    NodeRef person(long id, String name, String... aliases) {
        return add(new NodeRef.Person(id), name, Schema.PERSON, aliases);
    }

    NodeRef org(long id, String name, String... aliases) {
        return add(new NodeRef.Organisation(id), name, Schema.ORGANIZATION, aliases);
    }

    private NodeRef add(NodeRef ref, String name, Schema schema, String... aliases) {
        parties.put(ref, new Party(ref, name, List.of(aliases), schema));
        return ref;
    }

    MapGraph edge(NodeRef from, Relation r, NodeRef to) {
        edges.computeIfAbsent(from, k -> new ArrayList<>()).add(new Edge(from, r, to, "test source", "test note"));
        return this;
    }

    @Override
    public Optional<Party> party(NodeRef ref) {
        return Optional.ofNullable(parties.get(ref));
    }

    @Override
    public List<Edge> edgesFrom(NodeRef node, LocalDate asOf) {
        return edges.getOrDefault(node, List.of());
    }
}
