package org.custody.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The index's linear-time selection gives the value a full sort would, so the verified terms stay the same. */
class NameIndexSelectionTest {

    @Provide
    Arbitrary<List<Float>> overlaps() {
        // Dice overlaps take few distinct values, so ties are the rule: draw from a small set
        return Arbitraries.integers().between(0, 40).map(i -> 0.3f + i / 57f).list().ofMinSize(1).ofMaxSize(400);
    }

    @Property(tries = 2000)
    void kthLargestEqualsTheSortedValue(@ForAll("overlaps") List<Float> values, @ForAll("fractions") int percent) {
        float[] a = new float[values.size() + 3];          // longer than n: only the first n count
        for (int i = 0; i < values.size(); i++) a[i] = values.get(i);
        a[values.size()] = 99f;
        int n = values.size();
        int k = Math.max(1, n * percent / 100);
        float[] before = a.clone();
        float[] sorted = Arrays.copyOf(a, n);
        Arrays.sort(sorted);
        assertThat(NameIndex.kthLargest(a, n, k, new float[a.length])).isEqualTo(sorted[n - k]);
        assertThat(a).isEqualTo(before);                    // the input is left as it was
    }

    @Provide
    Arbitrary<Integer> fractions() {
        return Arbitraries.integers().between(1, 100);
    }
}
