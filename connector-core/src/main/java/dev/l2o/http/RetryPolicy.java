package dev.l2o.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How often and how patiently to retry: at most {@code maxAttempts} attempts in all, waiting
 * {@code initialBackoff × multiplier^(n-1)} (capped at {@code maxBackoff}) after the n-th failed attempt,
 * or the server's delay for throttled attempts (capped at {@code maxThrottleWait}).
 *
 * @param maxAttempts attempts per request including the first, at least 1
 * @param initialBackoff the wait after the first failure
 * @param multiplier the backoff growth factor, at least 1
 * @param maxBackoff the longest backoff
 * @param maxThrottleWait the longest wait the server may ask for before we give up instead
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff, Duration maxThrottleWait) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        requireNonNull(initialBackoff, "initialBackoff is null");
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1");
        }
        requireNonNull(maxBackoff, "maxBackoff is null");
        requireNonNull(maxThrottleWait, "maxThrottleWait is null");
    }

    /** Five attempts, 500 ms doubling to at most 8 s; servers may ask for up to a minute. */
    public static RetryPolicy standard() {
        return new RetryPolicy(5, Duration.ofMillis(500), 2.0, Duration.ofSeconds(8), Duration.ofMinutes(1));
    }

    /** The backoff after failed attempt {@code attempt} (1-based). */
    public Duration backoff(int attempt) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }
}
