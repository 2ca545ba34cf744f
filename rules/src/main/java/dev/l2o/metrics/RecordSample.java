package dev.l2o.metrics;

import java.util.List;

/**
 * How many records have a property, with a few of their ids as evidence.
 *
 * @param count how many records
 * @param examples up to five of their ids, the smallest first
 */
public record RecordSample(long count, List<String> examples) {
    public RecordSample {
        examples = List.copyOf(examples);
        if (count < examples.size()) {
            throw new IllegalArgumentException("fewer records than examples: " + count);
        }
    }

    public static RecordSample none() {
        return new RecordSample(0, List.of());
    }
}
