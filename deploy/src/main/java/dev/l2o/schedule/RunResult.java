package dev.l2o.schedule;

import static java.util.Objects.requireNonNull;

import dev.l2o.rules.Severity;
import dev.l2o.store.CoverageShares;
import dev.l2o.store.FindingSummary;
import dev.l2o.store.MaturityScores;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.StageMedian;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one audit run produced, as an {@link AuditExecutor} reports it.
 *
 * @param outcome how the run ended
 * @param findings the run's findings after suppressions and baseline (any order; kept most severe first)
 * @param maturity the maturity index, if the run computed one
 * @param stageMedians median days per blueprint stage, in blueprint order, for stages with completed stays
 * @param reportFiles the report files written, inside the run directory (absolute, or relative to it)
 * @param snapshotFile the run's snapshot (gzip JSON, as {@code l2o snapshot} writes it) to keep in the run
 *     history, compressed; it is moved out of the run directory, so it is not published with the reports
 * @param detail why the run failed or is incomplete, in one line; empty for complete runs
 * @param coverage the blueprint coverage, if the run computed one
 */
public record RunResult(
        RunOutcome outcome,
        List<FindingSummary> findings,
        Optional<MaturityScores> maturity,
        List<StageMedian> stageMedians,
        List<Path> reportFiles,
        Optional<Path> snapshotFile,
        Optional<String> detail,
        Optional<CoverageShares> coverage) {
    public RunResult {
        requireNonNull(outcome, "outcome is null");
        findings = findings.stream().sorted(FindingSummary.ORDER).toList();
        requireNonNull(maturity, "maturity is null");
        stageMedians = List.copyOf(stageMedians);
        reportFiles = List.copyOf(reportFiles);
        requireNonNull(snapshotFile, "snapshotFile is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(coverage, "coverage is null");
    }

    /** A result without coverage. */
    public RunResult(RunOutcome outcome, List<FindingSummary> findings, Optional<MaturityScores> maturity,
            List<StageMedian> stageMedians, List<Path> reportFiles, Optional<Path> snapshotFile, Optional<String> detail) {
        this(outcome, findings, maturity, stageMedians, reportFiles, snapshotFile, detail, Optional.empty());
    }

    /** A run that produced nothing but a reason. */
    public static RunResult failed(RunOutcome outcome, String detail) {
        return new RunResult(outcome, List.of(), Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.of(detail));
    }

    /** Findings by severity, every severity present (most severe first). */
    public Map<Severity, Integer> countsBySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0);
        }
        findings.forEach(finding -> counts.merge(finding.severity(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }

    /** Findings by rule id, sorted by rule id. */
    public SortedMap<String, Integer> countsByRule() {
        SortedMap<String, Integer> counts = new TreeMap<>();
        findings.forEach(finding -> counts.merge(finding.ruleId(), 1, Integer::sum));
        return Collections.unmodifiableSortedMap(counts);
    }
}
