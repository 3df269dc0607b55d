package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RomanNumeralFolderTest {
    private final RomanNumeralFolder step = new RomanNumeralFolder();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bicentenario xiii|bicentenario 13",
            "bicentenario xi|bicentenario 11",
            "sea star iii|sea star 3",
            "rim group investments ii corp|rim group investments 2 corp",     // legal forms may follow
            "magus holding ii llc|magus holding 2 llc",
            "named after vi chapaev|named after vi chapaev",                  // initials before a name
            "xi jinping|xi jinping",                                          // never the first word
            "george v|george v",                                              // one letter is an initial
            "sparta viv|sparta viv",                                          // not a canonical numeral
            "ark iiii|ark iiii",
            "ahmad|ahmad"})
    void numeralsThatNumberANameBecomeDigits(String in, String out) {
        assertThat(TokenSteps.run(step, in)).isEqualTo(out);
    }
}
