package dev.l2o.http;

import static java.util.Objects.requireNonNull;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Keeps a client under a server's limit of {@code limit} requests per rolling {@code window}, on a
 * Resilience4j {@link RateLimiter}.
 *
 * <p>Resilience4j refreshes permits in fixed cycles while servers such as HubSpot count a rolling window. With
 * {@code p} permits per cycle of length {@code c}, any rolling window {@code W} overlaps at most
 * {@code W/c + 1} cycles, so the client may send {@code p·(W/c + 1)} requests in it. One permit per cycle
 * keeps that to {@code W/c + 1}; the cycle is chosen so that this stays within {@code limit × utilisation}
 * plus one request, leaving the rest of the limit as headroom for clock and network jitter.
 *
 * <p>Waiting happens through the injected {@link Sleeper} and time comes from the injected nanosecond clock,
 * so tests need not sleep. The limit can be changed while running ({@link #adjust}), as when a server's
 * headers announce a higher tier. Thread-safe.
 */
public final class ClientRateLimiter {
    private static final Duration MAX_WAIT = Duration.ofHours(1);

    private final String name;
    private final double utilisation;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final AtomicReference<State> state = new AtomicReference<>();

    private record State(int limit, Duration window, RateLimiter limiter) {}

    private ClientRateLimiter(String name, int limit, Duration window, double utilisation, LongSupplier nanoClock, Sleeper sleeper) {
        this.name = requireNonNull(name, "name is null");
        if (utilisation <= 0 || utilisation > 1) {
            throw new IllegalArgumentException("utilisation must be in (0, 1]");
        }
        this.utilisation = utilisation;
        this.nanoClock = requireNonNull(nanoClock, "nanoClock is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        state.set(newState(limit, window));
    }

    /**
     * A limiter for {@code limit} requests per rolling {@code window}, using {@code utilisation} of it.
     *
     * @param nanoClock the time source, {@code System::nanoTime} outside tests
     * @param sleeper how to wait
     */
    public static ClientRateLimiter of(String name, int limit, Duration window, double utilisation, LongSupplier nanoClock, Sleeper sleeper) {
        return new ClientRateLimiter(name, limit, window, utilisation, nanoClock, sleeper);
    }

    /** A limiter on the system clock that sleeps for real. */
    public static ClientRateLimiter of(String name, int limit, Duration window, double utilisation) {
        return of(name, limit, window, utilisation, System::nanoTime, Sleeper.SYSTEM);
    }

    private State newState(int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        requireNonNull(window, "window is null");
        double budget = Math.max(1.0, Math.floor(limit * utilisation));
        // budget - 1 cycles per window: the extra partially overlapped cycle brings it back to the budget.
        long cycleNanos = (long) Math.ceil(window.toNanos() / Math.max(1.0, budget - 1));
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(cycleNanos))
                .timeoutDuration(MAX_WAIT)
                .build();
        return new State(limit, window, RateLimiter.of(name, config, nanoClock::getAsLong));
    }

    /** Waits until a request may be sent. */
    public void acquire() throws InterruptedException {
        long waitNanos = state.get().limiter().reservePermission();
        if (waitNanos < 0) {
            throw new IllegalStateException("rate limiter " + name + " cannot grant a permit within " + MAX_WAIT);
        }
        sleeper.sleep(Duration.ofNanos(waitNanos));
    }

    /** Switches to a new limit when it differs from the current one (a no-op otherwise). */
    public void adjust(int limit, Duration window) {
        State current = state.get();
        if (current.limit() != limit || !current.window().equals(window)) {
            state.compareAndSet(current, newState(limit, window));
        }
    }

    /** The current limit in requests per window. */
    public int limit() {
        return state.get().limit();
    }

    /** The current window. */
    public Duration window() {
        return state.get().window();
    }
}
