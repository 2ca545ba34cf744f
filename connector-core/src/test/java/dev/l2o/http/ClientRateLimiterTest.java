package dev.l2o.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {
    private static int maxInAnyWindow(List<Long> grants, long windowNanos) {
        int max = 0;
        int start = 0;
        for (int end = 0; end < grants.size(); end++) {
            while (grants.get(end) - grants.get(start) >= windowNanos) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    private static List<Long> grantTimes(ClientRateLimiter limiter, ManualTime time, int count) throws InterruptedException {
        List<Long> grants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            limiter.acquire();
            grants.add(time.getAsLong());
        }
        return grants;
    }

    @Test
    void neverGrantsMoreThanTheBudgetInAnyRollingWindow() throws InterruptedException {
        // given
        ManualTime time = new ManualTime();
        ClientRateLimiter limiter = ClientRateLimiter.of("test", 100, Duration.ofSeconds(10), 0.95, time, time);

        // when
        List<Long> grants = grantTimes(limiter, time, 1_000);

        // then
        assertThat(maxInAnyWindow(grants, Duration.ofSeconds(10).toNanos())).isLessThanOrEqualTo(95);
    }

    @Test
    void usesAtLeastNinetyPercentOfTheLimitOverALongRun() throws InterruptedException {
        // given
        ManualTime time = new ManualTime();
        ClientRateLimiter limiter = ClientRateLimiter.of("test", 100, Duration.ofSeconds(10), 0.95, time, time);

        // when
        List<Long> grants = grantTimes(limiter, time, 1_001);

        // then
        double seconds = (grants.get(grants.size() - 1) - grants.get(0)) / 1e9;
        assertThat(1_000 / seconds).isGreaterThanOrEqualTo(9.0).isLessThanOrEqualTo(10.0);
    }

    @Test
    void adjustingToAHigherLimitShortensTheWaits() throws InterruptedException {
        // given
        ManualTime time = new ManualTime();
        ClientRateLimiter limiter = ClientRateLimiter.of("test", 100, Duration.ofSeconds(10), 0.95, time, time);
        grantTimes(limiter, time, 10);

        // when
        limiter.adjust(190, Duration.ofSeconds(10));
        List<Long> grants = grantTimes(limiter, time, 191);

        // then
        assertThat(limiter.limit()).isEqualTo(190);
        double seconds = (grants.get(grants.size() - 1) - grants.get(0)) / 1e9;
        assertThat(190 / seconds).isGreaterThan(17.0);
        assertThat(maxInAnyWindow(grants, Duration.ofSeconds(10).toNanos())).isLessThanOrEqualTo(180);
    }
}
