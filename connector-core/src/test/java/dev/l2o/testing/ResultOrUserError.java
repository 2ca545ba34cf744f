package dev.l2o.testing;

import dev.l2o.error.ErrorType;
import dev.l2o.error.L2oException;

/**
 * The property every reader of user files keeps, whatever the bytes (issue 11, fuzzing): it returns a result
 * or throws an {@link L2oException} whose type is {@link ErrorType#USER} (exit 2) and whose message is one
 * non-blank line. Any other exception, a stack overflow or running out of memory breaks it; fuzz tests let
 * those escape, so that Jazzer reports them as findings.
 */
public final class ResultOrUserError {
    private ResultOrUserError() {}

    /** What a fuzz target runs: reading one input. */
    @FunctionalInterface
    public interface Read {
        void run() throws Exception;
    }

    /**
     * Runs {@code read}.
     *
     * @throws AssertionError when it throws an {@link L2oException} that is not a user error or whose message is
     *     not one line; any other exception escapes as it is
     */
    public static void check(Read read) throws Exception {
        try {
            read.run();
        } catch (L2oException e) {
            assertUserError(e);
        }
    }

    /** Fails unless {@code e} is a user error with a one-line reason. */
    public static void assertUserError(L2oException e) {
        if (e.type() != ErrorType.USER) {
            throw new AssertionError("expected a user error (exit 2) but got " + e.code() + ": " + e.getMessage(), e);
        }
        String message = e.getMessage();
        if (message == null || message.isBlank() || message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
            throw new AssertionError("expected a one-line reason but got " + e.code() + ": [" + message + "]", e);
        }
    }
}
