package dev.l2o.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RadixSortTest {
    @Test
    void sortsLikeArraysSortIncludingNegativeAndExtremeValues() {
        // given
        Random random = new Random(5);
        long[] values = new long[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (i % 4) {
                case 0 -> random.nextLong();
                case 1 -> random.nextInt(86_400_000 * 20);
                case 2 -> -random.nextInt(1000);
                default -> i % 8 == 3 ? Long.MIN_VALUE : Long.MAX_VALUE;
            };
        }
        long[] expected = values.clone();
        Arrays.sort(expected);

        // when
        RadixSort.sort(values, values.length);

        // then
        assertThat(values).containsExactly(expected);
    }

    @Test
    void sortsOnlyThePrefixAndLeavesTheRestAlone() {
        // given
        long[] values = {5, 3, 9, 1, 7, 0, -2};

        // when
        RadixSort.sort(values, 4);

        // then
        assertThat(values).containsExactly(1, 3, 5, 9, 7, 0, -2);
    }

    @Test
    void valuesThatShareEveryByteNeedNoPassAndStayPut() {
        // given
        long[] values = {42, 42, 42};

        // when
        RadixSort.sort(values, 3);
        RadixSort.sort(new long[0], 0);

        // then
        assertThat(values).containsExactly(42, 42, 42);
    }

    @Test
    void aScratchArrayOfAnySizeAndContentGivesTheSameOrder() {
        // given: values whose sort takes an odd number of passes and an even one, scratch arrays too small and larger
        Random random = new Random(9);
        for (int bits : new int[] {11, 22, 40}) {
            long[] values = random.longs(5_000, 0, 1L << bits).toArray();
            long[] expected = values.clone();
            Arrays.sort(expected);
            for (int scratchSize : new int[] {0, 4_999, 5_000, 9_000}) {
                long[] sorted = values.clone();
                long[] scratch = random.longs(scratchSize).toArray();

                // when
                RadixSort.sort(sorted, sorted.length, scratch);

                // then
                assertThat(sorted).as("%d bits, scratch of %d", bits, scratchSize).containsExactly(expected);
            }
        }
    }
}
