package org.custody.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The multi-index search answers exactly what a pass over every hash answers. */
class HashIndexTest {

    @Test
    void sameAnswersAsALinearScanAtEveryRadius() {
        SplittableRandom r = new SplittableRandom(3);
        HashIndex index = new HashIndex();
        long[] stored = new long[20_000];
        for (int i = 0; i < stored.length; i++) {
            // clusters: every tenth hash a near copy of an earlier one, so small radii find something
            stored[i] = i % 10 == 9 ? stored[i - 1] ^ (1L << r.nextInt(64)) ^ (1L << r.nextInt(64)) : r.nextLong();
            index.add(stored[i], i);
        }
        for (int q = 0; q < 200; q++) {
            long query = stored[r.nextInt(stored.length)];
            for (int k = r.nextInt(8); k > 0; k--) query ^= 1L << r.nextInt(64);
            for (int radius : new int[] {0, 3, 7, 10, 12, 16}) {
                assertThat(index.within(query, radius)).isEqualTo(index.linearWithin(query, radius));
            }
        }
        assertThat(index.within(stored[5], 0)).extracting(HashIndex.Hit::id).contains(5);
    }
}
