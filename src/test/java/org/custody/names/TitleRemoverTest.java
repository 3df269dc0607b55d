package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleRemoverTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sheikh adnan al hamidawi|adnan al hamidawi",
            "shaykh adnan|adnan",
            "col ahmed|ahmed",
            "maj gen qasem soleimani|qasem soleimani",
            "major general qasem soleimani|qasem soleimani",
            "lt col x y|x y",
            "hajji ali|ali",
            "general trading company|general trading company",   // 'general' alone is not a title
            "john smith jr|john smith",
            "sparta iii|sparta iii",                               // roman numerals name vessels apart
            "abdullah haji|abdullah ~haji",                        // a title elsewhere is weak
            "sheikh|sheikh",                                        // never emptied
            "mahdi sheikh|mahdi ~sheikh"})                          // only a leading run is removed
    void removesTitles(String in, String out) {
        assertThat(TokenSteps.run(new TitleRemover(), in)).isEqualTo(out);
    }
}
