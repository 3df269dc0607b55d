package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FamilyNameReorderTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SOLEIMANI, Qasem|Qasem SOLEIMANI",
            "AL-MUHANDIS, Abu Mahdi|Abu Mahdi AL-MUHANDIS",
            "CECOEX, S.A.|CECOEX, S.A.",                                   // legal form, not a given name
            "ANGLO-CARIBBEAN CO., LTD.|ANGLO-CARIBBEAN CO., LTD.",           // two commas
            "KATA'IB HIZBALLAH|KATA'IB HIZBALLAH",
            "X, a b c d e f|X, a b c d e f",                               // too long to be given names
            ", Qasem|, Qasem"})
    void turnsFamilyCommaGiven(String in, String out) {
        assertThat(new FamilyNameReorder().apply(in)).isEqualTo(out);
    }
}
