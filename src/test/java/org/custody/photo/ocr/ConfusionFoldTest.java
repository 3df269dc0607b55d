package org.custody.photo.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfusionFoldTest {

    @ParameterizedTest
    @CsvSource({
            "IQ-M1A1-0127, 1QM1A10127",
            "IQ-MIAI-O127, 1QM1A10127",
            "s/n 5b-82, 5N5882",
            "SB-82, 5882",
            "ZG-LO, 2610",
            "HN 12 345, HN12345",
    })
    void foldsTheConfusionsToTheDigitAndDropsSeparators(String read, String folded) {
        assertThat(ConfusionFold.of(read)).isEqualTo(folded);
    }

    @Test
    void lettersAReaderDoesNotConfuseStayApart() {
        assertThat(ConfusionFold.of("C123")).isNotEqualTo(ConfusionFold.of("G123"));
        assertThat(ConfusionFold.of("A3B")).isNotEqualTo(ConfusionFold.of("A8B"));
    }

    @Test
    void theTwoDirectionsOfEachConfusionMeet() {
        for (int i = 0; i < ConfusionFold.LETTERS.length(); i++) {
            String letter = "X" + ConfusionFold.LETTERS.charAt(i) + "9";
            String digit = "X" + ConfusionFold.DIGITS.charAt(i) + "9";
            assertThat(ConfusionFold.of(letter)).as(letter).isEqualTo(ConfusionFold.of(digit));
        }
    }
}
