package dev.l2o.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One run of a scheduled audit as stored in the run history.
 *
 * @param runId the store's id of the run
 * @param auditName the audit's name from the schedule file
 * @param fireTime the time the run was scheduled for; one run per audit and fire time
 * @param outcome empty while the run is running
 * @param nodeId the scheduler instance that ran (or runs) the last attempt
 * @param attempt 1, or more when a run was taken over after its node died or was stopped
 * @param startedAt when the last attempt started
 * @param finishedAt empty while running
 * @param errors findings of severity error (0 for runs without findings)
 * @param warnings findings of severity warning
 * @param infos findings of severity info
 * @param maturityOverall the overall maturity score, if the run computed one
 * @param detail why a run failed, was incomplete or interrupted; empty otherwise
 * @param reportDirectory where the run's reports were published, if they were
 */
public record RunRecord(
        long runId,
        String auditName,
        Instant fireTime,
        Optional<RunOutcome> outcome,
        String nodeId,
        int attempt,
        Instant startedAt,
        Optional<Instant> finishedAt,
        int errors,
        int warnings,
        int infos,
        OptionalDouble maturityOverall,
        Optional<String> detail,
        Optional<String> reportDirectory) {
    public RunRecord {
        requireNonNull(auditName, "auditName is null");
        requireNonNull(fireTime, "fireTime is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
        requireNonNull(maturityOverall, "maturityOverall is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(reportDirectory, "reportDirectory is null");
    }

    /** The time the last attempt took, if it finished. */
    public Optional<Duration> duration() {
        return finishedAt.map(end -> Duration.between(startedAt, end));
    }

    public int findingCount() {
        return errors + warnings + infos;
    }
}
