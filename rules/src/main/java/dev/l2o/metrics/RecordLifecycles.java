package dev.l2o.metrics;

import dev.l2o.blueprint.Lifecycle;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
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
 *   <li>a record whose source names its pipeline ({@link CrmRecord#pipeline()}: HubSpot's {@code pipeline} deal
 *       property; for Salesforce the sales process of the opportunity's record type) belongs to the lifecycle compared
 *       with that pipeline;</li>
 *   <li>else a record with a history row in a stage that only one lifecycle's pipeline has among the lifecycles'
 *       pipelines belongs to that lifecycle (HubSpot stage ids are unique to their pipeline; a Salesforce sales
 *       process counts by the stage values it does not share with the other lifecycles' sales processes); of several
 *       such rows the latest decides, ties the later in source order;</li>
 *   <li>every other record belongs to {@code opportunityLifecycle}, the first lifecycle.</li>
 * </ol>
 * The history rows that count are those a computation reads: not later than its as-of time. The decision is taken
 * while the history is walked, record by record ({@link #of(String, RecordBuffer, StageCodes)}), so the history is
 * read once for every lifecycle. A Salesforce opportunity without a record type (or of a record type the snapshot does
 * not know) names no sales process: it is decided by its stages, so one that only ever visited stages every sales
 * process shares counts as new business. Memory grows with the records that name a pipeline.
 * Not thread-safe (stage owners are cached as codes are met).
 */
final class RecordLifecycles {
    /** The index of {@code opportunityLifecycle} among the lifecycles. */
    static final int PRIMARY = 0;

    private final List<Lifecycle> designed;
    private final List<Pipeline> pipelines;
    private final Map<String, Integer> byPipelineValue;
    /** Per stage code, the lifecycle that alone has the stage ({@link #soleOwner}), decided when first asked. */
    private final PerCode ownerByCode = new PerCode();

    private RecordLifecycles(List<Lifecycle> designed, List<Pipeline> pipelines, Map<String, Integer> byPipelineValue) {
        this.designed = designed;
        this.pipelines = pipelines;
        this.byPipelineValue = byPipelineValue;
    }

    /** The lifecycles of {@code snapshot}'s records for {@code designed} (opportunityLifecycle first). Reads no history. */
    static RecordLifecycles of(List<Lifecycle> designed, Snapshot snapshot) {
        if (designed.size() < 2) {
            return new RecordLifecycles(designed, List.of(), Map.of());
        }
        List<Pipeline> pipelines = designed.stream().map(lifecycle -> StageMapping.of(lifecycle, snapshot).pipeline()).toList();
        Map<String, Integer> byPipelineValue = new HashMap<>();
        for (int i = 0; i < designed.size(); i++) {
            Pipeline pipeline = pipelines.get(i);
            if (pipeline == null) {
                continue;
            }
            for (CrmRecord record : snapshot.records()) {
                if (CrmObjects.same(record.object(), designed.get(i).object()) && inPipeline(record, pipeline)) {
                    byPipelineValue.put(record.id(), i);
                }
            }
        }
        return new RecordLifecycles(designed, pipelines, byPipelineValue);
    }

    /**
     * The lifecycle index of record {@code recordId}, whose rows {@code rows} holds in time order (ties in source
     * order) with stage codes of {@code codes}: {@link #PRIMARY} unless evidence puts it in another.
     */
    int of(String recordId, RecordBuffer rows, StageCodes codes) {
        if (designed.size() < 2) {
            return PRIMARY;
        }
        Integer named = byPipelineValue.get(recordId);
        if (named != null) {
            return named;
        }
        for (int row = rows.size - 1; row >= 0; row--) {
            int owner = owner(rows.slots[row], codes);
            if (owner > PRIMARY) {
                return owner;
            }
        }
        return PRIMARY;
    }

    /**
     * Decides the stage owners of every code of {@code codes} now, so that {@link #of(String, RecordBuffer, StageCodes)}
     * then only reads and may be called from several threads while no code is added.
     */
    void know(StageCodes codes) {
        if (designed.size() < 2) {
            return;
        }
        for (int code = 0; code < codes.size(); code++) {
            owner(code, codes);
        }
    }

    private int owner(int code, StageCodes codes) {
        int owner = ownerByCode.get(code);
        if (owner == PerCode.UNDECIDED) {
            owner = soleOwner(codes.object(code), codes.stage(code));
            ownerByCode.set(code, owner);
        }
        return owner;
    }

    /** Whether the record names {@code pipeline} as its own (by id, or label ignoring case). */
    private static boolean inPipeline(CrmRecord record, Pipeline pipeline) {
        String name = record.pipeline();
        if (name == null) {
            return false;
        }
        return name.equals(pipeline.id()) || name.toLowerCase(Locale.ROOT).equals(pipeline.label().toLowerCase(Locale.ROOT));
    }

    /**
     * The lifecycle whose pipeline alone among the lifecycles' pipelines (of the row's object) has the stage, or -1
     * when none or several do.
     */
    private int soleOwner(String object, String stage) {
        List<Integer> owners = new ArrayList<>();
        List<String> seenPipelines = new ArrayList<>();
        for (int i = 0; i < designed.size(); i++) {
            Pipeline pipeline = pipelines.get(i);
            if (pipeline == null || !CrmObjects.same(object, designed.get(i).object()) || pipeline.stage(stage).isEmpty()) {
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
