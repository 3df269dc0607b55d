package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigitCodeJoinerTest {
    private final DigitCodeJoiner step = new DigitCodeJoiner();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "77th light infantry division|77 light infantry division",
            "77 th light infantry division|77 light infantry division",
            "s 7 engineering|s7 engineering",
            "indigo 3 d|indigo 3d",
            "ay gou 3 de|ay gou 3de",
            "jsc a 1|jsc a1",
            "kum song 7|kum song 7",                      // a number beside a longer word stays apart
            "ra 85534|ra 85534",                          // two letters before a number: a registration prefix
            "north star|north star"})
    void numbersAndTheLettersBesideThemBecomeOneCode(String in, String out) {
        assertThat(TokenSteps.run(step, in)).isEqualTo(out);
    }
}
