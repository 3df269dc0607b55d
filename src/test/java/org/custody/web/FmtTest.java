package org.custody.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FmtTest {

    @Test
    void anEventDetailReadsAsKeyValuePairsAndOtherTextStaysAsItIs() {
        assertThat(Fmt.detail("{\"from\":\"open\",\"to\":\"under_review\",\"reason\":\"a \\\"quoted\\\" reason\",\"none\":null}"))
                .isEqualTo("from open; to under_review; reason a \"quoted\" reason");
        assertThat(Fmt.detail("{\"serials\":[\"A-1\",\"A-2\"]}")).isEqualTo("serials [\"A-1\",\"A-2\"]");
        assertThat(Fmt.detail("{not json")).isEqualTo("{not json");
        assertThat(Fmt.detail("plain note")).isEqualTo("plain note");
        assertThat(Fmt.detail(null)).isEmpty();
    }

    @Test
    void numbersUseADotWhateverTheLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertThat(Fmt.score(0.91384)).isEqualTo("0.914");
            assertThat(Fmt.pct(0.2)).isEqualTo("20%");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
