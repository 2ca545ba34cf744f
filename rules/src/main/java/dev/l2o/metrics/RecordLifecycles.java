package dev.l2o.metrics;

import dev.l2o.blueprint.Lifecycle;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.model.StageEvent;
import dev.l2o.rules.CrmObjects;
import dev.l2o.rules.StageMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which of the blueprint's opportunity lifecycles ({@link dev.l2o.blueprint.Blueprint#allLifecycles}) each record
 * belongs to, so that every lifecycle is measured over its own records. The one place that decides it:
 * <ol>
 *   <li>a record whose current values name its pipeline (HubSpot's {@code pipeline} deal property, the pipeline id)
 *       belongs to the lifecycle compared with that pipeline;</li>
 *   <li>else a record with a history row in a stage that only one lifecycle's pipeline has among the lifecycles'
 *       pipelines belongs to that lifecycle (HubSpot stage ids are unique to their pipeline; a Salesforce sales
 *       process counts by the stage values it does not share with the other lifecycles' sales processes); of several
 *       such rows the latest decides, ties the later in source order;</li>
 *   <li>every other record belongs to {@code opportunityLifecycle}, the first lifecycle.</li>
 * </ol>
 * Salesforce opportunities do not carry their sales process (it follows from the record type, which snapshots do not
 * read), so a renewal opportunity that only ever visited stages every sales process shares counts as new business.
 * Memory grows with the records assigned away from the first lifecycle only.
 */
final class RecordLifecycles {
    /** The index of {@code opportunityLifecycle} among the lifecycles. */
    static final int PRIMARY = 0;

    private final Map<String, Integer> byRecord;

    private RecordLifecycles(Map<String, Integer> byRecord) {
        this.byRecord = byRecord;
    }

    /** Whether every record belongs to {@link #PRIMARY}. */
    boolean allPrimary() {
        return byRecord.isEmpty();
    }

    /** The lifecycle index of record {@code recordId}: {@link #PRIMARY} unless evidence puts it in another. */
    int of(String recordId) {
        return byRecord.getOrDefault(recordId, PRIMARY);
    }

    /**
     * The lifecycles of {@code snapshot}'s records for {@code designed} (opportunityLifecycle first). Reads the
     * history once when there is more than one lifecycle; with one, nothing is read.
     */
    static RecordLifecycles of(List<Lifecycle> designed, Snapshot snapshot) {
        if (designed.size() < 2) {
            return new RecordLifecycles(Map.of());
        }
        List<Pipeline> pipelines = designed.stream().map(lifecycle -> StageMapping.of(lifecycle, snapshot).pipeline()).toList();
        Map<String, Integer> assigned = new HashMap<>();
        if (snapshot.history() != null) {
            Map<String, Integer> stageOwners = new HashMap<>();
            Map<String, long[]> latest = new HashMap<>();
            long[] position = {0};
            snapshot.history().forEach(row -> {
                long at = position[0]++;
                int owner = stageOwners.computeIfAbsent(row.object() + "\u0000" + row.stage(),
                        key -> soleOwner(row, designed, pipelines));
                if (owner <= PRIMARY) {
                    return;
                }
                long time = row.at().toEpochMilli();
                long[] seen = latest.get(row.recordId());
                if (seen == null || time > seen[0] || (time == seen[0] && at > seen[1])) {
                    latest.put(row.recordId(), new long[] {time, at});
                    assigned.put(row.recordId(), owner);
                }
            });
        }
        for (int i = 0; i < designed.size(); i++) {
            Pipeline pipeline = pipelines.get(i);
            if (pipeline == null) {
                continue;
            }
            for (CrmRecord record : snapshot.records()) {
                if (CrmObjects.same(record.object(), designed.get(i).object()) && inPipeline(record, pipeline)) {
                    if (i == PRIMARY) {
                        assigned.remove(record.id());
                    } else {
                        assigned.put(record.id(), i);
                    }
                }
            }
        }
        return new RecordLifecycles(assigned);
    }

    /** Whether the record's {@code pipeline} value names {@code pipeline} (by id, or label ignoring case). */
    private static boolean inPipeline(CrmRecord record, Pipeline pipeline) {
        Object value = record.values().get("pipeline");
        if (!(value instanceof String name)) {
            return false;
        }
        return name.equals(pipeline.id()) || name.toLowerCase(Locale.ROOT).equals(pipeline.label().toLowerCase(Locale.ROOT));
    }

    /**
     * The lifecycle whose pipeline alone among the lifecycles' pipelines (of the row's object) has the row's stage,
     * or -1 when none or several do.
     */
    private static int soleOwner(StageEvent row, List<Lifecycle> designed, List<Pipeline> pipelines) {
        List<Integer> owners = new ArrayList<>();
        List<String> seenPipelines = new ArrayList<>();
        for (int i = 0; i < designed.size(); i++) {
            Pipeline pipeline = pipelines.get(i);
            if (pipeline == null || !CrmObjects.same(row.object(), designed.get(i).object()) || pipeline.stage(row.stage()).isEmpty()) {
                continue;
            }
            // two lifecycles compared with the same pipeline cannot tell its records apart
            if (!seenPipelines.contains(pipeline.id())) {
                seenPipelines.add(pipeline.id());
                owners.add(i);
            } else {
                owners.add(-1);
            }
        }
        return owners.size() == 1 ? owners.get(0) : -1;
    }
}
