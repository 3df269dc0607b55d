package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnicodeNormalizerTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ＳＯＬＥＩＭＡＮＩ|SOLEIMANI",          // full-width letters
            "ﬁnance|finance",                        // ligature
            "Ｋａｔａ'ｉｂ|Kata'ib",
            "ﻛﺘﺎﺋﺐ|كتائب",                           // Arabic presentation forms to base letters
            "plain name|plain name"})
    void normalisesCompatibilityForms(String in, String out) {
        assertThat(new UnicodeNormalizer().apply(in)).isEqualTo(out);
    }
}
