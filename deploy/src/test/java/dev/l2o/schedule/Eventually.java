package dev.l2o.schedule;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something a scheduler does in its own time. */
public final class Eventually {
    private Eventually() {}

    /** Polls {@code condition} until it holds; fails the test with {@code what} after {@code timeout}. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
