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
            for (int radius : new int[] {0, 3, 4, 5, 7, 10, 12, 14, 16, HashIndex.MAX_RADIUS}) {
                assertThat(index.within(query, radius)).isEqualTo(index.linearWithin(query, radius));
            }
        }
        assertThat(index.within(stored[5], 0)).extracting(HashIndex.Hit::id).contains(5);
    }

    @Test
    void uniformRandomHashesAtTheFamilyRadiusAndItsBorders() {
        // no clusters: what is found sits at the border of the radius, where a chunk-split mistake would show
        SplittableRandom r = new SplittableRandom(11);
        HashIndex index = new HashIndex();
        long[] stored = new long[50_000];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = r.nextLong();
            index.add(stored[i], i / 12);   // several hashes (views) per id, as pictures are filed
        }
        int found = 0;
        for (int q = 0; q < 300; q++) {
            long query = stored[r.nextInt(stored.length)];
            int flips = org.custody.photo.PerceptualHash.SAME_IMAGE - 1 + r.nextInt(4);   // 11..14 bits: both sides of 12
            for (int k = 0; k < flips; k++) query ^= 1L << r.nextInt(64);
            var expected = index.linearWithin(query, org.custody.photo.PerceptualHash.SAME_IMAGE);
            assertThat(index.within(query, org.custody.photo.PerceptualHash.SAME_IMAGE)).isEqualTo(expected);
            found += expected.size();
        }
        assertThat(found).as("some queries land inside the radius").isPositive();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.within(0L, HashIndex.MAX_RADIUS + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("radius");
    }
}
