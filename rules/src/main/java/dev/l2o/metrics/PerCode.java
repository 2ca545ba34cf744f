package dev.l2o.metrics;

import java.util.Arrays;

/**
 * An int a stage code ({@link StageCodes}) decides once, kept in an array indexed by code: {@link #UNDECIDED} until
 * {@link #set}. Reads of decided codes may come from several threads once no code is set any more. Not thread-safe
 * while codes are set.
 */
final class PerCode {
    static final int UNDECIDED = Integer.MIN_VALUE;

    private int[] values = new int[0];

    /** The value of {@code code}, or {@link #UNDECIDED}. */
    int get(int code) {
        return code < values.length ? values[code] : UNDECIDED;
    }

    void set(int code, int value) {
        if (code >= values.length) {
            int known = values.length;
            values = Arrays.copyOf(values, Math.max(code + 1, known * 2));
            Arrays.fill(values, known, values.length, UNDECIDED);
        }
        values[code] = value;
    }
}
