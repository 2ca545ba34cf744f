package dev.l2o.salesforce.formula;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;

/**
 * A formula that does not parse. The message is one line and says where: {@code column 17: expected ')'}
 * (with {@code line 2, } first when the formula has several lines). A user error ({@link ErrorCode#MALFORMED_METADATA}):
 * the formula comes from the user's metadata.
 */
public final class FormulaSyntaxException extends L2oException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    FormulaSyntaxException(int line, int column, boolean multiLine, String reason) {
        super(ErrorCode.MALFORMED_METADATA, (multiLine ? "line " + line + ", column " : "column ") + column + ": " + reason);
        this.line = line;
        this.column = column;
    }

    /** The 1-based line inside the formula. */
    public int line() {
        return line;
    }

    /** The 1-based column inside that line. */
    public int column() {
        return column;
    }
}
