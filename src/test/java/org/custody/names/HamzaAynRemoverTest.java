package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HamzaAynRemoverTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "kata'ib|kataib",
            "kata`ib|kataib",
            "kataʼib|kataib",
            "ja’far|jafar",
            "ʿadnan|adnan",
            "asa'ib ahl|asaib ahl",
            "no marks|no marks"})
    void dropsMarks(String in, String out) {
        assertThat(new HamzaAynRemover().apply(in)).isEqualTo(out);
    }
}
