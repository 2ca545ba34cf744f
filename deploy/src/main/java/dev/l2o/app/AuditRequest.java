package dev.l2o.app;

import static java.util.Objects.requireNonNull;

import dev.l2o.connector.SourceSpec;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One audit to run.
 *
 * @param blueprint the blueprint file
 * @param source the source to read
 * @param historyCsv stage history that supplies or replaces the source's, or null
 * @param asOf "now" for metrics, or null for the time the source was read
 * @param baseline a baseline file of accepted findings, or null
 */
public record AuditRequest(Path blueprint, SourceSpec source, Path historyCsv, Instant asOf, Path baseline) {
    public AuditRequest {
        requireNonNull(blueprint, "blueprint is null");
        requireNonNull(source, "source is null");
    }
}
