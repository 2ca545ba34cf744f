package dev.l2o.error;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Futures joined with their failure thrown as the task threw it, not wrapped in a {@link CompletionException}. */
public final class Unwrapped {
    private Unwrapped() {}

    /**
     * The result of {@code future}, once it is done; a runtime exception or error of its task is thrown as it was
     * (an {@link L2oException} keeps its one-line message for the user), any other failure wrapped as {@code join} does.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
