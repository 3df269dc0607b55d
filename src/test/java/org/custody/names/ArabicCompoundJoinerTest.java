package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArabicCompoundJoinerTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abd al aziz|abdul aziz",
            "abd el aziz|abdul aziz",
            "abdel aziz|abdul aziz",
            "abdul aziz|abdul aziz",
            "abdulaziz|abdul aziz",
            "abdolaziz|abdul aziz",
            "abdullah|abdullah",
            "abdallah|abdullah",
            "abd allah|abdullah",
            "abou mahdi|abu mahdi",
            "abo ghaith|abu ghaith",
            "abu mahdi|abu mahdi",
            "abdi|abdi"})
    void joinsCompounds(String in, String out) {
        assertThat(TokenSteps.run(new ArabicCompoundJoiner(), in)).isEqualTo(out);
    }
}
