package dev.l2o.audit;

import dev.l2o.model.Automation;
import dev.l2o.model.Snapshot;

/**
 * What the audited snapshot held, for the report's "snapshot facts".
 *
 * @param pipelines pipelines and lead lifecycles
 * @param stages stages over all pipelines
 * @param fields field definitions
 * @param automations automations of every kind
 * @param activeAutomations of those, the active ones
 * @param assignmentRules assignment rules
 * @param assignees users, queues and teams
 * @param records records with current values
 * @param historyRows stage-history rows read (0 without history)
 * @param historySource where history came from, or null
 */
public record SnapshotFacts(
        int pipelines,
        int stages,
        int fields,
        int automations,
        int activeAutomations,
        int assignmentRules,
        int assignees,
        int records,
        long historyRows,
        String historySource) {
    public static SnapshotFacts of(Snapshot snapshot, long historyRows) {
        return new SnapshotFacts(
                snapshot.pipelines().size(),
                snapshot.pipelines().stream().mapToInt(p -> p.stages().size()).sum(),
                snapshot.fields().size(),
                snapshot.automations().size(),
                (int) snapshot.automations().stream().filter(Automation::active).count(),
                snapshot.assignmentRules().size(),
                snapshot.assignees().size(),
                snapshot.records().size(),
                historyRows,
                snapshot.stageHistory().map(h -> h.description()).orElse(null));
    }

}
