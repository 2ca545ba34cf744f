package dev.l2o.app;

import dev.l2o.audit.AuditReport;
import dev.l2o.audit.Coverage;
import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.ProgressListener;
import dev.l2o.connector.SourceSpec;
import dev.l2o.maturity.DimensionScore;
import dev.l2o.metrics.StageStat;
import dev.l2o.report.DiffReport;
import dev.l2o.report.DiffWriter;
import dev.l2o.report.JsonDiffWriter;
import dev.l2o.report.ReportContext;
import dev.l2o.report.ReportWriter;
import dev.l2o.report.ReportWriters;
import dev.l2o.schedule.AuditExecutor;
import dev.l2o.schedule.RunRequest;
import dev.l2o.schedule.RunResult;
import dev.l2o.schedule.ScheduledAudit;
import dev.l2o.snapshot.SnapshotWriter;
import dev.l2o.store.CoverageShares;
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

/**
 * Runs scheduled audits with the same {@link AuditService} as {@code l2o audit}: reads the source, audits,
 * writes the audit's report formats into the run folder, keeps the snapshot for the run history, and adds the
 * change since the previous run's snapshot ({@code changes.json}, what {@code l2o diff --format json} of the two
 * snapshot files prints).
 */
public final class ServiceAuditExecutor implements AuditExecutor {
    static final String SNAPSHOT_FILE = "snapshot.l2o.json.gz";
    static final String CHANGES_FILE = "changes.json";
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
            // the previous run's snapshot is the base of an incremental fetch; without one the fetch is full and says so
            AuditRequest auditRequest = new AuditRequest(audit.blueprint(), null, audit.source(),
                    audit.historyCsv().orElse(null), null, audit.baseline().orElse(null), audit.failOn(),
                    request.previousSnapshot().map(PreviousRun::file)
                            .orElseGet(() -> PreviousRun.none("the audit has no earlier run that kept a snapshot")),
                    audit.ruleset().orElse(null));
            try (AuditRun run = new AuditService(context).run(auditRequest)) {
                ReportContext reportContext = ReportContext.of(audit.failOn());
                List<Path> files = new ArrayList<>(writeReports(run.report(), reportContext, audit.formats(), request.runDirectory()));
                Path snapshotFile = request.runDirectory().resolve(SNAPSHOT_FILE);
                SnapshotWriter.write(run.snapshot(), snapshotFile);
                if (request.previousSnapshot().isPresent()) {
                    files.add(writeChanges(request.previousSnapshot().get(), snapshotFile, reportContext, context, request.runDirectory()));
                }
                return result(run, files, snapshotFile);
            }
        }
    }

    private static RunResult result(AuditRun run, List<Path> files, Path snapshotFile) {
        AuditReport report = run.report();
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
        return new RunResult(RunOutcome.of(run.verdict()), findings,
                Optional.of(new MaturityScores(report.maturity().overall(), dimensions)),
                medians, files, Optional.of(snapshotFile), detail, coverage(report.coverage()));
    }

    private static Optional<CoverageShares> coverage(Coverage coverage) {
        Map<String, Double> sections = new LinkedHashMap<>();
        coverage.sections().forEach(section -> sections.put(section.section().key(), section.share()));
        return coverage.overall().isPresent() ? Optional.of(new CoverageShares(coverage.overall().getAsDouble(), sections))
                : Optional.empty();
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

    /**
     * The configuration change since the previous run: {@code l2o diff --format json} of the previous run's snapshot
     * and this run's, through the same service and writer.
     */
    private static Path writeChanges(Path previous, Path current, ReportContext reportContext, ConnectorContext context,
            Path directory) {
        DiffReport diff = new DiffService(context).diff(snapshotSource(previous), snapshotSource(current), null, null);
        DiffWriter writer = new JsonDiffWriter();
        Path file = directory.resolve(CHANGES_FILE);
        try (OutputStream out = Files.newOutputStream(file)) {
            writer.write(diff, reportContext, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static SourceSpec snapshotSource(Path file) {
        return SourceSpec.parse("snapshot:" + file, Map.of());
    }
}
