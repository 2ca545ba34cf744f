package dev.l2o.app;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.BlueprintLoader;
import dev.l2o.blueprint.LoadedBlueprint;
import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.SourceSpec;
import dev.l2o.audit.AuditReport;
import dev.l2o.report.DiffReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/**
 * Change drift ({@code l2o diff}): reads two sources, lists what changed in their configuration and, with a
 * blueprint, audits both and compares the findings. Returns the report; prints nothing.
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
        LoadedBlueprint loaded = blueprint == null ? null : BlueprintLoader.load(blueprint);
        FetchRequest request = loaded == null ? FetchRequest.everything() : FetchRequests.forBlueprint(loaded.blueprint());
        try (OpenSource old = OpenSource.fetch(before, null, request, context);
                OpenSource neu = OpenSource.fetch(after, null, request, context)) {
            AuditReport oldAudit = null;
            AuditReport newAudit = null;
            if (loaded != null) {
                AuditService audits = new AuditService(context);
                Baseline none = new Baseline(Set.of());
                oldAudit = audits.audit(loaded, old.snapshot(), asOf, none);
                newAudit = audits.audit(loaded, neu.snapshot(), asOf, none);
            }
            return DiffReport.of(ToolVersion.current(), old.snapshot(), neu.snapshot(), oldAudit, newAudit);
        }
    }
}
