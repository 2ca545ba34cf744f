package dev.l2o.app;

import static java.util.Objects.requireNonNull;

import dev.l2o.connector.SourceSpec;
import dev.l2o.rules.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One audit to run.
 *
 * @param blueprint the blueprint file
 * @param blueprintName how reports name the blueprint file, or null for {@code blueprint} as given (the demo names
 *     its extracted copy as in the repository)
 * @param source the source to read
 * @param historyCsv stage history that supplies or replaces the source's, or null
 * @param asOf "now" for metrics, or null for the time the source was read
 * @param baseline a baseline file of accepted findings, or null
 * @param failOn the lowest severity that fails the run ({@code --fail-on}); empty for {@code never}
 * @param previousRun the previous run's snapshot for an incremental fetch ({@code --since-snapshot}, the scheduler's
 *     previous run), or null to read the source in full without saying how
 * @param ruleset a ruleset file laid over the blueprint's {@code ruleset} ({@code --ruleset}), or null
 */
public record AuditRequest(Path blueprint, String blueprintName, SourceSpec source, Path historyCsv, Instant asOf,
        Path baseline, Optional<Severity> failOn, PreviousRun previousRun, Path ruleset) {
    public AuditRequest {
        requireNonNull(blueprint, "blueprint is null");
        requireNonNull(source, "source is null");
        requireNonNull(failOn, "failOn is null");
    }

    /** A request that reads the source in full, without a ruleset file. */
    public AuditRequest(Path blueprint, String blueprintName, SourceSpec source, Path historyCsv, Instant asOf, Path baseline,
            Optional<Severity> failOn) {
        this(blueprint, blueprintName, source, historyCsv, asOf, baseline, failOn, null, null);
    }
}
