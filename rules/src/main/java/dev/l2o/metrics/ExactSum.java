package dev.l2o.metrics;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The exact sum of finite doubles without an object a value: each value is its 53-bit mantissa times a power of two,
 * and mantissas are added up in one long a binary exponent, moved into a {@link BigDecimal} only when 1,023 values
 * of one exponent could overflow the long. {@code new BigDecimal(double)} a value gives the same sum but raises a
 * power of five for every value with a fraction: tens of megabytes of garbage over a few hundred thousand amounts.
 * Mutable, confined to one thread.
 */
final class ExactSum {
    /** Biased exponents 1…2046 of normal doubles, and 0 for subnormals (whose unit is that of exponent 1). */
    private static final int EXPONENTS = 2047;
    /** Values a bin takes before it is flushed: 1,023 mantissas below 2^53 stay below 2^63. */
    private static final int BIN_CAPACITY = 1023;
    /** A double is its mantissa times 2^(biased exponent - 1075). */
    private static final int UNIT_EXPONENT = 1075;

    private final long[] bins = new long[EXPONENTS];
    private final int[] counts = new int[EXPONENTS];
    private BigDecimal flushed = BigDecimal.ZERO;

    /** Adds {@code value}; it must be finite. */
    void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        long bits = Double.doubleToRawLongBits(value);
        int exponent = (int) ((bits >>> 52) & 0x7FF);
        long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0) {
            exponent = 1;
        } else {
            mantissa |= 1L << 52;
        }
        int bin = exponent - 1;
        bins[bin] += bits < 0 ? -mantissa : mantissa;
        if (++counts[bin] == BIN_CAPACITY) {
            flushed = flushed.add(term(bin, bins[bin]));
            bins[bin] = 0;
            counts[bin] = 0;
        }
    }

    /** Adds everything {@code other} summed. */
    void add(ExactSum other) {
        flushed = flushed.add(other.value());
    }

    /** The exact sum of the values added. */
    BigDecimal value() {
        BigDecimal sum = flushed;
        for (int bin = 0; bin < EXPONENTS; bin++) {
            if (bins[bin] != 0) {
                sum = sum.add(term(bin, bins[bin]));
            }
        }
        return sum;
    }

    /** {@code mantissas} × 2^(exponent of {@code bin} - 1075), exactly. */
    private static BigDecimal term(int bin, long mantissas) {
        int power = bin + 1 - UNIT_EXPONENT;
        BigInteger units = BigInteger.valueOf(mantissas);
        if (power >= 0) {
            return new BigDecimal(units.shiftLeft(power));
        }
        // 2^-k = 5^k / 10^k
        return new BigDecimal(units.multiply(BigInteger.valueOf(5).pow(-power)), -power);
    }
}
