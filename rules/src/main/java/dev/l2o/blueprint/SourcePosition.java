package dev.l2o.blueprint;

/**
 * A place in a blueprint file.
 *
 * @param line the 1-based line
 * @param column the 1-based column
 */
public record SourcePosition(int line, int column) {
    public SourcePosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** {@code line:column}. */
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
