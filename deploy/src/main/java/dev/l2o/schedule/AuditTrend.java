package dev.l2o.schedule;

import static java.util.Objects.requireNonNull;

import dev.l2o.store.CoverageShares;
import dev.l2o.store.FindingSummary;
import dev.l2o.store.MaturityScores;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.StageMedian;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The trends of one scheduled audit over its kept runs that audited the CRM (runs that failed before a report, or
 * were interrupted, say nothing about it and are left out), oldest first: what {@code l2o history --format json}
 * writes and the trend charts draw.
 *
 * @param audit the audit's name
 * @param runs the runs, oldest first
 */
public record AuditTrend(String audit, List<Run> runs) {
    /** How a finding of a run relates to the runs before it in the trend. */
    public enum Mark {
        /** In this run, in none before it. */
        APPEARED("appeared"),
        /** In this run, not in the one before, but in an earlier one. */
        CAME_BACK("came back"),
        /** In the run before, not in this one. */
        DISAPPEARED("disappeared");

        private final String label;

        Mark(String label) {
            this.label = label;
        }

        /** {@code came back}. */
        public String label() {
            return label;
        }

        /** {@code came-back}: the name in JSON. */
        public String id() {
            return label.replace(' ', '-');
        }
    }

    /** A finding that appeared, came back or disappeared in a run; the finding as that run (or, when it disappeared, the one before) had it. */
    public record MarkedFinding(Mark mark, FindingSummary finding) {
        public MarkedFinding {
            requireNonNull(mark, "mark is null");
            requireNonNull(finding, "finding is null");
        }
    }

    /**
     * One run of the trend.
     *
     * @param findings the run's findings (most severe first)
     * @param maturity its maturity scores
     * @param coverage its blueprint coverage, when it recorded one
     * @param stageMedians median days per stage, in blueprint order
     * @param changes its findings that appeared, came back or disappeared, against the runs before it in the trend;
     *     empty for the first run
     */
    public record Run(Instant fireTime, RunOutcome outcome, List<FindingSummary> findings, MaturityScores maturity,
            Optional<CoverageShares> coverage, List<StageMedian> stageMedians, List<MarkedFinding> changes) {
        public Run {
            requireNonNull(fireTime, "fireTime is null");
            requireNonNull(outcome, "outcome is null");
            findings = List.copyOf(findings);
            requireNonNull(maturity, "maturity is null");
            requireNonNull(coverage, "coverage is null");
            stageMedians = List.copyOf(stageMedians);
            changes = List.copyOf(changes);
        }
    }

    /** What a run recorded, before its changes are marked. */
    record Recorded(Instant fireTime, RunOutcome outcome, List<FindingSummary> findings, MaturityScores maturity,
            Optional<CoverageShares> coverage, List<StageMedian> stageMedians) {}

    public AuditTrend {
        requireNonNull(audit, "audit is null");
        runs = List.copyOf(runs);
    }

    /** The trend of {@code recorded} (oldest first), each run marked against the runs before it. */
    static AuditTrend of(String audit, List<Recorded> recorded) {
        List<Run> runs = new ArrayList<>();
        Set<String> seenBefore = new HashSet<>();
        Map<String, FindingSummary> previous = Map.of();
        for (int index = 0; index < recorded.size(); index++) {
            Recorded run = recorded.get(index);
            Map<String, FindingSummary> current = byKey(run.findings());
            List<MarkedFinding> changes = new ArrayList<>();
            if (index > 0) {
                for (FindingSummary finding : current.values()) {
                    if (!previous.containsKey(finding.key())) {
                        changes.add(new MarkedFinding(seenBefore.contains(finding.key()) ? Mark.CAME_BACK : Mark.APPEARED, finding));
                    }
                }
                for (FindingSummary finding : previous.values()) {
                    if (!current.containsKey(finding.key())) {
                        changes.add(new MarkedFinding(Mark.DISAPPEARED, finding));
                    }
                }
            }
            seenBefore.addAll(current.keySet());
            previous = current;
            runs.add(new Run(run.fireTime(), run.outcome(), run.findings(), run.maturity(), run.coverage(), run.stageMedians(),
                    changes));
        }
        return new AuditTrend(audit, runs);
    }

    private static Map<String, FindingSummary> byKey(List<FindingSummary> findings) {
        Map<String, FindingSummary> byKey = new LinkedHashMap<>();
        findings.stream().sorted(FindingSummary.ORDER).forEach(finding -> byKey.putIfAbsent(finding.key(), finding));
        return byKey;
    }

    /** The maturity dimensions over all runs, in the order the runs give them. */
    public List<String> dimensions() {
        Set<String> keys = new LinkedHashSet<>();
        runs.forEach(run -> keys.addAll(run.maturity().dimensions().keySet()));
        return List.copyOf(keys);
    }

    /** The coverage sections over all runs, in the order the runs give them. */
    public List<String> coverageSections() {
        Set<String> keys = new LinkedHashSet<>();
        runs.forEach(run -> run.coverage().ifPresent(coverage -> keys.addAll(coverage.sections().keySet())));
        return List.copyOf(keys);
    }

    /** The stages over all runs, the newest run's (blueprint) order first. */
    public List<String> stages() {
        Set<String> keys = new LinkedHashSet<>();
        for (int index = runs.size() - 1; index >= 0; index--) {
            runs.get(index).stageMedians().forEach(median -> keys.add(median.stage()));
        }
        return List.copyOf(keys);
    }
}
