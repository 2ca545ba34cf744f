package dev.l2o.report;

import dev.l2o.audit.AuditReport;
import static java.util.Objects.requireNonNull;

import dev.l2o.audit.ChangeAttribution;
import dev.l2o.model.SetupChange;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import dev.l2o.rules.Finding;
import dev.l2o.snapshot.Change;
import dev.l2o.snapshot.SnapshotDiff;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changed between two sources ({@code l2o diff OLD NEW}): the configuration changes and, when a blueprint
 * was given, the findings the change introduces and resolves. Findings are matched by rule id and subject, as
 * baselines match them, so a changed count or message on the same subject is neither introduced nor resolved.
 *
 * @param toolVersion the l2o version that wrote it
 * @param before the older source
 * @param after the newer source
 * @param beforeAsOf when the older source was read
 * @param afterAsOf when the newer source was read
 * @param changes the configuration changes
 * @param beforeAudit the audit of the older source against the blueprint, or null without a blueprint
 * @param afterAudit the audit of the newer source against the blueprint, or null without a blueprint
 * @param incompleteReasons why either source was not read fully, prefixed by which; empty when both were
 * @param setupChanges for each configuration change the newer source's record names, the most recent setup change
 *     behind it made between the two snapshots (who changed what when); changes without one are absent
 */
public record DiffReport(
        String toolVersion,
        SourceInfo before,
        SourceInfo after,
        Instant beforeAsOf,
        Instant afterAsOf,
        SnapshotDiff changes,
        AuditReport beforeAudit,
        AuditReport afterAudit,
        List<String> incompleteReasons,
        Map<Change, SetupChange> setupChanges) {
    public DiffReport {
        requireNonNull(toolVersion, "toolVersion is null");
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        requireNonNull(beforeAsOf, "beforeAsOf is null");
        requireNonNull(afterAsOf, "afterAsOf is null");
        requireNonNull(changes, "changes is null");
        if ((beforeAudit == null) != (afterAudit == null)) {
            throw new IllegalArgumentException("both sources are audited or neither is");
        }
        incompleteReasons = List.copyOf(incompleteReasons);
        setupChanges = Map.copyOf(setupChanges);
    }

    /** The report of two snapshots, without or with their audits against one blueprint. */
    public static DiffReport of(String toolVersion, Snapshot before, Snapshot after, AuditReport beforeAudit, AuditReport afterAudit) {
        List<String> reasons = new ArrayList<>();
        before.completeness().reasons().forEach(reason -> reasons.add("old: " + reason));
        after.completeness().reasons().forEach(reason -> reasons.add("new: " + reason));
        SnapshotDiff diff = SnapshotDiff.between(before, after);
        ChangeAttribution attribution = ChangeAttribution.of(after);
        Map<Change, SetupChange> setupChanges = new HashMap<>();
        for (Change change : diff.changes()) {
            attribution.latest(change.subject().address(), null, before.asOf()).ifPresent(setup -> setupChanges.put(change, setup));
        }
        return new DiffReport(toolVersion, before.source(), after.source(), before.asOf(), after.asOf(), diff, beforeAudit,
                afterAudit, reasons, setupChanges);
    }

    /** The setup change behind {@code change}, when the newer source names one. */
    public Optional<SetupChange> setupChange(Change change) {
        return Optional.ofNullable(setupChanges.get(change));
    }

    /** Whether a blueprint was given, so that findings were compared. */
    public boolean audited() {
        return afterAudit != null;
    }

    public boolean complete() {
        return incompleteReasons.isEmpty();
    }

    /** The blueprint's name, or null without a blueprint. */
    public String blueprintName() {
        return audited() ? afterAudit.blueprintName() : null;
    }

    /** Findings of the newer source that the older one did not have, in {@link Finding#ORDER}. */
    public List<Finding> introduced() {
        return audited() ? without(afterAudit.findings(), beforeAudit.findings()) : List.of();
    }

    /** Findings of the older source that the newer one no longer has, in {@link Finding#ORDER}. */
    public List<Finding> resolved() {
        return audited() ? without(beforeAudit.findings(), afterAudit.findings()) : List.of();
    }

    /** Findings both sources have. */
    public long unchanged() {
        return audited() ? afterAudit.findings().size() - introduced().size() : 0;
    }

    private static List<Finding> without(List<Finding> findings, List<Finding> others) {
        Set<String> keys = others.stream().map(DiffReport::key).collect(Collectors.toSet());
        return findings.stream().filter(f -> !keys.contains(key(f))).toList();
    }

    private static String key(Finding finding) {
        return finding.ruleId() + " " + finding.subject();
    }
}
