package dev.l2o.app;

import static java.util.Objects.requireNonNull;

import dev.l2o.audit.AuditReport;
import dev.l2o.audit.Verdict;
import dev.l2o.model.Snapshot;

/**
 * One finished audit ({@link AuditService#run}): the report, the snapshot it was made from and the verdict at the
 * request's {@code --fail-on}. Not a plain value: a live source spools stage history to temporary files, so the
 * snapshot's history stays readable (to keep the snapshot, for instance) until the run is closed.
 */
public final class AuditRun implements AutoCloseable {
    private final AuditReport report;
    private final Snapshot snapshot;
    private final Verdict verdict;
    private final OpenSource source;

    AuditRun(AuditReport report, OpenSource source, Verdict verdict) {
        this.report = requireNonNull(report, "report is null");
        this.source = requireNonNull(source, "source is null");
        this.snapshot = source.snapshot();
        this.verdict = requireNonNull(verdict, "verdict is null");
    }

    public AuditReport report() {
        return report;
    }

    /** The snapshot audited; its history is readable until {@link #close}. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** How the run is judged: the source of the exit code, the scheduler's outcome and the reports' pass/fail line. */
    public Verdict verdict() {
        return verdict;
    }

    /** Releases the source (its temporary history files). */
    @Override
    public void close() {
        source.close();
    }
}
