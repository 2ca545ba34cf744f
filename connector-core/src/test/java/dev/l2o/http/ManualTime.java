package dev.l2o.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanosecond clock that only moves when its sleeper sleeps, and remembers every sleep: waits without waiting. */
public final class ManualTime implements Sleeper, LongSupplier {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        if (!duration.isNegative() && !duration.isZero()) {
            sleeps.add(duration);
            nanos.addAndGet(duration.toNanos());
        }
    }

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    /** Every non-zero sleep so far, in order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
