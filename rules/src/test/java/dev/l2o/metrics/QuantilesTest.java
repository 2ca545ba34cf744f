package dev.l2o.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuantilesTest {
    @Test
    void interpolatesLinearlyBetweenOrderStatisticsLikeQuantileCont() {
        // given
        long[] sorted = {1, 2, 3, 4, 10};

        // when
        double median = Quantiles.continuous(sorted, 5, 0.5);
        double p90 = Quantiles.continuous(sorted, 5, 0.9);
        double p25 = Quantiles.continuous(sorted, 5, 0.25);

        // then
        assertThat(median).isEqualTo(3.0);
        assertThat(p90).isEqualTo(4 * (1 - (4 * 0.9 - 3)) + 10 * (4 * 0.9 - 3));
        assertThat(p25).isEqualTo(2.0);
    }

    @Test
    void aSingleValueIsEveryQuantile() {
        // given
        long[] sorted = {7, 99};

        // then
        assertThat(Quantiles.continuous(sorted, 1, 0.9)).isEqualTo(7.0);
        assertThat(Quantiles.continuous(sorted, 1, 0.0)).isEqualTo(7.0);
    }

    @Test
    void rejectsAnEmptyList() {
        assertThatThrownBy(() -> Quantiles.continuous(new long[0], 0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
