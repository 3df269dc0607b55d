package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberWordFolderTest {
    private final NumberWordFolder step = new NumberWordFolder();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "joint stock company one zero three arsenal|joint stock company 103 arsenal",
            "brigade twenty five|brigade 25",
            "plant one hundred three|plant 103",
            "two thousand twenty six|2026",
            "zero|0",
            "one|1",
            "number one trading|number one trading",      // a lone "one" before other words stays a word
            "kum song seven|kum song 7",                  // other lone number words are numbers
            "joint stock company set one|joint stock company set 1",   // and so is a final "one"
            "hundred acres|hundred acres",                  // a scale word alone does not start a number
            "ahmad|ahmad"})
    void numbersWrittenAsWordsBecomeDigits(String in, String out) {
        List<NameToken> tokens = Arrays.stream(in.split(" ")).map(t -> NameToken.of(t, false)).toList();
        assertThat(step.apply(tokens)).extracting(NameToken::text).containsExactly(out.split(" "));
    }
}
