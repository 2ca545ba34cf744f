package dev.l2o.metrics;

/**
 * Sorts longs ascending by their bytes (least significant digit first, 8 bits a pass) instead of comparing
 * them: durations of hundreds of thousands of stays per stage sort in a few linear passes. All eight byte
 * histograms are counted in one read of the values, and a pass is skipped when every value has the same byte
 * there (durations in millis leave the top two or three bytes equal), so a typical sort makes five or six
 * passes. The sign bit is flipped while counting and placing, so negative values sort before positive ones.
 */
final class RadixSort {
    private static final int RADIX = 256;
    private static final int PASSES = Long.BYTES;

    private RadixSort() {}

    /** Sorts the first {@code n} values of {@code values} in place, with a scratch array of {@code n} longs. */
    static void sort(long[] values, int n) {
        if (n < 2) {
            return;
        }
        int[][] counts = new int[PASSES][RADIX];
        for (int i = 0; i < n; i++) {
            long key = values[i] ^ Long.MIN_VALUE;
            for (int pass = 0; pass < PASSES; pass++) {
                counts[pass][(int) (key >>> (pass * 8)) & 0xFF]++;
            }
        }
        long[] source = values;
        long[] target = null;
        for (int pass = 0; pass < PASSES; pass++) {
            int[] count = counts[pass];
            int shift = pass * 8;
            if (count[(int) ((source[0] ^ Long.MIN_VALUE) >>> shift) & 0xFF] == n) {
                continue;
            }
            if (target == null) {
                target = new long[n];
            }
            int offset = 0;
            for (int digit = 0; digit < RADIX; digit++) {
                int c = count[digit];
                count[digit] = offset;
                offset += c;
            }
            for (int i = 0; i < n; i++) {
                long value = source[i];
                target[count[(int) ((value ^ Long.MIN_VALUE) >>> shift) & 0xFF]++] = value;
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
