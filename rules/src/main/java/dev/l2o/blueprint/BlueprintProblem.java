package dev.l2o.blueprint;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * One problem in a blueprint file, at a line and column.
 *
 * @param file the file as the user named it
 * @param line the 1-based line
 * @param column the 1-based column
 * @param message one sentence, without file or position
 */
public record BlueprintProblem(String file, int line, int column, String message) {
    /** By position, then message: the order problems are printed in. */
    public static final Comparator<BlueprintProblem> ORDER = Comparator.comparingInt(BlueprintProblem::line)
            .thenComparingInt(BlueprintProblem::column)
            .thenComparing(BlueprintProblem::message);

    public BlueprintProblem {
        requireNonNull(file, "file is null");
        requireNonNull(message, "message is null");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    public BlueprintProblem(String file, SourcePosition position, String message) {
        this(file, position.line(), position.column(), message);
    }

    /** {@code file:line:column: message}, on one line. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
