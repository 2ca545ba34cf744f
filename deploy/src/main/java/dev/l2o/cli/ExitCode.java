package dev.l2o.cli;

import dev.l2o.audit.Verdict;
import dev.l2o.error.ErrorType;

/** The exit codes of CONTRACT.md section 1. */
public final class ExitCode {
    /** Nothing at or above {@code --fail-on}. */
    public static final int OK = 0;
    /** Findings at or above {@code --fail-on}. */
    public static final int FINDINGS = 1;
    /** Usage or input error. */
    public static final int USAGE = 2;
    /** The audit is incomplete: the source could not be read fully. */
    public static final int INCOMPLETE = 3;
    /** A defect in l2o (not part of the contract's codes: none of 0–3 would be true). */
    public static final int INTERNAL = 4;

    private ExitCode() {}

    /** The exit code of a finished run: its verdict, and nothing else. */
    public static int of(Verdict verdict) {
        return switch (verdict) {
            case PASSED -> OK;
            case FINDINGS -> FINDINGS;
            case INCOMPLETE -> INCOMPLETE;
        };
    }

    public static int of(ErrorType type) {
        return switch (type) {
            case USER -> USAGE;
            case EXTERNAL -> INCOMPLETE;
            case INTERNAL -> INTERNAL;
        };
    }
}
