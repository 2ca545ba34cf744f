package dev.l2o.metrics;

/**
 * Sorts longs ascending by their bits (least significant digit first, 11 bits a pass) instead of comparing
 * them: durations of hundreds of thousands of stays per stage sort in a few linear passes. All six digit
 * histograms are counted in one read of the values, and a pass is skipped when every value has the same digit
 * there (durations in millis up to a few years use 35 bits or so, so a typical sort makes three or four passes
 * where 8-bit digits made five or six; 2,048 counters a digit still fit the first-level cache). The sign bit is
 * flipped while counting and placing, so negative values sort before positive ones.
 */
final class RadixSort {
    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;
    private static final int MASK = RADIX - 1;
    private static final int PASSES = (Long.SIZE + BITS - 1) / BITS;

    private RadixSort() {}

    /** Sorts the first {@code n} values of {@code values} in place, with a scratch array of {@code n} longs. */
    static void sort(long[] values, int n) {
        sort(values, n, null);
    }

    /**
     * As {@link #sort(long[], int)}, using {@code scratch} as the scratch array when it holds {@code n} longs (a caller
     * sorting many lists allocates one); its content is overwritten.
     */
    static void sort(long[] values, int n, long[] scratch) {
        if (n < 2) {
            return;
        }
        int[][] counts = new int[PASSES][RADIX];
        int[] c0 = counts[0];
        int[] c1 = counts[1];
        int[] c2 = counts[2];
        int[] c3 = counts[3];
        int[] c4 = counts[4];
        int[] c5 = counts[5];
        for (int i = 0; i < n; i++) {
            long key = values[i] ^ Long.MIN_VALUE;
            c0[(int) key & MASK]++;
            c1[(int) (key >>> BITS) & MASK]++;
            c2[(int) (key >>> 2 * BITS) & MASK]++;
            c3[(int) (key >>> 3 * BITS) & MASK]++;
            c4[(int) (key >>> 4 * BITS) & MASK]++;
            c5[(int) (key >>> 5 * BITS) & MASK]++;
        }
        long[] source = values;
        long[] target = null;
        for (int pass = 0; pass < PASSES; pass++) {
            int[] count = counts[pass];
            int shift = pass * BITS;
            if (count[(int) ((source[0] ^ Long.MIN_VALUE) >>> shift) & MASK] == n) {
                continue;
            }
            if (target == null) {
                target = scratch != null && scratch.length >= n ? scratch : new long[n];
            }
            int offset = 0;
            for (int digit = 0; digit < RADIX; digit++) {
                int c = count[digit];
                count[digit] = offset;
                offset += c;
            }
            for (int i = 0; i < n; i++) {
                long value = source[i];
                target[count[(int) ((value ^ Long.MIN_VALUE) >>> shift) & MASK]++] = value;
            }
            long[] swap = source;
            source = target;
            target = swap;
        }
        if (source != values) {
            System.arraycopy(source, 0, values, 0, n);
        }
    }
}
