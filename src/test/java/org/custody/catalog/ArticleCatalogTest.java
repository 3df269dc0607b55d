package org.custody.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.custody.catalog.json.CatalogJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleCatalogTest {

    static final ArticleCatalog STARTER = CatalogJson.starter().catalog();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "M1A1 Abrams | m1a1-abrams",
        "M-1A1 | m1a1-abrams",
        "M1-A1 | m1a1-abrams",
        "m1a1 | m1a1-abrams",
        "Iraqi M1A1 tanks were seen near Bayji | m1a1-abrams",
        "an up-armored Humvee | hmmwv-m1114",
        "AN/PVS-14 | an-pvs-14",
        "PVS14 monocular | an-pvs-14",
        "AK-47s | ak-47",
        "RPG 7 | rpg-7",
        "T72 | t-72",
        "a PKM on a technical | pkm",
        "two T-72s | t-72",
    })
    void designationsAndAliasesResolveToTheArticle(String text, String id) {
        Resolution r = STARTER.resolve(text).orElseThrow();
        assertThat(r.specificity()).isEqualTo(Specificity.ARTICLE);
        assertThat(r.articleIfAny().orElseThrow().id()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0} -> family {1}")
    @CsvSource(delimiter = '|', value = {
        "Abrams tank | M1 Abrams",
        "Abrams | M1 Abrams",
        "HMMWV | HMMWV",
        "Humvee | HMMWV",
        "Humvees | HMMWV",
        "destroyed a Humvee near Tikrit | HMMWV",
        "Kalashnikov | Kalashnikov",
        "TOW missiles | BGM-71 TOW",
    })
    void familyWordsResolveToTheFamilyNotOneVariant(String text, String family) {
        Resolution r = STARTER.resolve(text).orElseThrow();
        assertThat(r.specificity()).isEqualTo(Specificity.FAMILY);
        assertThat(r.familyIfAny()).contains(family);
        assertThat(r.articleIfAny()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "a tank | MAIN_BATTLE_TANK",
        "rifles | ASSAULT_RIFLE",
        "night-vision goggles | NIGHT_VISION_DEVICE",
        "seized a weapons cache with mortar shells | AMMUNITION",
        "MRAPs | MRAP",
    })
    void categoryWordsResolveToTheCategory(String text, Category category) {
        Resolution r = STARTER.resolve(text).orElseThrow();
        assertThat(r.specificity()).isEqualTo(Specificity.CATEGORY);
        assertThat(r.category()).isEqualTo(category);
    }

    @Test
    void theMostSpecificMentionWins() {
        Resolution r = STARTER.resolve("a tank, later identified as an M1A2 Abrams").orElseThrow();
        assertThat(r.articleIfAny().orElseThrow().id()).isEqualTo("m1a2-abrams");
        assertThat(r.explanation()).contains("M1A2 Abrams");
    }

    @Test
    void shortAcronymsNeedCapitals() {
        assertThat(STARTER.resolve("we met at 4 pm")).isEmpty();
        assertThat(STARTER.resolve("an AT 4 launcher").orElseThrow().articleIfAny().orElseThrow().id())
                .isEqualTo("at4");
    }

    @Test
    void punctuationDoesNotJoinTokens() {
        // "M, 1A1" is two unrelated fragments, not M1A1
        assertThat(STARTER.resolve("Sector M, 1A1").flatMap(Resolution::articleIfAny)).isEmpty();
    }

    @Test
    void mentionsFindEveryArticleInText() {
        List<ArticleCatalog.Mention> ms = STARTER.mentions("Footage shows a T-72 and two M113 carriers beside a Humvee");
        assertThat(ms).extracting(m -> m.resolution().familyIfAny().orElse("?"))
                .containsExactly("T-72", "M113", "HMMWV");
    }

    @Test
    void everyStarterDesignationResolvesToItsOwnArticle() {
        for (Article a : STARTER.articles()) {
            Resolution r = STARTER.resolve(a.designation()).orElseThrow(() ->
                    new AssertionError("no resolution for " + a.designation()));
            assertThat(r.articleIfAny()).as(a.designation()).contains(a);
            for (String alias : a.aliases()) {
                assertThat(STARTER.resolve(alias).flatMap(Resolution::articleIfAny)).as(alias).contains(a);
            }
        }
    }

    @Test
    void starterCatalogueCoversTheArticlesMostOftenDiverted() {
        assertThat(STARTER.articles()).hasSizeGreaterThan(60);
        assertThat(STARTER.articles()).filteredOn(Article::enhancedMonitoring)
                .extracting(Article::id).contains("javelin", "an-pvs-14", "stinger");
        for (Category c : List.of(Category.MAIN_BATTLE_TANK, Category.MRAP, Category.ASSAULT_RIFLE,
                Category.MACHINE_GUN, Category.ANTI_TANK_LAUNCHER, Category.NIGHT_VISION_DEVICE, Category.ARTILLERY)) {
            assertThat(STARTER.articles()).as(c.name()).anyMatch(a -> a.category() == c);
        }
    }

    @Test
    void aUserArticleExtendsTheCatalogue() {
        Article lav = new Article("lav-25", Category.INFANTRY_FIGHTING_VEHICLE, "LAV-25", "LAV", List.of("LAV 25"),
                "Canada / United States", false);
        ArticleCatalog extended = STARTER.with(lav);
        assertThat(extended.resolve("LAV25").flatMap(Resolution::articleIfAny)).contains(lav);
        assertThat(STARTER.resolve("LAV25").flatMap(Resolution::articleIfAny)).isEmpty();
    }

    @Test
    void aNameSharedAcrossCategoriesResolvesToNothing() {
        Article a = new Article("x-1", Category.MORTAR, "X-1", "X", List.of(), "", false);
        Article b = new Article("y-1", Category.MACHINE_GUN, "Y-1", "Y", List.of(), "", false);
        ArticleCatalog cat = new ArticleCatalog(List.of(a, b), Map.of("X", List.of("Zed"), "Y", List.of("Zed")));
        assertThat(cat.resolve("Zed")).isEmpty();
    }

    @Property(tries = 300)
    void resolvingNeverFailsAndSpansStayInsideTheText(@ForAll String text) {
        STARTER.resolve(text);
        for (ArticleCatalog.Mention m : STARTER.mentions(text)) {
            assertThat(m.start()).isBetween(0, text.length());
            assertThat(m.end()).isBetween(m.start(), text.length());
        }
    }

    @Property(tries = 200)
    void separatorAndCaseVariantsOfADesignationResolveAlike(@ForAll("designations") String designation,
                                                            @ForAll boolean upper) {
        String variant = designation.replace('-', ' ');
        variant = upper ? variant.toUpperCase(java.util.Locale.ROOT) : variant;
        Article expected = STARTER.resolve(designation).flatMap(Resolution::articleIfAny).orElseThrow();
        assertThat(STARTER.resolve(variant).flatMap(Resolution::articleIfAny)).contains(expected);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> designations() {
        return net.jqwik.api.Arbitraries.of("M1A1 Abrams", "T-72", "BMP-2", "M-ATV", "RPG-7", "AK-47", "RG-31",
                "AN/PVS-7", "M1114 HMMWV", "SPG-9");
    }
}
