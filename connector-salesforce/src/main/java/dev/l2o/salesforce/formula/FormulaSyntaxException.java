package dev.l2o.salesforce.formula;

/**
 * A formula that does not parse. The message is one line and says where: {@code column 17: expected ')'}
 * (with {@code line 2, } first when the formula has several lines).
 */
public final class FormulaSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    FormulaSyntaxException(int line, int column, boolean multiLine, String reason) {
        super((multiLine ? "line " + line + ", column " : "column ") + column + ": " + reason);
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
