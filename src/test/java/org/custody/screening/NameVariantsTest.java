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
    void codesMayDifferInTheirLettersButNotTheirNumbers() {
        assertThat(TokenSimilarity.similarity("v2913", false, false, "yv2913", false, false)).isGreaterThan(0.7);
        assertThat(TokenSimilarity.similarity("ra85534", false, false, "ra85535", false, false)).isZero();
    }

    @Test
    void aMisspeltOrganisationWordStillAligns() {
        assertThat(score("ISMAIL GENEBAL TRADIBG", "ISMAIL GENERAL TRADING"))
                .isGreaterThan(score("ISMAIL BLUE SKY", "ISMAIL GENERAL TRADING") + 0.2);
    }
}
