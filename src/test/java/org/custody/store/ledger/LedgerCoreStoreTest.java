package org.custody.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.custody.catalog.Article;
import org.custody.catalog.Category;
import org.custody.catalog.Resolution;
import org.custody.ledger.AreaOfOperation;
import org.custody.ledger.Echelon;
import org.custody.ledger.NewOrgUnit;
import org.custody.ledger.NewPerson;
import org.custody.ledger.OrgUnit;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("db")
class LedgerCoreStoreTest {

    static Database db;

    @BeforeAll
    static void start() {
        db = TestDatabases.fresh();
        db.inTransaction(c -> {
            OrgUnitStore.insert(c, unit("IQ-MOD", "Ministry of Defence", Echelon.MINISTRY, null));
            OrgUnitStore.insert(c, unit("IQ-IA", "Iraqi Army", Echelon.SERVICE, "IQ-MOD"));
            OrgUnitStore.insert(c, unit("IQ-IA-9D", "9th Armoured Division", Echelon.DIVISION, "IQ-IA"));
            OrgUnitStore.insert(c, new NewOrgUnit("IQ-IA-9D-35B", "35th Brigade", Echelon.BRIGADE, "Iraq",
                    Optional.of("IQ-IA-9D"), List.of("35th Armoured Brigade", "Liwa 35"),
                    Optional.of(new AreaOfOperation("Taji", 33.52, 44.26))));
            OrgUnitStore.insert(c, unit("IQ-IA-9D-35B-1", "1st Battalion, 35th Brigade", Echelon.BATTALION,
                    "IQ-IA-9D-35B"));
            return null;
        });
    }

    static NewOrgUnit unit(String code, String name, Echelon e, String parent) {
        return new NewOrgUnit(code, name, e, "Iraq", Optional.ofNullable(parent), List.of(), Optional.empty());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void unitsFormAHierarchy() {
        OrgUnit brigade = db.read(c -> OrgUnitStore.byCode(c, "IQ-IA-9D-35B")).orElseThrow();
        assertThat(brigade.aliases()).containsExactly("35th Armoured Brigade", "Liwa 35");
        assertThat(brigade.area()).contains(new AreaOfOperation("Taji", 33.52, 44.26));
        List<OrgUnit> ancestors = db.read(c -> OrgUnitStore.ancestors(c, brigade.id()));
        assertThat(ancestors).extracting(OrgUnit::code)
                .containsExactly("IQ-IA-9D", "IQ-IA", "IQ-MOD");
        OrgUnit army = db.read(c -> OrgUnitStore.byCode(c, "IQ-IA")).orElseThrow();
        List<OrgUnit> subtree = db.read(c -> OrgUnitStore.subtree(c, army.id()));
        assertThat(subtree).extracting(OrgUnit::code)
                .containsExactly("IQ-IA", "IQ-IA-9D", "IQ-IA-9D-35B", "IQ-IA-9D-35B-1");
        List<OrgUnit> byName = db.read(c -> OrgUnitStore.byName(c, "liwa 35"));
        assertThat(byName).extracting(OrgUnit::code)
                .containsExactly("IQ-IA-9D-35B");
    }

    @Test
    void anUnknownParentOrDuplicateCodeIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> db.inTransaction(c -> {
            OrgUnitStore.insert(c, unit("IQ-X", "X", Echelon.BRIGADE, "IQ-IA"));
            return OrgUnitStore.insert(c, unit("IQ-Y", "Y", Echelon.BATTALION, "IQ-NOPE"));
        })).hasMessageContaining("IQ-NOPE");
        Optional<OrgUnit> x = db.read(c -> OrgUnitStore.byCode(c, "IQ-X"));
        assertThat(x).isEmpty();
        assertThatThrownBy(() -> db.inTransaction(c -> OrgUnitStore.insert(c, unit("IQ-IA", "dup",
                Echelon.SERVICE, null)))).hasMessageContaining("already recorded");
    }

    @Test
    void commandPostsAreDatedIntervals() {
        OrgUnit brigade = db.read(c -> OrgUnitStore.byCode(c, "IQ-IA-9D-35B")).orElseThrow();
        db.inTransaction(c -> {
            var a = PersonStore.insert(c, new NewPerson(Optional.of("P-1"), "Ali Hassan", Optional.empty(),
                    Optional.of("Iraq"), List.of("Abu Hassan")));
            var b = PersonStore.insert(c, new NewPerson(Optional.empty(), "Karim Jasim", Optional.of(
                    LocalDate.of(1970, 1, 2)), Optional.empty(), List.of()));
            CommandPostStore.insert(c, a.id(), brigade.id(), "commander", LocalDate.of(2015, 1, 1),
                    Optional.of(LocalDate.of(2016, 6, 30)));
            CommandPostStore.insert(c, b.id(), brigade.id(), "commander", LocalDate.of(2016, 7, 1), Optional.empty());
            return null;
        });
        List<org.custody.ledger.CommandPost> on2015 = db.read(c -> CommandPostStore.heldOn(c, brigade.id(), LocalDate.of(2015, 5, 1)));
        assertThat(on2015).singleElement().satisfies(p ->
                assertThat(db.read(c -> PersonStore.byId(c, p.personId())).orElseThrow().name()).isEqualTo("Ali Hassan"));
        List<org.custody.ledger.CommandPost> posts = db.read(c -> CommandPostStore.forUnit(c, brigade.id()));
        assertThat(posts).hasSize(2);
        assertThat(db.read(c -> PersonStore.byCode(c, "P-1")).orElseThrow().aliases()).containsExactly("Abu Hassan");
        assertThatThrownBy(() -> db.inTransaction(c -> CommandPostStore.insert(c, 1, brigade.id(), "commander",
                LocalDate.of(2020, 1, 1), Optional.of(LocalDate.of(2019, 1, 1))))).hasMessageContaining("before");
    }

    @Test
    void theCatalogueIsSeededOnceAndExtended() {
        var catalog = db.inTransaction(ArticleStore::catalog);
        int n = catalog.articles().size();
        assertThat(catalog.resolve("M-1A1").flatMap(Resolution::articleIfAny).map(Article::id)).contains("m1a1-abrams");
        assertThat(db.inTransaction(ArticleStore::seedStarter)).isZero();
        db.inTransaction(c -> {
            ArticleStore.addUserArticle(c, new Article("lav-25", Category.INFANTRY_FIGHTING_VEHICLE, "LAV-25", "LAV",
                    List.of("LAV 25"), "Canada", false));
            return null;
        });
        var after = db.inTransaction(ArticleStore::catalog);
        assertThat(after.articles()).hasSize(n + 1);
        assertThat(after.resolve("LAV25").flatMap(Resolution::articleIfAny).map(Article::id)).contains("lav-25");
        assertThatThrownBy(() -> db.inTransaction(c -> {
            ArticleStore.addUserArticle(c, new Article("lav-25", Category.OTHER, "x", null, List.of(), "", false));
            return null;
        })).hasMessageContaining("already");
    }
}
