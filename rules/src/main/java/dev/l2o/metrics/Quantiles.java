package dev.l2o.metrics;

/**
 * Exact quantiles interpolated linearly between order statistics: the definition of SQL {@code quantile_cont},
 * Excel {@code PERCENTILE.INC} and numpy's default. With {@code h = (n - 1) p} and {@code d = h - floor(h)}, the
 * result is {@code x[floor(h)] (1 - d) + x[floor(h) + 1] d}: the same value as {@code x[floor(h)] + d (x[floor(h) +
 * 1] - x[floor(h)])}, computed in this form because DuckDB does, so the two agree to the last bit.
 */
final class Quantiles {
    private Quantiles() {}

    /** The {@code p}-quantile of the first {@code n} values of {@code sorted} (ascending); {@code n} must be positive. */
    static double continuous(long[] sorted, int n, double p) {
        if (n <= 0) {
            throw new IllegalArgumentException("no values");
        }
        double h = (n - 1) * p;
        int lower = (int) Math.floor(h);
        int upper = (int) Math.ceil(h);
        double low = sorted[lower];
        if (lower == upper) {
            return low;
        }
        double high = sorted[upper];
        double fraction = h - lower;
        return low * (1.0 - fraction) + high * fraction;
    }
}
