package dev.l2o.report;

import dev.l2o.audit.AuditReport;
import dev.l2o.audit.Verdict;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Severity;
import java.util.Optional;

/**
 * What a writer needs beyond the report: the threshold the run is judged at. Writers that mark failures (JUnit XML,
 * the text, Markdown and HTML verdicts, the diffs) ask it, and it asks {@link Verdict}, the one judgement of a run.
 *
 * @param failOn the lowest severity that fails the run ({@code --fail-on}), or null for {@code never}
 */
public record ReportContext(Severity failOn) {
    /** The command line's default: errors fail. */
    public static final ReportContext DEFAULT = new ReportContext(Severity.ERROR);

    /** The context of a run judged at {@code failOn} (empty: never). */
    public static ReportContext of(Optional<Severity> failOn) {
        return new ReportContext(failOn.orElse(null));
    }

    /** The threshold, empty for {@code never}. */
    public Optional<Severity> threshold() {
        return Optional.ofNullable(failOn);
    }

    /** Whether {@code finding} (one that counts) fails the run. */
    public boolean fails(Finding finding) {
        return Verdict.fails(finding, threshold());
    }

    /** The audit's verdict at this threshold. */
    public Verdict verdict(AuditReport report) {
        return Verdict.of(report, threshold());
    }

    /** The change's verdict at this threshold: judged by the findings it introduces. */
    public Verdict verdict(DiffReport report) {
        return Verdict.of(report.complete(), report.introduced(), threshold());
    }

    /** Whether the audit fails: its verdict is not {@link Verdict#PASSED}. */
    public boolean fails(AuditReport report) {
        return !verdict(report).passed();
    }

    /** Whether the change fails: its verdict is not {@link Verdict#PASSED}. */
    public boolean fails(DiffReport report) {
        return !verdict(report).passed();
    }

    /** {@code error}, {@code warning}, {@code info} or {@code never}. */
    public String failOnName() {
        return failOn == null ? "never" : failOn.id();
    }
}
