package dev.l2o.history;

/**
 * Plain decimals ({@code 1250}, {@code -3.5}, {@code .25}) read to exactly the double {@link Double#parseDouble}
 * gives, from a field's bytes in the file or its text ({@link AsciiSlice#ofText}) alike: with digits up
 * to 2^53 and at most 22 decimals, the digits and the power of ten are both exact doubles, and one correctly
 * rounded division of the two is the correctly rounded value. Anything else (exponents, more digits, other
 * characters) is NaN, for the caller to read with {@link Double#parseDouble}.
 */
final class PlainDecimal {
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private PlainDecimal() {}

    /** The value of {@code text}, or NaN when it is not a plain decimal this reads exactly. */
    static double parse(AsciiSlice text) {
        long digits = digits(text);
        if (digits < 0) {
            return Double.NaN;
        }
        int decimals = (int) (digits >>> DECIMALS_SHIFT);
        double value = digits & MANTISSA;
        if (decimals > 0) {
            value /= POWERS_OF_TEN[decimals];
        }
        return text.charAt(0) == '-' ? -value : value;
    }

    /** Whether {@link #parse} reads {@code text}, without computing it. */
    static boolean isPlain(AsciiSlice text) {
        return digits(text) >= 0;
    }

    private static final int DECIMALS_SHIFT = 56;
    private static final long MANTISSA = (1L << DECIMALS_SHIFT) - 1;
    /** Exact doubles: any integer up to 2^53. */
    private static final long MAX_EXACT = 1L << 53;

    /**
     * The digits of a plain decimal as an integer, with the count of decimals above bit {@value #DECIMALS_SHIFT};
     * -1 for anything else or anything not exact (more than 2^53, more than 22 decimals).
     */
    private static long digits(AsciiSlice text) {
        int to = text.length();
        int i = 0;
        if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int first = i;
        long digits = 0;
        // The integer part, then the decimals after a point: no test for the point in either loop.
        int digit;
        while (i < to && (digit = text.charAt(i) - '0') >= 0 && digit <= 9) {
            digits = digits * 10 + digit;
            i++;
        }
        int count = i - first;
        int decimals = 0;
        if (i < to && text.charAt(i) == '.') {
            int point = i++;
            while (i < to && (digit = text.charAt(i) - '0') >= 0 && digit <= 9) {
                digits = digits * 10 + digit;
                i++;
            }
            decimals = i - point - 1;
            count += decimals;
        }
        // 18 digits cannot overflow a long; the value must be an exact double.
        if (i != to || count == 0 || count > 18 || digits > MAX_EXACT || decimals >= POWERS_OF_TEN.length) {
            return -1;
        }
        return (long) decimals << DECIMALS_SHIFT | digits;
    }
}
