package dev.l2o.report;

import dev.l2o.audit.AuditReport;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Severity;
import java.util.Optional;

/**
 * What a writer needs beyond the report: how the run is judged. Writers that mark failures (JUnit XML, the
 * Markdown and HTML verdicts) use it; the others may ignore it.
 *
 * @param failOn the lowest severity that fails the run ({@code --fail-on}), or null for {@code never}
 */
public record ReportContext(Severity failOn) {
    /** The command line's default: errors fail. */
    public static final ReportContext DEFAULT = new ReportContext(Severity.ERROR);

    /** The threshold, empty for {@code never}. */
    public Optional<Severity> threshold() {
        return Optional.ofNullable(failOn);
    }

    /** Whether {@code finding} (one that counts) fails the run. */
    public boolean fails(Finding finding) {
        return failOn != null && finding.severity().atLeast(failOn);
    }

    /** Whether the report's counted findings fail the run; an incomplete report always fails. */
    public boolean fails(AuditReport report) {
        return !report.complete() || report.findings().stream().anyMatch(this::fails);
    }

    /** {@code error}, {@code warning}, {@code info} or {@code never}. */
    public String failOnName() {
        return failOn == null ? "never" : failOn.id();
    }
}
