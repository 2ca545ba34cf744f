package dev.l2o.metrics;

import java.util.Arrays;

/** A growable list of primitive longs: durations kept for exact quantiles without boxing. */
final class LongList {
    private long[] values = new long[16];
    private int size;
    private long sum;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size + (size >> 1));
        }
        values[size++] = value;
        sum += value;
    }

    int size() {
        return size;
    }

    long sum() {
        return sum;
    }

    /** The values in ascending order (sorts in place and returns the backing array; use the first {@link #size()}). */
    long[] sorted() {
        // Hundreds of thousands of stays a stage at millions of rows: a radix sort takes a few linear passes
        // where a comparison sort takes log n.
        RadixSort.sort(values, size);
        return values;
    }
}
