package dev.l2o.snapshot;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.Snapshot;
import java.time.Instant;
import java.util.List;

/**
 * What changed in the configuration between two snapshots (stage history and record values are not compared):
 * pipelines and their stages, fields and picklist values, automations, assignment rules and their entries,
 * and queues.
 *
 * <p>Changes come in one deterministic order: pipelines (each followed by its stages), fields (each followed by
 * its picklist values), automations, assignment rules (each followed by its entries), queues; within each, by
 * the CRM's key (object and API name), sorted.
 *
 * @param oldAsOf when the older snapshot was taken
 * @param newAsOf when the newer snapshot was taken
 * @param changes the changes in the order above
 */
public record SnapshotDiff(Instant oldAsOf, Instant newAsOf, List<Change> changes) {
    public SnapshotDiff {
        requireNonNull(oldAsOf, "oldAsOf is null");
        requireNonNull(newAsOf, "newAsOf is null");
        changes = List.copyOf(changes);
    }

    /** The configuration changes from {@code old} to {@code neu}. Pure: reads neither history nor files. */
    public static SnapshotDiff between(Snapshot old, Snapshot neu) {
        requireNonNull(old, "old is null");
        requireNonNull(neu, "neu is null");
        return new SnapshotDiff(old.asOf(), neu.asOf(), new ConfigurationDiffer(old, neu).changes());
    }

    /** Whether the configuration is the same. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes of one category ({@link Change#STAGE}, …), in order. */
    public List<Change> changes(String category) {
        return changes.stream().filter(change -> change.category().equals(category)).toList();
    }
}
