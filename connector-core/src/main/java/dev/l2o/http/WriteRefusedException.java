package dev.l2o.http;

import java.io.IOException;

/**
 * Thrown by the {@link ReadOnlyGuard} when code tries to send a request that could write to a CRM. It is a
 * defect in l2o, never retried.
 */
public final class WriteRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    public WriteRefusedException(String message) {
        super(message);
    }
}
