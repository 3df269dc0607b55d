package org.custody.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.custody.lists.Alias;
import org.custody.lists.AliasStrength;
import org.custody.lists.ListEntity;
import org.custody.lists.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact listed names win; countries are evidence. On the bundled OFAC SDN and UN lists. */
class ExactAliasAndCountryTest {
    private final ScreeningEngine engine = BundledLists.ENGINE;

    @ParameterizedTest
    @ValueSource(strings = {"Hezbollah", "Hesbollah", "Hizballah", "HIZBALLAH", "Hizbollah"})
    void hezbollahSpellingsRankHizballahFirstAndAlert(String query) {
        Hit top = engine.screen(ScreeningQuery.of(query)).hits().get(0);
        assertThat(top.entityId()).isEqualTo("ofac-sdn:4697");
        assertThat(top.alert()).as(top.explanation().summary()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CORP", "Ministry", "Company", "LLC", "Trading", "Ali", "Muhammad", "Group"})
    void genericOneWordNamesDoNotAlert(String query) {
        assertThat(engine.screen(ScreeningQuery.of(query)).alerts()).isEmpty();
    }

    @Test
    void anExactNameBeatsOneThatOnlyTiesAfterLegalFormsAreFolded() {
        List<Hit> hits = engine.screen(ScreeningQuery.of("NEW ANSARI LTD")).hits();
        assertThat(hits.get(0).name()).isEqualTo("NEW ANSARI LTD");
        assertThat(hits.get(0).alert()).isTrue();
    }

    /**
     * Every strong listed name or alias of 1,500 sampled entities, screened as written, ranks its
     * entity first (or tied first with another entry of the same name) and alerts, unless the name is
     * generic (low_specificity fires: its tokens are common or organisation words).
     */
    @Test
    void listedNamesScreenedAsWrittenRankTheirEntityFirstAndAlert() {
        Random rnd = new Random(20261201);
        List<ListEntity> all = BundledLists.ALL;
        int checked = 0, generic = 0;
        List<String> failures = new ArrayList<>();
        for (int k = 0; k < 1500; k++) {
            ListEntity e = all.get(rnd.nextInt(all.size()));
            for (Alias a : e.allNames()) {
                if (a.strength() == AliasStrength.WEAK) continue;
                ScreeningResult r = engine.screen(ScreeningQuery.of(a.name()));
                Hit own = r.hits().stream().filter(h -> h.entityId().equals(e.id())).findFirst().orElse(null);
                if (own != null && own.explanation().features().stream()
                        .anyMatch(f -> f.name().equals(ScoringModel.LOW_SPECIFICITY))) {
                    generic++;
                    continue;
                }
                checked++;
                boolean ok = own != null && own.alert() && own.score() >= r.hits().get(0).score();
                if (!ok) failures.add(a.name() + " (" + e.id() + ") -> " + (r.hits().isEmpty() ? "nothing"
                        : r.hits().get(0).entityId() + " " + r.hits().get(0).score() + (own == null ? "" : ", own " + own.score())));
            }
        }
        System.out.printf("exact listed names: %d checked, %d generic, %d failed %s%n", checked, generic, failures.size(),
                failures.subList(0, Math.min(10, failures.size())));
        assertThat(checked).isGreaterThan(2000);
        assertThat(failures).isEmpty();
    }

    @Test
    void iraqsMinistryOfDefenceDoesNotAlertOnTheDprksMinistry() {
        ScreeningQuery q = new ScreeningQuery("Ministry of Defence", Schema.ORGANIZATION, 10, null, null, "Iraq");
        Hit dprk = engine.screen(q).hits().stream().filter(h -> h.entityId().equals("un-sc:KPe.054")).findFirst().orElseThrow();
        assertThat(dprk.score()).isLessThan(1.0);
        assertThat(dprk.alert()).isFalse();
        assertThat(dprk.explanation().features()).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo(ScoringModel.COUNTRY_MISMATCH);
            assertThat(f.explanation()).contains("IQ").contains("KP");
        });
        // without a country the name alone alerts, as before
        assertThat(engine.screen(ScreeningQuery.of("Ministry of Defence")).hits().get(0).alert()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"KP", "PRK", "North Korea", "Korea, North", "DPRK", "North Korean"})
    void anAgreeingCountryInAnySpellingIsEvidenceFor(String country) {
        ScreeningQuery q = new ScreeningQuery("Ministry of Defence", Schema.ORGANIZATION, 10, null, null, country);
        Hit dprk = engine.screen(q).hits().get(0);
        assertThat(dprk.entityId()).isEqualTo("un-sc:KPe.054");
        assertThat(dprk.alert()).isTrue();
        assertThat(dprk.explanation().features()).anyMatch(f -> f.name().equals(ScoringModel.COUNTRY_MATCH));
    }

    @Test
    void aConflictingBirthDateLowersTheScoreAndSaysSo() {
        ListEntity someone = BundledLists.OFAC.stream()
                .filter(e -> e.schema() == Schema.PERSON && e.birthDates().size() == 1 && e.birthDates().get(0).matches("\\d{4}.*"))
                .findFirst().orElseThrow();
        String year = someone.birthDates().get(0).substring(0, 4);
        String other = String.valueOf(Integer.parseInt(year) + 20);
        double same = scoreOf(someone, year), conflicting = scoreOf(someone, other);
        assertThat(conflicting).isLessThan(same);
    }

    private double scoreOf(ListEntity e, String birthDate) {
        ScreeningQuery q = new ScreeningQuery(e.primaryName(), Schema.PERSON, 10, null, birthDate, null);
        return engine.screen(q).hits().stream().filter(h -> h.entityId().equals(e.id())).findFirst().orElseThrow().score();
    }
}
