package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcronymJoinerTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "i r g c|irgc",
            "cecoex s a|cecoex sa",
            "k h|kh",
            "abu mahdi|abu mahdi",
            "a b trading c|ab trading c"})
    void joinsSingleLetters(String in, String out) {
        assertThat(TokenSteps.run(new AcronymJoiner(), in)).isEqualTo(out);
    }
}
