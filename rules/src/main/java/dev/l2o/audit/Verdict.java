package dev.l2o.audit;

import static java.util.Objects.requireNonNull;

import dev.l2o.rules.Finding;
import dev.l2o.rules.Severity;
import java.util.Collection;
import java.util.Optional;

/**
 * How a run is judged at a {@code --fail-on} threshold: the one decision behind the exit code of {@code l2o audit}
 * and {@code l2o diff}, the outcome of a scheduled run and the pass/fail line of every report. Callers translate
 * it into their own vocabulary (exit code, run outcome, "PASSES"/"FAILS") and never judge findings themselves.
 *
 * <p>It lives beside {@link AuditReport} because it is the judgement of an audit result and needs nothing but
 * what the result holds (completeness, findings that count, their severities); the command line, the scheduler
 * and the writers of {@code deploy} all see this package, and the rules module stays free of their types.
 */
public enum Verdict {
    /** Complete, and no counted finding at or above the threshold. */
    PASSED,
    /** Complete, with at least one counted finding at or above the threshold. */
    FINDINGS,
    /** The source (or one of the sources) could not be read fully: never a pass, whatever was found. */
    INCOMPLETE;

    /**
     * The verdict on an audit: its counted findings (not suppressed, not in the baseline) against {@code failOn}.
     *
     * @param failOn the lowest severity that fails the run; empty for {@code never}
     */
    public static Verdict of(AuditReport report, Optional<Severity> failOn) {
        return of(report.complete(), report.findings(), failOn);
    }

    /**
     * The decision itself: incompleteness beats findings, and a finding fails only at or above the threshold.
     *
     * @param complete whether every source was read fully
     * @param counted the findings that count: of an audit, those neither suppressed nor baselined; of a diff,
     *     those the change introduces
     * @param failOn the lowest severity that fails the run; empty for {@code never}
     */
    public static Verdict of(boolean complete, Collection<Finding> counted, Optional<Severity> failOn) {
        requireNonNull(counted, "counted is null");
        requireNonNull(failOn, "failOn is null");
        if (!complete) {
            return INCOMPLETE;
        }
        return counted.stream().anyMatch(finding -> fails(finding, failOn)) ? FINDINGS : PASSED;
    }

    /** Whether one counted finding fails the run at {@code failOn} (empty: never). */
    public static boolean fails(Finding finding, Optional<Severity> failOn) {
        return failOn.map(threshold -> finding.severity().atLeast(threshold)).orElse(false);
    }

    /** Whether the run passes: only a complete run without failing findings does. */
    public boolean passed() {
        return this == PASSED;
    }
}
