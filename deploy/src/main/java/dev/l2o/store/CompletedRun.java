package dev.l2o.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the store records when a run finishes.
 *
 * @param reportFiles the report files, relative to {@code reportDirectory}
 * @param snapshotFile a gzip JSON snapshot to keep in the store (read when completing), if the run wrote one
 * @param coverage the run's blueprint coverage, if it computed one
 */
public record CompletedRun(
        RunOutcome outcome,
        Instant finishedAt,
        List<FindingSummary> findings,
        Optional<MaturityScores> maturity,
        List<StageMedian> stageMedians,
        Optional<Path> reportDirectory,
        List<String> reportFiles,
        Optional<Path> snapshotFile,
        Optional<String> detail,
        Optional<CoverageShares> coverage) {
    public CompletedRun {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(finishedAt, "finishedAt is null");
        findings = findings.stream().sorted(FindingSummary.ORDER).toList();
        requireNonNull(maturity, "maturity is null");
        stageMedians = List.copyOf(stageMedians);
        requireNonNull(reportDirectory, "reportDirectory is null");
        reportFiles = List.copyOf(reportFiles);
        requireNonNull(snapshotFile, "snapshotFile is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(coverage, "coverage is null");
    }

    /** A run without coverage. */
    public CompletedRun(RunOutcome outcome, Instant finishedAt, List<FindingSummary> findings, Optional<MaturityScores> maturity,
            List<StageMedian> stageMedians, Optional<Path> reportDirectory, List<String> reportFiles, Optional<Path> snapshotFile,
            Optional<String> detail) {
        this(outcome, finishedAt, findings, maturity, stageMedians, reportDirectory, reportFiles, snapshotFile, detail,
                Optional.empty());
    }
}
