package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbbreviationExpanderTest {
    private final AbbreviationExpander step = new AbbreviationExpander();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ellissa shpg|ellissa shipping",
            "atlantic ship mgmt company|atlantic ship management company",
            "korea kumbyol trdg company|korea kumbyol trading company",
            "apex dev and projects llc|apex development and projects llc",   // ambiguous, but an organisation's name
            "shahid movahed ind shpg|shahid movahed industries shipping",
            "dev patel|dev patel",                                           // a given name, not an organisation
            "ind|ind"})
    void businessAbbreviationsBecomeWords(String in, String out) {
        assertThat(TokenSteps.run(step, in)).isEqualTo(out);
    }
}
