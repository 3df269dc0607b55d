package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameTokenizerTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "al-muhandis, abu mahdi|al muhandis abu mahdi",
            "irgc-qf|irgc qf",
            "  spaced   out  |spaced out",
            "co., ltd.|co ltd",
            "(jerusalem) force|jerusalem force",
            "vessel 7|vessel 7"})
    void splitsOnNonLetters(String in, String out) {
        var tokens = new NameTokenizer().tokenize(in, false);
        assertThat(String.join(" ", tokens.stream().map(NameToken::text).toList())).isEqualTo(out);
    }
}
