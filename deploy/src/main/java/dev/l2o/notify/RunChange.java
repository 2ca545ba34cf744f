package dev.l2o.notify;

import static java.util.Objects.requireNonNull;

import dev.l2o.store.FindingSummary;
import dev.l2o.store.RunRecord;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A finished run next to the previous run of the same audit that got a result: what notifications report.
 *
 * @param current the run that just finished
 * @param currentFindings its findings
 * @param previous the previous run with a result, if any
 * @param previousFindings the previous run's findings (empty without a previous run)
 * @param reportLocation where the run's reports are, if published (a folder path)
 */
public record RunChange(
        RunRecord current,
        List<FindingSummary> currentFindings,
        Optional<RunRecord> previous,
        List<FindingSummary> previousFindings,
        Optional<String> reportLocation) {
    public RunChange {
        requireNonNull(current, "current is null");
        if (current.outcome().isEmpty()) {
            throw new IllegalArgumentException("run " + current.runId() + " has not finished");
        }
        currentFindings = currentFindings.stream().sorted(FindingSummary.ORDER).toList();
        requireNonNull(previous, "previous is null");
        previousFindings = previousFindings.stream().sorted(FindingSummary.ORDER).toList();
        requireNonNull(reportLocation, "reportLocation is null");
    }

    /**
     * Whether this run is worth announcing: the first run of an audit, or a run whose outcome or set of
     * findings differs from the previous one. The same drift every night is announced once.
     */
    public boolean changed() {
        return previous.isEmpty()
                || !previous.get().outcome().equals(current.outcome())
                || !keys(previousFindings).equals(keys(currentFindings));
    }

    /** Findings of this run that the previous run did not have, most severe first. */
    public List<FindingSummary> newFindings() {
        Set<String> before = keys(previousFindings);
        return currentFindings.stream().filter(finding -> !before.contains(finding.key())).toList();
    }

    /** Findings of the previous run that this run no longer has, most severe first. */
    public List<FindingSummary> resolvedFindings() {
        Set<String> now = keys(currentFindings);
        return previousFindings.stream().filter(finding -> !now.contains(finding.key())).toList();
    }

    private static Set<String> keys(List<FindingSummary> findings) {
        return findings.stream().map(FindingSummary::key).collect(Collectors.toSet());
    }
}
