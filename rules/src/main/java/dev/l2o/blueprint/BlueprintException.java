package dev.l2o.blueprint;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.util.List;

/**
 * A blueprint that cannot be used: every problem found, in file order, each with its line and column.
 * {@link #getMessage()} is the first problem as {@code file:line:column: message}; {@code l2o validate}
 * prints all of {@link #problems()}. Code {@link ErrorCode#BAD_BLUEPRINT} (a user error, exit 2).
 */
public final class BlueprintException extends L2oException {
    private static final long serialVersionUID = 1L;
    private final transient List<BlueprintProblem> problems;

    public BlueprintException(List<BlueprintProblem> problems) {
        super(ErrorCode.BAD_BLUEPRINT, first(problems).format());
        this.problems = problems.stream().sorted(BlueprintProblem.ORDER).distinct().toList();
    }

    private static BlueprintProblem first(List<BlueprintProblem> problems) {
        return problems.stream()
                .min(BlueprintProblem.ORDER)
                .orElseThrow(() -> new IllegalArgumentException("a blueprint exception needs at least one problem"));
    }

    /** Every problem, ordered by position; never empty. */
    public List<BlueprintProblem> problems() {
        return problems;
    }
}
