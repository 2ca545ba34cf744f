package dev.l2o.history;

/**
 * Plain decimals ({@code 1250}, {@code -3.5}, {@code .25}) read from bytes to exactly the double
 * {@link Double#parseDouble} gives: with at most 15 significant digits and 22 decimals, the digits and the power
 * of ten are both exact doubles, and one correctly rounded division of the two is the correctly rounded value.
 * Anything else (exponents, more digits, other characters) is NaN, for the caller to read as text.
 */
final class PlainDecimal {
    private static final int MAX_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private PlainDecimal() {}

    /** The value of {@code bytes[from..to)}, or NaN when it is not a plain decimal this reads exactly. */
    static double parse(byte[] bytes, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        long digits = 0;
        int significant = 0;
        int decimals = 0;
        boolean point = false;
        boolean any = false;
        for (; i < to; i++) {
            byte c = bytes[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (digits != 0 || c != '0') {
                    significant++;
                }
                digits = digits * 10 + (c - '0');
                if (point) {
                    decimals++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        if (!any || significant > MAX_DIGITS || decimals >= POWERS_OF_TEN.length) {
            return Double.NaN;
        }
        double value = decimals == 0 ? digits : digits / POWERS_OF_TEN[decimals];
        return negative ? -value : value;
    }
}
