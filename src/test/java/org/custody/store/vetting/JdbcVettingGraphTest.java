package org.custody.store.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.custody.ledger.Echelon;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.vetting.Edge;
import org.custody.vetting.GraphWalk;
import org.custody.vetting.NodeRef;
import org.custody.vetting.Party;
import org.custody.vetting.GraphPath;
import org.custody.vetting.Relation;
import org.custody.vetting.WalkPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("db")
class JdbcVettingGraphTest {

    static Database db;
    static LedgerFixture ledger;

    @BeforeAll
    static void start() {
        db = TestDatabases.fresh();
        ledger = new LedgerFixture(db);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void readsHierarchyCommandPostsAndAffiliationsAsOfADate() {
        NodeRef.Unit pmc = ledger.unit("G-PMC", "Popular Mobilization Commission", Echelon.COMMAND, null, "Hashd al-Shaabi");
        NodeRef.Unit bde = ledger.unit("G-B45", "Brigade 45", Echelon.BRIGADE, "G-PMC", "45th PMF Brigade");
        NodeRef.Person now = ledger.person("Abu Mahdi al-Mohandes");
        NodeRef.Person before = ledger.person("Hassan Ali Kadhim");
        NodeRef.Person later = ledger.person("Future Commander");
        ledger.post(before, bde, "commander", LocalDate.of(2015, 1, 1), LocalDate.of(2017, 12, 31));
        ledger.post(now, bde, "commander", LocalDate.of(2018, 1, 1), null);
        ledger.post(later, bde, "commander", LocalDate.of(2030, 1, 1), null);
        NodeRef.Organisation kh = db.inTransaction(c -> AffiliationStore.organisation(c, "Kata'ib Hizballah", List.of(), "t"));
        db.inTransaction(c -> AffiliationStore.add(c, new Edge(bde, Relation.PART_OF, kh, "PMF brigade numbering",
                "Brigades 45-47 are Kata'ib Hizballah"), "t"));
        NodeRef.Organisation aah = db.inTransaction(c -> AffiliationStore.organisation(c, "Asa'ib Ahl al-Haq", List.of(), "t"));
        db.inTransaction(c -> AffiliationStore.add(c, new Edge(before, Relation.MEMBER_OF, aah, "press report", ""), "t"));

        List<GraphPath> paths = db.read(c -> GraphWalk.walk(new JdbcVettingGraph(c), bde, LocalDate.of(2019, 6, 1),
                WalkPolicy.defaults()).paths());
        assertThat(paths).extracting(GraphPath::render).containsExactly(
                "Brigade 45",
                "Brigade 45 --sub_unit_of--> Popular Mobilization Commission",
                "Brigade 45 --commanded_by--> Abu Mahdi al-Mohandes",
                "Brigade 45 --formerly_commanded_by--> Hassan Ali Kadhim",
                "Brigade 45 --part_of--> Kata'ib Hizballah",
                "Brigade 45 --formerly_commanded_by--> Hassan Ali Kadhim --member_of--> Asa'ib Ahl al-Haq");
        Party parent = paths.get(1).end();
        assertThat(parent.aliases()).containsExactly("Hashd al-Shaabi");
        assertThat(parent.nationality()).as("a unit's country is screening evidence").isEqualTo("IQ");
        assertThat(paths.get(2).end().nationality()).isEqualTo("IQ");
        assertThat(paths.get(2).edges().get(0).note()).isEqualTo("commander from 2018-01-01");
        assertThat(paths.get(4).sources()).containsExactly(
                "part_of: PMF brigade numbering (Brigades 45-47 are Kata'ib Hizballah)");

        List<Edge> in2016 = db.read(c -> new JdbcVettingGraph(c).edgesFrom(bde, LocalDate.of(2016, 6, 1)));
        assertThat(in2016).filteredOn(e -> e.relation() == Relation.COMMANDED_BY).extracting(Edge::to)
                .containsExactly(before);
        assertThat(in2016).filteredOn(e -> e.relation() == Relation.FORMERLY_COMMANDED_BY).isEmpty();
    }

    /**
     * A unit and a person may carry the same number: the affiliations of the person numbered like the
     * walked unit's parent are not the unit's (this walk used to fail with a NullPointerException).
     */
    @Test
    void aPersonNumberedLikeAUnitOnTheWalkDoesNotBreakIt() {
        try (Database fresh = TestDatabases.fresh()) {
            LedgerFixture l = new LedgerFixture(fresh);
            NodeRef.Unit parent = l.unit("N-DIV", "Some Division", Echelon.DIVISION, null);
            NodeRef.Unit unit = l.unit("N-BDE", "Some Brigade", Echelon.BRIGADE, "N-DIV");
            NodeRef.Person namesake = l.person("Unrelated Person");
            NodeRef.Person commander = l.person("Brigade Commander");
            assertThat(namesake.id()).as("precondition: same number as the parent unit").isEqualTo(parent.id());
            l.post(commander, unit, "commander", LocalDate.of(2015, 1, 1), null);
            NodeRef.Organisation org = fresh.inTransaction(c -> AffiliationStore.organisation(c, "Some Group", List.of(), "t"));
            fresh.inTransaction(c -> AffiliationStore.add(c, new Edge(namesake, Relation.MEMBER_OF, org, "report", ""), "t"));

            List<String> paths = fresh.read(c -> GraphWalk.walk(new JdbcVettingGraph(c), unit, LocalDate.of(2016, 1, 1),
                    WalkPolicy.defaults()).paths()).stream().map(GraphPath::render).toList();
            assertThat(paths).containsExactly("Some Brigade", "Some Brigade --sub_unit_of--> Some Division",
                    "Some Brigade --commanded_by--> Brigade Commander");
        }
    }
}
