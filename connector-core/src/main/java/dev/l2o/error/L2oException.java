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
        super(oneLine(message));
        this.code = requireNonNull(code, "code is null");
    }

    public L2oException(ErrorCode code, String message, Throwable cause) {
        super(oneLine(message), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }

    public ErrorType type() {
        return code.type();
    }

    private static String oneLine(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder line = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\u0085', '\u2028', '\u2029' -> line.append(' ');
                default -> line.append(c);
            }
        }
        return line.toString();
    }
}
