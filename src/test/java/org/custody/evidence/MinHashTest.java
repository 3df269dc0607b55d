package org.custody.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.custody.evidence.stories.MinHash;
import org.junit.jupiter.api.Test;

class MinHashTest {

    @Test
    void lightlyEditedCopyIsANearDuplicateAndADifferentStoryIsNot() throws Exception {
        String wire = Files.readString(Path.of("data/corpus/wire-2018-kirkuk-humvees.txt"));
        String copy = Files.readString(Path.of("data/corpus/syndicated-2018-kirkuk-humvees.txt"));
        String other = Files.readString(Path.of("data/corpus/statement-2015-pentagon-denial.txt"));
        double exact = MinHash.jaccard(wire, copy);
        double estimate = MinHash.similarity(MinHash.signature(wire), MinHash.signature(copy));
        assertThat(exact).isGreaterThan(MinHash.NEAR_DUPLICATE);
        assertThat(estimate).isGreaterThan(MinHash.NEAR_DUPLICATE);
        assertThat(Math.abs(exact - estimate)).isLessThan(0.15);
        assertThat(MinHash.similarity(MinHash.signature(wire), MinHash.signature(other))).isLessThan(0.1);
    }

    @Test
    void identicalTextsHaveIdenticalSignaturesAndBands() {
        String t = "one two three four five six seven eight nine ten";
        assertThat(MinHash.signature(t)).isEqualTo(MinHash.signature(t));
        assertThat(MinHash.bands(MinHash.signature(t))).hasSize(MinHash.BANDS);
        assertThat(MinHash.similarity(MinHash.signature(t), MinHash.signature(t))).isEqualTo(1.0);
    }
}
