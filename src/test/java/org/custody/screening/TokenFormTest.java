package org.custody.screening;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The shared-letter bound may skip a comparison only when the full comparison would fall short. */
class TokenFormTest {

    @Provide
    Arbitrary<String> tokens() {
        // a small alphabet so that tokens often share letters, plus a digit and a repeated-letter case
        return Arbitraries.strings().withChars("aeiouhlmnrstkq1").ofMinLength(1).ofMaxLength(14);
    }

    @Property(tries = 5000)
    void boundNeverHidesAPairAboveTheMinimum(@ForAll("tokens") String a, @ForAll("tokens") String b,
                                             @ForAll boolean abjad) {
        double full = TokenSimilarity.similarity(a, null, abjad, b, null, false);
        double bounded = TokenSimilarity.similarity(TokenForm.of(a, abjad), TokenForm.of(b, false), 0.7);
        if (full >= 0.7) assertThat(bounded).isEqualTo(full);
        else assertThat(bounded).isLessThan(0.7);
    }

    @Property(tries = 5000)
    void mergedBoundNeverHidesAPairAboveTheMinimum(@ForAll("tokens") String first, @ForAll("tokens") String second,
                                                   @ForAll("tokens") String other) {
        double full = TokenSimilarity.similarity(first + second, null, false, other, null, false);
        double bounded = TokenSimilarity.mergedSimilarity(TokenForm.of(first, false), TokenForm.of(second, false),
                TokenForm.of(other, false), 0.7);
        if (full >= 0.7) assertThat(bounded).isEqualTo(full);
        else assertThat(bounded).isLessThan(0.7);
    }

    @Test
    void commonLettersCountRepeatsUpToThree() {
        assertThat(TokenForm.of("hassan", false).commonLetters(TokenForm.of("hasan", false))).isEqualTo(5);
        assertThat(TokenForm.of("abc", false).commonLetters(TokenForm.of("xyz", false))).isZero();
        // a fourth repeat is not packed, so the bound falls back to the shorter length
        assertThat(TokenForm.of("aaaab", false).commonLetters(TokenForm.of("ab", false))).isEqualTo(2);
    }

    @Test
    void spellingBoundIsAboveTheSpellingOfRealPairs() {
        String[][] pairs = {{"solemani", "soleimani"}, {"hizballah", "hezbollah"}, {"mohammad", "muhammad"},
                {"trading", "tradings"}, {"kataib", "katayib"}};
        for (String[] p : pairs) {
            TokenForm a = TokenForm.of(p[0], false), b = TokenForm.of(p[1], false);
            assertThat(TokenSimilarity.spellingBound(a.length(), b.length(), a.commonLetters(b)))
                    .isGreaterThanOrEqualTo(TokenSimilarity.spelling(p[0], p[1]));
        }
    }
}
