package org.custody.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The walk on random graphs, cycles and all: each node once, by a shortest path, within the limits. */
class GraphWalkPropertiesTest {

    static final Relation[] AFFILIATIONS = {Relation.MEMBER_OF, Relation.PART_OF, Relation.BACKED_BY, Relation.SUCCESSOR_OF};

    @Provide
    Arbitrary<List<int[]>> edges() {
        return Arbitraries.integers().between(0, 11).list().ofSize(3)
                .map(l -> new int[] {l.get(0), l.get(1), l.get(2) % AFFILIATIONS.length})
                .list().ofMaxSize(40);
    }

    @Property(tries = 300)
    void everyNodeOnceByAShortestPathWithinTheDepthLimit(@ForAll("edges") List<int[]> edges,
                                                         @ForAll @IntRange(min = 0, max = 6) int depth) {
        MapGraph g = new MapGraph();
        for (int i = 0; i < 12; i++) g.org(i, "O" + i);
        NodeRef subject = g.unit(100, "Subject");
        g.edge(subject, Relation.PART_OF, new NodeRef.Organisation(0));
        Map<NodeRef, Set<NodeRef>> adj = new HashMap<>();
        adj.computeIfAbsent(subject, k -> new HashSet<>()).add(new NodeRef.Organisation(0));
        for (int[] e : edges) {
            if (e[0] == e[1]) continue;
            NodeRef from = new NodeRef.Organisation(e[0]);
            NodeRef to = new NodeRef.Organisation(e[1]);
            g.edge(from, AFFILIATIONS[e[2]], to);
            adj.computeIfAbsent(from, k -> new HashSet<>()).add(to);
        }
        List<GraphPath> paths = GraphWalk.walk(g, subject, LocalDate.of(2024, 1, 1), new WalkPolicy(depth, 1000, true)).paths();

        Map<NodeRef, Integer> shortest = bfs(adj, subject);
        Set<NodeRef> seen = new HashSet<>();
        for (GraphPath p : paths) {
            assertThat(seen.add(p.end().ref())).as("reached twice: %s", p.render()).isTrue();
            assertThat(p.length()).isLessThanOrEqualTo(depth);
            assertThat(p.length()).isEqualTo(shortest.get(p.end().ref()));
            assertThat(p.parties().get(0).ref()).isEqualTo(subject);
            for (int i = 0; i < p.edges().size(); i++) {
                assertThat(p.edges().get(i).from()).isEqualTo(p.parties().get(i).ref());
                assertThat(p.edges().get(i).to()).isEqualTo(p.parties().get(i + 1).ref());
            }
        }
        long reachable = shortest.values().stream().filter(d -> d <= depth).count();
        assertThat(paths).hasSize((int) reachable);
    }

    private static Map<NodeRef, Integer> bfs(Map<NodeRef, Set<NodeRef>> adj, NodeRef start) {
        Map<NodeRef, Integer> dist = new HashMap<>();
        dist.put(start, 0);
        ArrayDeque<NodeRef> q = new ArrayDeque<>(List.of(start));
        while (!q.isEmpty()) {
            NodeRef n = q.poll();
            for (NodeRef m : adj.getOrDefault(n, Set.of())) {
                if (!dist.containsKey(m)) {
                    dist.put(m, dist.get(n) + 1);
                    q.add(m);
                }
            }
        }
        return dist;
    }

    @Property(tries = 500)
    void nodeRefParsingRoundTripsOrRefusesWithIllegalArgument(@ForAll String text) {
        try {
            NodeRef r = NodeRef.parse(text);
            assertThat(NodeRef.parse(r.key())).isEqualTo(r);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 200)
    void keysRoundTrip(@ForAll @IntRange(min = 0, max = 1_000_000) int id) {
        for (NodeRef r : List.<NodeRef>of(new NodeRef.Unit(id), new NodeRef.Person(id), new NodeRef.Organisation(id))) {
            assertThat(NodeRef.parse(r.key())).isEqualTo(r);
        }
    }
}
