package org.custody.store.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.custody.store.Database;
import org.custody.store.StoreException;
import org.custody.store.TestDatabases;
import org.custody.vetting.Edge;
import org.custody.vetting.NodeRef;
import org.custody.vetting.Relation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("db")
class AffiliationStoreTest {

    static Database db;

    @BeforeAll
    static void start() {
        db = TestDatabases.fresh();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void organisationsAreFoundByNameAndMergeAliases() {
        NodeRef.Organisation kh = db.inTransaction(c -> AffiliationStore.organisation(c, "Kata'ib Hizballah",
                List.of("Hizballah Brigades"), "analyst"));
        NodeRef.Organisation again = db.inTransaction(c -> AffiliationStore.organisation(c, "kata'ib hizballah",
                List.of("KH", "Hizballah Brigades"), "analyst"));
        assertThat(again).isEqualTo(kh);
        assertThat(db.read(c -> AffiliationStore.organisation(c, kh.id())).orElseThrow().aliases())
                .containsExactlyInAnyOrder("Hizballah Brigades", "KH");
    }

    @Test
    void affiliationsNeedASourceAreUniqueAndListedFromEitherEnd() {
        NodeRef pmf = db.inTransaction(c -> AffiliationStore.organisation(c, "Popular Mobilization Forces", List.of(), "a"));
        NodeRef kh = db.inTransaction(c -> AffiliationStore.organisation(c, "Kata'ib Hizballah", List.of(), "a"));
        Edge e = new Edge(kh, Relation.PART_OF, pmf, "PMF order 331 (2016)", "KH brigades 45, 46, 47");
        db.inTransaction(c -> AffiliationStore.add(c, e, "a"));
        assertThatThrownBy(() -> db.inTransaction(c -> AffiliationStore.add(c, e, "a")))
                .hasMessageContaining("already recorded");
        assertThatThrownBy(() -> db.inTransaction(c -> AffiliationStore.add(c,
                new Edge(pmf, Relation.BACKED_BY, kh, " ", ""), "a"))).hasMessageContaining("source");
        assertThatThrownBy(() -> db.inTransaction(c -> AffiliationStore.add(c,
                new Edge(pmf, Relation.COMMANDED_BY, kh, "x", ""), "a"))).hasMessageContaining("ledger");
        List<Edge> fromKh = db.read(c -> AffiliationStore.from(c, kh));
        assertThat(fromKh).containsExactly(e);
        List<AffiliationStore.Affiliation> touching = db.read(c -> AffiliationStore.touching(c, pmf));
        assertThat(touching).extracting(AffiliationStore.Affiliation::edge)
                .containsExactly(e);
    }

    @Test
    void dismissalsAreAppendOnly() {
        NodeRef u = new NodeRef.Unit(1);
        db.inTransaction(c -> VettingStore.insertDismissal(c, u, u, "ofac-sdn:1", "fp", "other group", "rev"));
        assertThatThrownBy(() -> db.inTransaction(c -> c.createStatement().executeUpdate(
                "UPDATE vetting_dismissal SET reason = 'x'"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("append-only");
    }
}
