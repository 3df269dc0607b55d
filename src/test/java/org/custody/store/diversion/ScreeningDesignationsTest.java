package org.custody.store.diversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.custody.diversion.Actor;
import org.custody.diversion.Designation;
import org.custody.lists.ParsedList;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;
import org.custody.screening.ScreeningEngine;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.vetting.AffiliationStore;
import org.custody.vetting.Edge;
import org.custody.vetting.NodeRef;
import org.custody.vetting.Relation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Designation through the real screening engine on the real OFAC SDN list and the affiliation graph. */
@Tag("db")
class ScreeningDesignationsTest {

    static final Path SHARED = Path.of(System.getenv().getOrDefault("CUSTODY_SHARED_DATA", "../shared/data"));
    static ScreeningEngine engine;
    static Database db;

    @BeforeAll
    static void setUp() {
        ParsedList sdn = OfacCsvImporter.read(OfacCsvSet.inFolder(SHARED.resolve("ofac-sdn")).orElseThrow());
        engine = ScreeningEngine.build(sdn.entities(), List.of());
        db = TestDatabases.fresh();
        db.inTransaction(c -> {
            NodeRef.Organisation brigade = AffiliationStore.organisation(c, "45th PMF Brigade", List.of("Brigade 45"), "t");
            NodeRef.Organisation kh = AffiliationStore.organisation(c, "Kata'ib Hizballah", List.of(), "t");
            NodeRef.Organisation front = AffiliationStore.organisation(c, "Al-Example Support Front", List.of(), "t");
            AffiliationStore.add(c, new Edge(brigade, Relation.PART_OF, kh, "field reporting 2017", ""), "t");
            AffiliationStore.add(c, new Edge(front, Relation.BACKED_BY, new NodeRef.Organisation(
                    AffiliationStore.organisation(c, "Islamic Revolutionary Guard Corps", List.of(), "t").id()),
                    "analyst note", ""), "t");
            return null;
        });
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void holderItselfListed() {
        Optional<Designation> d = new ScreeningDesignations(engine, db, LocalDate.of(2018, 1, 1))
                .designation(new Actor(null, "Kata'ib Hezbollah"));
        assertThat(d).hasValueSatisfying(x -> {
            assertThat(x.path()).isEqualTo(Designation.Path.SELF);
            assertThat(x.listedName()).containsIgnoringCase("KATA'IB");
            assertThat(x.lists()).isNotEmpty();
        });
    }

    @Test
    void parentAndBackerThroughTheAffiliationGraph() {
        ScreeningDesignations view = new ScreeningDesignations(engine, db, LocalDate.of(2018, 1, 1));
        assertThat(view.designation(new Actor(null, "45th PMF Brigade"))).hasValueSatisfying(x -> {
            assertThat(x.path()).isEqualTo(Designation.Path.PARENT);
            assertThat(x.viaName()).isEqualTo("Kata'ib Hizballah");
            assertThat(x.explanation()).contains("part_of", "field reporting 2017");
        });
        assertThat(view.designation(new Actor(null, "Al-Example Support Front"))).hasValueSatisfying(x -> {
            assertThat(x.path()).isEqualTo(Designation.Path.AFFILIATE);
            assertThat(x.explanation()).contains("backed_by");
        });
    }

    @Test
    void unlistedAndUnknownHoldersAreNotDesignated() {
        ScreeningDesignations view = new ScreeningDesignations(engine, db, LocalDate.of(2018, 1, 1));
        assertThat(view.designation(new Actor(null, "9th Armoured Division"))).isEmpty();
        assertThat(new ScreeningDesignations(null, null, LocalDate.of(2018, 1, 1))
                .designation(new Actor(null, "Kata'ib Hezbollah"))).isEmpty();
    }
}
