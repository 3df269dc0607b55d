package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseDiacriticFolderTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SOLEIMANÍ|soleimani",
            "Şoleimani|soleimani",
            "ḥzb ạllh|hzb allh",          // scholarly transliteration marks
            "Øresund Łódź|oresund lodz",
            "Straße|strasse",
            "KATA'IB|kata'ib"})
    void foldsCaseAndDiacritics(String in, String out) {
        assertThat(new CaseDiacriticFolder().apply(in)).isEqualTo(out);
    }
}
