package dev.l2o.error;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type l2o throws for failures it understands. The message is a complete one-line
 * sentence fit for a user (it names the file, line and column or the field where there is one) and never
 * contains a secret.
 */
public class L2oException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public L2oException(ErrorCode code, String message) {
        super(message);
        this.code = requireNonNull(code, "code is null");
    }

    public L2oException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }

    public ErrorType type() {
        return code.type();
    }
}
