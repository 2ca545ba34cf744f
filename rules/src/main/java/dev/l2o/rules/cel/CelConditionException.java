package dev.l2o.rules.cel;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;

/**
 * A CEL condition of the blueprint that does not compile, or that failed on one input. The message is one
 * sentence naming the expression; {@link #reason()} is the cause alone, for callers that compose their own
 * sentence. Code {@link ErrorCode#BAD_BLUEPRINT}.
 */
public final class CelConditionException extends L2oException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final int line;
    private final int column;

    CelConditionException(String message, String reason, int line, int column) {
        super(ErrorCode.BAD_BLUEPRINT, message);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** Why, without the expression: {@code undeclared reference to 'lead'}. */
    public String reason() {
        return reason;
    }

    /** The 1-based line inside the expression where compilation failed, or 0 when unknown or for evaluation. */
    public int line() {
        return line;
    }

    /** The 1-based column inside the expression where compilation failed, or 0 when unknown or for evaluation. */
    public int column() {
        return column;
    }
}
