package dev.l2o.metrics;

import java.util.List;
import java.util.TreeSet;

/**
 * Counts records and keeps the few smallest ids as evidence, so the examples do not depend on the order of
 * the rows.
 */
final class ExampleIds {
    static final int LIMIT = 5;

    private final TreeSet<String> smallest = new TreeSet<>();
    private long count;

    void add(String id) {
        count++;
        offer(id);
    }

    /** Adds the records {@code other} counted (over other records): the smallest ids of both are kept. */
    void addAll(ExampleIds other) {
        count += other.count;
        other.smallest.forEach(this::offer);
    }

    private void offer(String id) {
        if (smallest.size() < LIMIT) {
            smallest.add(id);
        } else if (id.compareTo(smallest.last()) < 0 && smallest.add(id)) {
            smallest.pollLast();
        }
    }

    long count() {
        return count;
    }

    List<String> examples() {
        return List.copyOf(smallest);
    }

    RecordSample sample() {
        return new RecordSample(count, examples());
    }
}
