package dev.l2o.schedule;

import java.nio.file.Path;

/**
 * Runs one audit for the scheduler: the seam between scheduling and the audit itself (the application
 * implements it with its audit service; tests with a fake).
 *
 * <p>Called from the scheduler's worker threads, never twice at once for one audit, but possibly at once
 * for different audits: implementations must be thread-safe. A run that should stop (shutdown) sees its
 * thread interrupted. Exceptions are recorded as the run's outcome: an {@link dev.l2o.error.L2oException} of
 * type EXTERNAL makes the run {@code INCOMPLETE}, anything else {@code FAILED}.
 */
public interface AuditExecutor {
    /**
     * Runs {@code audit} and writes its reports into {@code runDirectory}, which exists and is empty.
     *
     * @return the outcome and what the run measured; never null
     */
    RunResult execute(ScheduledAudit audit, Path runDirectory);

    /**
     * Runs one scheduled run. The default ignores the extra context; executors that report the change since
     * the previous run, or need the resolved credentials, override this one.
     */
    default RunResult execute(RunRequest request) {
        return execute(request.audit(), request.runDirectory());
    }
}
