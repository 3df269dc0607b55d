package org.custody.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphWalkTest {

    static final LocalDate D = LocalDate.of(2024, 6, 1);

    @Test
    void reachesParentsCommandersAndAffiliationsWithTheirPaths() {
        MapGraph g = new MapGraph();
        NodeRef bn = g.unit(1, "1st Battalion");
        NodeRef bde = g.unit(2, "Brigade 45");
        NodeRef kh = g.org(3, "Kata'ib Hizballah");
        NodeRef cmd = g.person(4, "Abu Mahdi al-Mohandes");
        g.edge(bn, Relation.SUB_UNIT_OF, bde).edge(bde, Relation.PART_OF, kh).edge(bn, Relation.COMMANDED_BY, cmd);
        List<String> rendered = GraphWalk.walk(g, bn, D, WalkPolicy.defaults()).paths().stream()
                .map(GraphPath::render).toList();
        assertThat(rendered).containsExactly(
                "1st Battalion",
                "1st Battalion --sub_unit_of--> Brigade 45",
                "1st Battalion --commanded_by--> Abu Mahdi al-Mohandes",
                "1st Battalion --sub_unit_of--> Brigade 45 --part_of--> Kata'ib Hizballah");
    }

    @Test
    void anUnknownSubjectIsRefusedByName() {
        MapGraph g = new MapGraph();
        assertThatThrownBy(() -> GraphWalk.walk(g, new NodeRef.Unit(9), D, WalkPolicy.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no unit with id 9");
    }

    @Test
    void cycleThroughTheSubject() {
        MapGraph g = new MapGraph();
        NodeRef u = g.unit(1, "U");
        NodeRef b = g.org(2, "B");
        NodeRef c = g.org(3, "C");
        g.edge(u, Relation.PART_OF, b).edge(b, Relation.SUCCESSOR_OF, c).edge(c, Relation.BACKED_BY, u)
                .edge(u, Relation.BACKED_BY, c);
        List<String> rendered = GraphWalk.walk(g, u, D, WalkPolicy.defaults()).paths().stream()
                .map(GraphPath::render).toList();
        assertThat(rendered).containsExactly("U", "U --part_of--> B", "U --backed_by--> C");
    }

    @Test
    void depthLimitCountsEdges() {
        MapGraph g = new MapGraph();
        NodeRef prev = g.unit(0, "U0");
        NodeRef subject = prev;
        for (int i = 1; i <= 10; i++) {
            NodeRef next = g.org(i, "O" + i);
            g.edge(prev, Relation.PART_OF, next);
            prev = next;
        }
        GraphWalk.Walked w = GraphWalk.walk(g, subject, D, new WalkPolicy(3, 100, true));
        assertThat(w.paths()).extracting(GraphPath::length).containsExactly(0, 1, 2, 3);
        assertThat(w.truncated()).isFalse();
    }

    @Test
    void nodeLimitTruncatesAndSaysSo() {
        MapGraph g = new MapGraph();
        NodeRef u = g.unit(0, "U");
        for (int i = 1; i <= 20; i++) g.edge(u, Relation.BACKED_BY, g.org(i, "O" + i));
        GraphWalk.Walked w = GraphWalk.walk(g, u, D, new WalkPolicy(5, 5, true));
        assertThat(w.paths()).hasSize(5);
        assertThat(w.truncated()).isTrue();
    }

    @Test
    void commandEdgesAreFollowedOnlyFromTheSubjectAndFormerOnesOnlyWhenAsked() {
        MapGraph g = new MapGraph();
        NodeRef bn = g.unit(1, "Bn");
        NodeRef bde = g.unit(2, "Bde");
        NodeRef bdeCommander = g.person(3, "Bde Commander");
        NodeRef former = g.person(4, "Former Bn Commander");
        NodeRef militia = g.org(5, "Militia");
        g.edge(bn, Relation.SUB_UNIT_OF, bde).edge(bde, Relation.COMMANDED_BY, bdeCommander)
                .edge(bn, Relation.FORMERLY_COMMANDED_BY, former).edge(former, Relation.MEMBER_OF, militia);
        assertThat(GraphWalk.walk(g, bn, D, WalkPolicy.defaults()).paths()).extracting(GraphPath::render)
                .containsExactly("Bn", "Bn --sub_unit_of--> Bde", "Bn --formerly_commanded_by--> Former Bn Commander",
                        "Bn --formerly_commanded_by--> Former Bn Commander --member_of--> Militia");
        assertThat(GraphWalk.walk(g, bn, D, new WalkPolicy(6, 100, false)).paths()).extracting(GraphPath::render)
                .containsExactly("Bn", "Bn --sub_unit_of--> Bde");
    }
}
