package org.custody.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custody.lists.ListVersion;
import org.custody.lists.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScreeningEngineTest {
    /** Ranking is judged on the real SDN list (14,965 entries, 34,000 names): rarity weights need a real list. */
    static final ListVersion VERSION = SdnFixture.VERSION;
    static final ScreeningEngine ENGINE = SdnFixture.ENGINE;

    private static ScreeningResult screen(String name) {
        return ENGINE.screen(ScreeningQuery.of(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Kataib Hezbollah|ofac-sdn:11462",
            "Hizballah Brigades|ofac-sdn:11462",
            "كتائب حزب الله|ofac-sdn:11462",
            "Qassem Soleimani|ofac-sdn:10481",
            "Ghasem Soleymani|ofac-sdn:10481",
            "قاسم سليماني|ofac-sdn:10481",
            "Касем Сулеймани|ofac-sdn:10481",
            "Maj. Gen. Qasem Soleimani|ofac-sdn:10481",
            "Abu Mahdi al-Mohandes|ofac-sdn:11461",
            "ابو مهدي المهندس|ofac-sdn:11461",
            "Jamal Jaafar al-Ibrahimi|ofac-sdn:11461",
            "Asaib Ahl al Haq|ofac-sdn:28283",
            "Islamic Revolutionary Guards Corps|ofac-sdn:10391",
            "Sheikh Adnan al-Hamidawi|ofac-sdn:28690",
            "Abdel Aziz Maluh al-Mohammadawi Mirjirash|ofac-sdn:29722"})
    void ranksTheRightEntityFirstAndAlerts(String query, String expectedId) {
        ScreeningResult r = screen(query);
        assertThat(r.hits()).isNotEmpty();
        assertThat(r.hits().get(0).entityId()).isEqualTo(expectedId);
        assertThat(r.hits().get(0).alert()).as(r.hits().get(0).explanation().summary()).isTrue();
    }

    @Test
    void aQueryMissingTheRarestTokenStillRanksFirstButDoesNotAlert() {
        // the family name MIRJIRASH is the rarest token of the listed name; without it the match is partial
        Hit top = screen("Abdel Aziz Maluh al-Mohammadawi").hits().get(0);
        assertThat(top.entityId()).isEqualTo("ofac-sdn:29722");
        assertThat(top.score()).isLessThan(ENGINE.config().alertThreshold());
        assertThat(top.explanation().tokens()).anyMatch(t -> t.queryToken() == null && t.listedToken().equals("mirjirash"));
    }

    @Test
    void listedTokensWrittenTogetherInTheQueryAreFound() {
        // the tail number RA-85534 reported without its hyphen
        assertThat(screen("RA85534").hits().get(0).entityId()).isEqualTo("ofac-sdn:43218");
        assertThat(screen("RA85534").hits().get(0).alert()).isTrue();
    }

    @Test
    void hitsAreBestFirstAndCarryTheListVersions() {
        ScreeningResult r = screen("Soleimani");
        for (int i = 1; i < r.hits().size(); i++) {
            assertThat(r.hits().get(i).score()).isLessThanOrEqualTo(r.hits().get(i - 1).score());
        }
        assertThat(r.listVersions()).containsExactly(VERSION);
        assertThat(r.hits()).allMatch(h -> h.lists().equals(List.of("ofac-sdn")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Trading LLC", "CORP", "Company", "The Organization", "Brigades"})
    void genericNamesNeverAlert(String query) {
        assertThat(screen(query).alerts()).isEmpty();
    }

    @Test
    void aQueryCoveringOnlyPartOfAListedNameIsPenalised() {
        double partial = topScore("Emma Daniels", "ofac-sdn:29857");
        double full = topScore("Emma LLC", "ofac-sdn:29857");
        assertThat(partial).isLessThan(full - 0.2);
        assertThat(partial).isLessThan(ENGINE.config().alertThreshold());
        // and a one-token query against a two-token person is not a full match either
        assertThat(topScore("Soleimani", "ofac-sdn:10481")).isLessThan(ENGINE.config().alertThreshold());
    }

    @Test
    void aSharedCommonTokenIsWeakEvidence() {
        // "Soleimani" alone is shared by two listed people; Gholamreza Soleimani is not Qasem
        assertThat(topScore("Qasem Soleimani", "ofac-sdn:27854")).isLessThan(0.7);
    }

    @Test
    void schemaMismatchLowersTheScore() {
        ScreeningQuery asVessel = ScreeningQuery.of("Kataib Hezbollah").withSchema(Schema.VESSEL);
        Hit kh = ENGINE.screen(asVessel).hits().stream().filter(h -> h.entityId().equals("ofac-sdn:11462")).findFirst().orElseThrow();
        assertThat(kh.alert()).isFalse();
        assertThat(kh.explanation().features()).anyMatch(f -> f.name().equals(ScoringModel.SCHEMA_MISMATCH));
    }

    @Test
    void birthYearIsEvidenceForAndAgainst() {
        ScreeningQuery base = ScreeningQuery.of("Qasem Soleimani");
        double none = ENGINE.screen(base).hits().get(0).score();
        Hit same = ENGINE.screen(new ScreeningQuery("Qasem Soleimani", null, 10, null, "1957", null)).hits().get(0);
        Hit other = ENGINE.screen(new ScreeningQuery("Qasem Soleimani", null, 10, null, "1990-01-01", null)).hits().get(0);
        assertThat(other.score()).isLessThan(none);
        assertThat(same.explanation().features()).anyMatch(f -> f.name().equals(ScoringModel.DOB_MATCH));
        assertThat(other.explanation().features()).anyMatch(f -> f.name().equals(ScoringModel.DOB_MISMATCH));
    }

    @Test
    void weakAliasCountsLess() {
        Hit kss = ENGINE.screen(ScreeningQuery.of("KSS")).hits().get(0);
        assertThat(kss.entityId()).isEqualTo("ofac-sdn:46348");
        assertThat(kss.explanation().aliasStrength()).isEqualTo("WEAK");
        assertThat(kss.explanation().features()).anyMatch(f -> f.name().equals(ScoringModel.WEAK_ALIAS));
        assertThat(kss.score()).isLessThan(1.0);
    }

    @Test
    void explanationSaysWhichAliasTokensAndSteps() {
        Hit h = screen("Kataib Hezbollah").hits().get(0);
        Explanation e = h.explanation();
        assertThat(e.matchedAlias()).isEqualTo("KATA'IB HEZBOLLAH");
        assertThat(e.aliasStrength()).isEqualTo("STRONG");
        assertThat(e.tokens()).anySatisfy(t -> {
            assertThat(t.queryToken()).isEqualTo("hezbola");
            assertThat(t.listedToken()).isEqualTo("hezbola");
            assertThat(t.similarity()).isEqualTo(1.0);
        });
        assertThat(e.tokens()).anySatisfy(t -> {
            assertThat(t.queryToken()).isEqualTo("brigade");
            assertThat(t.how()).contains("organisation type");
        });
        assertThat(e.features()).extracting(Explanation.FeatureScore::name).contains(ScoringModel.NAME_MATCH);
        assertThat(e.features()).allSatisfy(f -> assertThat(f.explanation()).isNotBlank());
        assertThat(e.normalisations()).contains("query: organisation-words", "listed: hamza-ayn-marks");
        assertThat(e.summary()).contains("KATA'IB HEZBOLLAH").contains("threshold");
    }

    @Test
    void explanationShowsUnmatchedTokens() {
        Hit h = ENGINE.screen(ScreeningQuery.of("Emma Daniels")).hits().stream()
                .filter(x -> x.entityId().equals("ofac-sdn:29857")).findFirst().orElseThrow();
        assertThat(h.explanation().tokens()).anySatisfy(t -> {
            assertThat(t.queryToken()).isEqualTo("daniels");
            assertThat(t.listedToken()).isNull();
        });
    }

    @Test
    void arabicScriptMatchesByConsonants() {
        Hit h = screen("كتائب حزب الله").hits().get(0);
        assertThat(h.explanation().normalisations()).contains("query: script-to-latin");
        assertThat(h.explanation().tokens()).anySatisfy(t -> assertThat(t.how()).containsAnyOf("one word", "consonants"));
    }

    @Test
    void compareUsesTheSameScorer() {
        Comparison c = ENGINE.compare("Qassem Soleimani", "SOLEIMANI, Qasem", Schema.PERSON);
        assertThat(c.match()).isTrue();
        assertThat(c.score()).isEqualTo(screen("Qassem Soleimani").hits().get(0).score());
        Comparison d = ENGINE.compare("Emma Daniels", "EMMA LLC", null);
        assertThat(d.match()).isFalse();
        assertThat(d.explanation().tokens()).isNotEmpty();
        assertThat(ENGINE.compare("", "EMMA LLC", null).score()).isZero();
    }

    @Test
    void emptyQueryGivesNoHits() {
        assertThat(screen("  -- ").hits()).isEmpty();
    }

    @Test
    void anEmptyListScreensToNothing() {
        ScreeningEngine empty = ScreeningEngine.build(List.of(), List.of());
        assertThat(empty.screen(ScreeningQuery.of("Soleimani")).hits()).isEmpty();
        assertThat(empty.compare("Qasem Soleimani", "Soleimani, Qasem", null).score()).isGreaterThan(0.8);
    }

    @Test
    void limitAndThresholdOfTheQueryApply() {
        ScreeningResult r = ENGINE.screen(new ScreeningQuery("Hizballah", null, 2, 0.99, null, null));
        assertThat(r.hits()).hasSizeLessThanOrEqualTo(2);
        assertThat(r.hits()).allMatch(h -> h.alert() == (h.score() >= 0.99));
    }

    private static double topScore(String query, String entityId) {
        return ENGINE.screen(new ScreeningQuery(query, null, 50, null, null, null)).hits().stream()
                .filter(h -> h.entityId().equals(entityId)).mapToDouble(Hit::score).max().orElse(0);
    }
}
