package dev.l2o.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongListTest {
    @TempDir
    Path temp;

    @Test
    void spilledValuesComeBackSortedWithTheInMemoryOnes() throws IOException {
        // given
        SplittableRandom random = new SplittableRandom(3);
        int count = 2 * LongList.SPILL_CHUNK + LongList.SPILL_CHUNK / 3;
        long[] expected = new long[count];
        LongList spilled = new LongList();
        LongList inMemory = new LongList();

        // when
        try (SpillDirectory directory = SpillDirectory.create(temp)) {
            spilled.spillTo(directory);
            for (int i = 0; i < count; i++) {
                long value = random.nextLong(1L << 40);
                expected[i] = value;
                spilled.add(value);
                inMemory.add(value);
            }
            try (Stream<Path> files = Files.list(directory.path())) {
                assertThat(files).hasSize(1);
            }
            double[] quantiles = spilled.quantiles(0.5, 0.9);
            assertThat(spilled.inMemory()).as("values held after the quantiles of a spilled list").isZero();
            assertThat(quantiles).containsExactly(inMemory.quantiles(0.5, 0.9));
            assertThat(spilled.quantiles(0.5, 0.9)).as("asked again").containsExactly(quantiles);
            long[] sorted = spilled.sorted();

            // then
            Arrays.sort(expected);
            assertThat(spilled.size()).isEqualTo(count);
            assertThat(spilled.sum()).isEqualTo(inMemory.sum()).isEqualTo(Arrays.stream(expected).sum());
            assertThat(Arrays.copyOf(sorted, count)).containsExactly(expected);
            assertThat(Arrays.copyOf(inMemory.sorted(), count)).containsExactly(expected);
            assertThat(quantiles[0]).isEqualTo(Quantiles.continuous(expected, count, 0.5));
        }
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void sortedListsMergeIntoASortedListAndAnAddedValueIsSortedIn() {
        // given: two lists sorted apart (the two halves of a split walk)
        SplittableRandom random = new SplittableRandom(5);
        LongList first = new LongList();
        LongList second = new LongList();
        long[] all = new long[30_001];
        for (int i = 0; i < 30_000; i++) {
            all[i] = random.nextLong(-(1L << 40), 1L << 40);
            (i % 3 == 0 ? first : second).add(all[i]);
        }
        first.sort();
        second.sort();

        // when
        first.addAll(second);
        first.add(all[30_000] = 7L);

        // then
        Arrays.sort(all);
        assertThat(first.size()).isEqualTo(all.length);
        assertThat(first.sum()).isEqualTo(Arrays.stream(all).sum());
        assertThat(Arrays.copyOf(first.sorted(), first.size())).containsExactly(all);
    }
}
