package dev.l2o.metrics;

/**
 * Exact quantiles interpolated linearly between order statistics: the definition of SQL {@code quantile_cont},
 * Excel {@code PERCENTILE.INC} and numpy's default. With {@code h = (n - 1) p}, the result is
 * {@code x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)])}.
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
        return low + (high - low) * (h - lower);
    }
}
