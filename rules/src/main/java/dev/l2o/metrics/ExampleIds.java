package dev.l2o.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * Counts records and keeps the few smallest ids as evidence, so the examples do not depend on the order of
 * the rows.
 */
final class ExampleIds {
    static final int LIMIT = 5;

    /**
     * The smallest ids offered, ascending and distinct, in {@code smallest[0..size-1]}. An array rather than a
     * {@code TreeSet}: the walk adds an id for every stale, past-due or skipping record, and the JIT inlined the tree's
     * insertion into each of those places as kilobytes of code, which it compiled while the walk waited.
     */
    private final String[] smallest = new String[LIMIT];
    private int size;
    private long count;

    void add(String id) {
        count++;
        offer(id);
    }

    /** Adds the records {@code other} counted (over other records): the smallest ids of both are kept. */
    void addAll(ExampleIds other) {
        count += other.count;
        for (int i = 0; i < other.size; i++) {
            offer(other.smallest[i]);
        }
    }

    private void offer(String id) {
        // most ids are not among the smallest seen: one comparison, and the insertion stays out of the caller's code
        if (size < LIMIT || id.compareTo(smallest[LIMIT - 1]) < 0) {
            insert(id);
        }
    }

    /** Puts {@code id}, smaller than the largest kept or with a place free, in its place, unless it is kept already. */
    private void insert(String id) {
        int at = size;
        while (at > 0) {
            int order = id.compareTo(smallest[at - 1]);
            if (order == 0) {
                return;
            }
            if (order > 0) {
                break;
            }
            at--;
        }
        // with all places taken, the largest id falls off the end
        int kept = Math.min(size, LIMIT - 1);
        System.arraycopy(smallest, at, smallest, at + 1, kept - at);
        smallest[at] = id;
        size = kept + 1;
    }

    long count() {
        return count;
    }

    List<String> examples() {
        return List.of(Arrays.copyOf(smallest, size));
    }

    RecordSample sample() {
        return new RecordSample(count, examples());
    }
}
