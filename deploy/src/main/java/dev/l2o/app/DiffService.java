package dev.l2o.app;

import static java.util.Objects.requireNonNull;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.SourceSpec;
import dev.l2o.report.DiffReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Change drift ({@code l2o diff}): reads two sources, lists what changed in their configuration and, with a
 * blueprint, audits both with {@link AuditService} and compares the findings. Returns the report; prints nothing.
 */
public final class DiffService {
    private final ConnectorContext context;

    public DiffService(ConnectorContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    /**
     * Compares {@code before} with {@code after}.
     *
     * @param blueprint the blueprint to audit both with, or null to list changes only
     * @param asOf "now" for both audits, or null for the time each source was read
     * @throws dev.l2o.error.L2oException USER for a bad blueprint or source, EXTERNAL when a source gave nothing usable
     */
    public DiffReport diff(SourceSpec before, SourceSpec after, Path blueprint, Instant asOf) {
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        if (blueprint == null) {
            try (OpenSource old = OpenSource.fetch(before, null, FetchRequest.everything(), context);
                    OpenSource neu = OpenSource.fetch(after, null, FetchRequest.everything(), context)) {
                return DiffReport.of(ToolVersion.current(), old.snapshot(), neu.snapshot(), null, null);
            }
        }
        // Each side's verdict is not the diff's: the diff is judged by the findings the change introduces.
        AuditService audits = new AuditService(context);
        try (AuditRun old = audits.run(request(blueprint, before, asOf));
                AuditRun neu = audits.run(request(blueprint, after, asOf))) {
            return DiffReport.of(ToolVersion.current(), old.snapshot(), neu.snapshot(), old.report(), neu.report());
        }
    }

    private static AuditRequest request(Path blueprint, SourceSpec source, Instant asOf) {
        return new AuditRequest(blueprint, null, source, null, asOf, null, Optional.empty());
    }
}
