package dev.l2o.metrics;

import dev.l2o.error.Unwrapped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Two halves of a piece of work run at once: one on a thread of its own, one on the caller's. Stateless. */
final class InTwoThreads {
    private InTwoThreads() {}

    /**
     * Runs {@code there} on a new daemon thread named {@code threadName} and {@code here} on this one, and returns when
     * both are done (what {@code there} wrote is then visible); an exception of either is thrown here, {@code here}'s
     * first.
     */
    static void run(String threadName, Runnable here, Runnable there) {
        CompletableFuture<Void> other = CompletableFuture.runAsync(there, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            thread.start();
        });
        try {
            here.run();
        } catch (RuntimeException | Error failure) {
            // the other half still runs to its end (it shares the caller's data), and this failure is the one thrown
            try {
                other.join();
            } catch (CompletionException alsoFailed) {
                failure.addSuppressed(alsoFailed.getCause());
            }
            throw failure;
        }
        Unwrapped.join(other);
    }
}
