package org.custody.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenSimilarityTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a       | abjad a | b         | min   | max
            "solemani  | false | solemani  | 1.0  | 1.0",
            "solemani  | false | solemanni | 0.9  | 1.0",    // typo
            "hezbola   | false | hizbala   | 0.85 | 0.95",   // same consonants
            "mhnds     | true  | muhandis  | 0.9  | 1.0",    // Arabic script, no vowels
            "slimani   | true  | solemani  | 0.9  | 1.0",
            "almuhandis| false | muhandis  | 0.9  | 1.0",    // glued article
            "solemani  | false | sohela    | 0.0  | 0.75",   // Jaro-Winkler alone says 0.8
            "ali       | false | ala       | 0.0  | 0.8",    // short tokens: one letter is a lot
            "ab        | false | abu       | 0.0  | 0.0",    // two letters: equal or nothing
            "vessel7   | false | vessel8   | 0.0  | 0.0"})   // numbers must be equal
    void rates(String a, boolean abjad, String b, double min, double max) {
        double s = TokenSimilarity.similarity(a, false, abjad, b, false, false);
        assertThat(s).isBetween(min, max);
        assertThat(TokenSimilarity.similarity(b, false, false, a, false, abjad)).isEqualTo(s);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"brigade|true|brigade|true|1.0", "brigade|true|company|true|0.0",
            "brigade|true|brigade|false|0.0", "company|true|kompani|false|0.0"})
    void organisationWordsMatchOnlyTheirClass(String a, boolean aw, String b, boolean bw, double expected) {
        assertThat(TokenSimilarity.similarity(a, aw, false, b, bw, false)).isEqualTo(expected);
    }
}
