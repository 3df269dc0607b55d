package org.custody.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The variant kinds the labelled pair set measures, each shown on one real listed name. */
class NameVariantsTest {
    private final ScreeningEngine engine = BundledLists.ENGINE;

    private double score(String a, String b) {
        return engine.compare(a, b, null).score();
    }

    @Test
    void initialsMatchNamesStartingWithThemInOrder() {
        String listed = "CHERNET, Yelena Lvovna";
        assertThat(score("Y. L. CHERNET", listed)).isGreaterThan(score("Y. O. CHERNET", listed) + 0.05);
        assertThat(score("Y. CHERNET", listed)).isGreaterThan(score("O. CHERNET", listed));
        assertThat(engine.compare("Y. L. CHERNET", listed, null).explanation().tokens())
                .anyMatch(t -> t.how().equals("initials"));
    }

    @Test
    void aMissingPatronymicCostsLessThanAMissingGivenName() {
        assertThat(score("VLADIMIR LITVINENKO", "LITVINENKO, Vladimir Stefanovich"))
                .isGreaterThan(score("VLADIMIR LITVINENKO", "LITVINENKO, Vladimir Stefan"));
    }

    @Test
    void numbersWrittenAsWordsMeetDigits() {
        assertThat(score("JOINT STOCK COMPANY ONE ZERO THREE ARSENAL", "JOINT STOCK COMPANY 103 ARSENAL")).isEqualTo(1.0);
    }

    @Test
    void twoSwappedLettersAreOneEdit() {
        assertThat(TokenSimilarity.swappedNeighbours("wagn", "wang")).isTrue();
        assertThat(TokenSimilarity.swappedNeighbours("wgan", "wang")).isFalse();
        assertThat(TokenSimilarity.spelling("omra", "omar")).isGreaterThan(TokenSimilarity.spelling("omxr", "omar") - 1e-9);
    }

    @Test
    void codesMayDifferInTheirLettersButTheirNumbersOnlyByOneDigitWhichNeverAlerts() {
        assertThat(TokenSimilarity.similarity("v2913", false, false, "yv2913", false, false)).isGreaterThan(0.7);
        // one digit apart: aligned at most at CODE_EDIT_SIMILARITY, with the number_differs penalty
        assertThat(TokenSimilarity.similarity("ra85534", false, false, "ra85535", false, false))
                .isEqualTo(TokenSimilarity.CODE_EDIT_SIMILARITY);
        assertThat(engine.compare("RA-85534", "RA-85535", null).match()).isFalse();
        assertThat(TokenSimilarity.similarity("ra85534", false, false, "ra85565", false, false)).isZero();
    }

    @Test
    void aMisspeltOrganisationWordStillAligns() {
        assertThat(score("ISMAIL GENEBAL TRADIBG", "ISMAIL GENERAL TRADING"))
                .isGreaterThan(score("ISMAIL BLUE SKY", "ISMAIL GENERAL TRADING") + 0.2);
    }

    @Test
    void aRunOfInitialsStandsForAsManyNamesInOrder() {
        String listed = "HASSAN, Ali Khatib Haji";
        assertThat(score("A. K. H. HASSAN", listed)).isGreaterThan(score("A. B. H. HASSAN", listed) + 0.2);
        assertThat(engine.compare("A. K. H. HASSAN", listed, null).explanation().tokens())
                .anyMatch(t -> t.how().equals("initials") && t.listedToken().split(" ").length == 3);
    }

    @Test
    void nicknamesAndShortFormsMeetTheListedGivenName() {
        assertThat(score("VOLODYA ANTYUFEYEV", "ANTYUFEYEV, Vladimir")).isGreaterThan(0.95);
        assertThat(score("MOHD HAMZA ZUBAIDI", "MUHAMMAD HAMZA ZUBAIDI")).isGreaterThan(0.95);
        assertThat(score("VOLODYA ANTYUFEYEV", "ANTYUFEYEV, Nikolai")).isLessThan(0.7);
    }

    @Test
    void aNameRepeatedOnOneSideNeedNotBeRepeatedOnTheOther() {
        assertThat(score("MAUNG KYAW", "KYAW, Maung Maung")).isGreaterThan(0.95);
        assertThat(score("GONZALO INZUNZA", "INZUNZA INZUNZA, Gonzalo")).isGreaterThan(0.95);
        // a repeat does not make a longer listed name beat the exact one
        assertThat(score("SALIM AHMAD HAMDAN", "HAMDAN, Salim Ahmad"))
                .isGreaterThanOrEqualTo(score("SALIM AHMAD HAMDAN", "HAMDAN, Salim Ahmad Salim"));
    }

    @Test
    void abbreviationsAndNumbersWrittenOutMeetTheListedForm() {
        assertThat(score("KOREA KUMBYOL TRDG COMPANY", "KOREA KUMBYOL TRADING COMPANY")).isEqualTo(1.0);
        assertThat(score("LIMITED LIABILITY COMPANY INDIGO THREE D", "LIMITED LIABILITY COMPANY INDIGO 3D")).isEqualTo(1.0);
        assertThat(score("SEVEN SEVEN TH LIGHT INFANTRY DIVISION", "77TH LIGHT INFANTRY DIVISION")).isEqualTo(1.0);
        assertThat(score("KUM SONG SEVEN", "KUM SONG 7")).isEqualTo(1.0);
        assertThat(score("KUM SONG SEVEN", "KUM SONG 8")).isLessThan(0.8);
    }

    @Test
    void patronymicEndingsOfSeveralLanguagesWeighLess() {
        assertThat(score("SERGEY CHEMEZOV", "CHEMEZOV, Sergey Sergeevich"))
                .isGreaterThan(score("SERGEY CHEMEZOV", "CHEMEZOV, Sergey Sergeev"));
        assertThat(score("VIKTAR HALAVANAU", "HALAVANAU, Viktar Hryhoryavich"))
                .isGreaterThan(score("VIKTAR HALAVANAU", "HALAVANAU, Viktar Hryhorya"));
    }

    @Test
    void aCompoundNameWrittenTogetherFindsItsOriginalScriptFormWrittenApart() {
        java.util.List<org.custody.lists.ListEntity> arabicOnly = new java.util.ArrayList<>();
        for (org.custody.lists.ListEntity e : BundledLists.UN) {
            if (!e.primaryName().equals("HIDAYATULLAH") && !e.primaryName().equals("SHAMSUDDIN")) continue;
            for (org.custody.lists.Alias a : e.aliases()) {
                if (!OriginalScriptTest.nonLatin(a.name())) continue;
                arabicOnly.add(new org.custody.lists.ListEntity(e.id(), e.listId(), e.sourceId(), e.schema(), a.name(),
                        java.util.List.of(), e.programs(), e.birthDates(), e.nationalities(), e.addresses(), e.identifiers(), e.remarks()));
                break;
            }
        }
        assertThat(arabicOnly).hasSize(2);
        ScreeningEngine small = ScreeningEngine.build(arabicOnly, java.util.List.of());
        for (org.custody.lists.ListEntity e : arabicOnly) {
            String latin = BundledLists.UN.stream().filter(x -> x.id().equals(e.id())).findFirst().orElseThrow().primaryName();
            ScreeningResult r = small.screen(ScreeningQuery.of(latin));
            assertThat(r.hits()).as(latin).isNotEmpty();
            assertThat(r.hits().get(0).entityId()).as(latin).isEqualTo(e.id());
        }
    }
}
