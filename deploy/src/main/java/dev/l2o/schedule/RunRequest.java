package dev.l2o.schedule;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One scheduled run as the server hands it to an {@link AuditExecutor}.
 *
 * @param audit the audit to run
 * @param runDirectory an empty private folder for the reports; it is published atomically when the run ends
 * @param fireTime the time the run was scheduled for (the run's identity, also when a run is recovered)
 * @param previousSnapshot the snapshot of the previous run that got a result, if it kept one: the run's
 *     report should include the change since then
 * @param sourceEnvironment the environment the source's connector must see (credentials resolved)
 */
public record RunRequest(
        ScheduledAudit audit,
        Path runDirectory,
        Instant fireTime,
        Optional<Path> previousSnapshot,
        Map<String, String> sourceEnvironment) {
    public RunRequest {
        requireNonNull(audit, "audit is null");
        requireNonNull(runDirectory, "runDirectory is null");
        requireNonNull(fireTime, "fireTime is null");
        requireNonNull(previousSnapshot, "previousSnapshot is null");
        sourceEnvironment = Map.copyOf(sourceEnvironment);
    }
}
