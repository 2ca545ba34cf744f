package dev.l2o.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.l2o.blueprint.LoadedBlueprint;
import dev.l2o.blueprint.BlueprintLoader;
import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.ProgressListener;
import dev.l2o.maturity.DimensionScore;
import dev.l2o.metrics.StageStat;
import dev.l2o.model.Snapshot;
import dev.l2o.audit.AuditReport;
import dev.l2o.report.ReportContext;
import dev.l2o.report.ReportWriter;
import dev.l2o.report.ReportWriters;
import dev.l2o.schedule.AuditExecutor;
import dev.l2o.schedule.RunRequest;
import dev.l2o.schedule.RunResult;
import dev.l2o.schedule.ScheduledAudit;
import dev.l2o.snapshot.Change;
import dev.l2o.snapshot.SnapshotDiff;
import dev.l2o.snapshot.SnapshotReader;
import dev.l2o.snapshot.SnapshotWriter;
import dev.l2o.store.FindingSummary;
import dev.l2o.store.MaturityScores;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.StageMedian;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs scheduled audits with the same {@link AuditService} as {@code l2o audit}: reads the source, audits,
 * writes the audit's report formats into the run folder, keeps the snapshot for the run history, and adds the
 * change since the previous run's snapshot ({@code changes.json}).
 */
public final class ServiceAuditExecutor implements AuditExecutor {
    static final String SNAPSHOT_FILE = "snapshot.l2o.json.gz";
    static final String CHANGES_FILE = "changes.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Clock clock;

    public ServiceAuditExecutor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public RunResult execute(ScheduledAudit audit, Path runDirectory) {
        return execute(new RunRequest(audit, runDirectory, clock.instant(), Optional.empty(), System.getenv()));
    }

    @Override
    public RunResult execute(RunRequest request) {
        ScheduledAudit audit = request.audit();
        try (TemporaryDirectory work = TemporaryDirectory.create("l2o-run")) {
            ConnectorContext context = new ConnectorContext(clock, request.sourceEnvironment(), work.path(), ProgressListener.NONE);
            LoadedBlueprint loaded = BlueprintLoader.load(audit.blueprint());
            Baseline baseline = audit.baseline().map(Baseline::read).orElseGet(() -> new Baseline(Set.of()));
            try (OpenSource source = OpenSource.fetch(audit.source(), audit.historyCsv().orElse(null),
                    FetchRequests.forBlueprint(loaded.blueprint()), context)) {
                Snapshot snapshot = source.snapshot();
                AuditReport report = new AuditService(context).audit(loaded, snapshot, null, baseline);
                List<Path> files = new ArrayList<>(writeReports(report, new ReportContext(audit.failOn().orElse(null)),
                        audit.formats(), request.runDirectory()));
                request.previousSnapshot().ifPresent(previous ->
                        files.add(writeChanges(SnapshotReader.read(previous), snapshot, request.runDirectory())));
                Path snapshotFile = request.runDirectory().resolve(SNAPSHOT_FILE);
                SnapshotWriter.write(snapshot, snapshotFile);
                return result(report, audit, files, snapshotFile);
            }
        }
    }

    private static RunResult result(AuditReport report, ScheduledAudit audit, List<Path> files, Path snapshotFile) {
        RunOutcome outcome = !report.complete() ? RunOutcome.INCOMPLETE
                : audit.failOn().map(threshold -> report.countAtLeast(threshold) > 0).orElse(false) ? RunOutcome.DRIFT
                : RunOutcome.PASSED;
        List<FindingSummary> findings = report.findings().stream()
                .map(f -> new FindingSummary(f.ruleId(), f.severity(), f.subject(), f.message()))
                .toList();
        Map<String, Double> dimensions = new LinkedHashMap<>();
        for (DimensionScore score : report.maturity().dimensions()) {
            dimensions.put(score.dimension().key(), score.score());
        }
        List<StageMedian> medians = report.metrics().stages().stream()
                .filter(StageStat::mapped)
                .filter(s -> s.medianDays() != null)
                .map(s -> new StageMedian(s.stage(), s.medianDays()))
                .toList();
        Optional<String> detail = report.complete() ? Optional.empty() : Optional.of(String.join("; ", report.incompleteReasons()));
        return new RunResult(outcome, findings, Optional.of(new MaturityScores(report.maturity().overall(), dimensions)),
                medians, files, Optional.of(snapshotFile), detail);
    }

    private static List<Path> writeReports(AuditReport report, ReportContext context, List<String> formats, Path directory) {
        List<Path> written = new ArrayList<>();
        for (String format : formats.isEmpty() ? List.of("json") : formats) {
            ReportWriter writer = ReportWriters.forFormat(format, false);
            Path file = directory.resolve(writer.defaultFileName());
            try (OutputStream out = Files.newOutputStream(file)) {
                writer.write(report, context, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written.add(file);
        }
        return written;
    }

    /** The configuration change since the previous run, as a JSON list of changes. */
    private static Path writeChanges(Snapshot previous, Snapshot current, Path directory) {
        SnapshotDiff diff = SnapshotDiff.between(previous, current);
        ArrayNode changes = JSON.createArrayNode();
        for (Change change : diff.changes()) {
            changes.addObject()
                    .put("kind", change.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("category", change.category())
                    .put("subject", change.subject().address())
                    .put("before", change.before())
                    .put("after", change.after())
                    .put("description", change.description());
        }
        Path file = directory.resolve(CHANGES_FILE);
        try {
            JSON.writeValue(file.toFile(), JSON.createObjectNode().put("since", diff.oldAsOf().toString()).set("changes", changes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
