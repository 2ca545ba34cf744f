package dev.l2o.history;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The byte strings of a column with a handful of values (forecast categories) that a check on their text
 * accepted: each distinct value is decoded and checked once, then recognised by its bytes. Remembers at most
 * {@link #MAX_VALUES}; others are checked each time. Not thread-safe.
 */
final class KnownValues {
    private static final int MAX_VALUES = 32;

    private final FileCharset charset;
    private final Predicate<String> valid;
    private final byte[][] values = new byte[MAX_VALUES][];
    private int count;

    KnownValues(FileCharset charset, Predicate<String> valid) {
        this.charset = charset;
        this.valid = valid;
    }

    /** Whether the text of {@code bytes[from..to)} is valid. */
    boolean isValid(byte[] bytes, int from, int to) {
        for (int i = 0; i < count; i++) {
            if (equals(values[i], bytes, from, to)) {
                return true;
            }
        }
        if (!valid.test(charset.decode(bytes, from, to))) {
            return false;
        }
        if (count < MAX_VALUES) {
            values[count++] = Arrays.copyOfRange(bytes, from, to);
        }
        return true;
    }

    /**
     * Whether {@code value} equals {@code bytes[from..to)}: a plain loop, since values are a few bytes long and
     * {@link Arrays#equals(byte[], int, int, byte[], int, int)} pays for a call and its checks on every row.
     */
    private static boolean equals(byte[] value, byte[] bytes, int from, int to) {
        if (value.length != to - from) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            if (value[i] != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }
}
