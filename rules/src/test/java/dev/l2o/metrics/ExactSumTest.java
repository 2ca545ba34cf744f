package dev.l2o.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactSumTest {
    @Test
    void sumsExactlyAsBigDecimalsOfEachValueDo() {
        // given: amounts with cents, many of one exponent (bins flush), negatives, tiny, huge and subnormal values
        SplittableRandom random = new SplittableRandom(3);
        ExactSum sum = new ExactSum();
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < 50_000; i++) {
            double value = switch (i % 7) {
                case 0 -> random.nextInt(100_000_00) / 100.0;
                case 1 -> -random.nextInt(1_000_00) / 100.0;
                case 2 -> 1024 + random.nextDouble();
                case 3 -> random.nextDouble() * 1e300;
                case 4 -> random.nextDouble() * 1e-300;
                case 5 -> Double.MIN_VALUE * random.nextInt(1_000);
                default -> Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL) * (random.nextBoolean() ? 1 : -1);
            };

            // when
            sum.add(value);
            expected = expected.add(new BigDecimal(value));
        }

        // then
        assertThat(sum.value()).isEqualByComparingTo(expected);
        assertThat(sum.value().doubleValue()).isEqualTo(expected.doubleValue());
    }

    @Test
    void addsAnotherSumAndCancelsToZero() {
        // given
        ExactSum first = new ExactSum();
        ExactSum second = new ExactSum();
        for (int i = 0; i < 5_000; i++) {
            first.add(0.1 * i);
            second.add(-0.1 * i);
        }

        // when
        first.add(second);

        // then
        assertThat(first.value()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThatThrownBy(() -> first.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
