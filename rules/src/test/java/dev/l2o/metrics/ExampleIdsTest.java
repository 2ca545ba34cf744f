package dev.l2o.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ExampleIdsTest {
    @Test
    void keepsTheSmallestDistinctIdsWhateverTheOrder() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<String> ids = new ArrayList<>();
            int n = random.nextInt(20);
            for (int i = 0; i < n; i++) {
                ids.add("006" + random.nextInt(12));
            }
            Collections.shuffle(ids, random);
            ExampleIds examples = new ExampleIds();
            ids.forEach(examples::add);

            assertThat(examples.count()).isEqualTo(n);
            assertThat(examples.examples()).containsExactlyElementsOf(new TreeSet<>(ids).stream().limit(ExampleIds.LIMIT).toList());
        }
    }

    @Test
    void addingAnotherKeepsTheSmallestOfBoth() {
        ExampleIds left = new ExampleIds();
        List.of("b", "d", "f", "h", "j", "l").forEach(left::add);
        ExampleIds right = new ExampleIds();
        List.of("a", "d", "e", "z").forEach(right::add);

        left.addAll(right);

        assertThat(left.count()).isEqualTo(10);
        assertThat(left.examples()).containsExactly("a", "b", "d", "e", "f");
        assertThat(left.sample()).isEqualTo(new RecordSample(10, List.of("a", "b", "d", "e", "f")));
    }
}
