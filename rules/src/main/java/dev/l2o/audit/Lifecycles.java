package dev.l2o.audit;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.Lifecycle;
import dev.l2o.blueprint.Motion;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import dev.l2o.model.StageEvent;
import dev.l2o.rules.CrmObjects;
import dev.l2o.rules.StageMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole bowtie as the audit found it: per opportunity lifecycle of the blueprint ({@code opportunityLifecycle},
 * then {@code lifecycles}), its CRM pipeline, which of its stages the pipeline has, and its rate from history: win
 * rate for new business, renewal rate for renewal, expansion rate for expansion, each won / closed records.
 *
 * <p>A record counts for a lifecycle when its history visits a stage that only that lifecycle's pipeline has among
 * the pipelines of the blueprint's lifecycles (HubSpot stage ids are unique to their pipeline; a Salesforce sales
 * process counts by the stages it does not share with the other lifecycles' sales processes). It is closed when its last stage is closed in that pipeline, and won when that stage is
 * won. History is read once for all lifecycles.
 *
 * @param entries one per lifecycle, in blueprint order
 */
public record Lifecycles(List<Entry> entries) {
    /** No lifecycles (a report written before they were added). */
    public static final Lifecycles NONE = new Lifecycles(List.of());

    public Lifecycles {
        entries = List.copyOf(entries);
    }

    /**
     * One lifecycle.
     *
     * @param name {@code opportunityLifecycle} or the entry's name
     * @param motion its motion
     * @param pipeline the CRM pipeline it is compared with, or null when the CRM has none that fits
     * @param stagesFound blueprint stage keys the pipeline has, in blueprint order
     * @param stagesMissing blueprint stage keys it lacks, in blueprint order
     * @param won records of the pipeline whose last stage is won
     * @param closed records of the pipeline whose last stage is closed
     * @param rateUnavailable why there is no rate, or null when there is one
     */
    public record Entry(String name, Motion motion, String pipeline, List<String> stagesFound, List<String> stagesMissing,
            long won, long closed, String rateUnavailable) {
        public Entry {
            requireNonNull(name, "name is null");
            requireNonNull(motion, "motion is null");
            stagesFound = List.copyOf(stagesFound);
            stagesMissing = List.copyOf(stagesMissing);
        }

        /** won / closed, or null when {@link #rateUnavailable} says why not. */
        public Double rate() {
            return rateUnavailable == null ? (double) won / closed : null;
        }

        /** What the rate is called for this motion: {@code win rate}, {@code renewal rate}, {@code expansion rate}. */
        public String rateName() {
            return switch (motion) {
                case NEW_BUSINESS -> "win rate";
                case RENEWAL -> "renewal rate";
                case EXPANSION -> "expansion rate";
            };
        }
    }

    /** Whether the blueprint designs a post-sale (renewal or expansion) lifecycle. */
    public boolean hasPostSale() {
        return entries.stream().anyMatch(entry -> entry.motion().postSale());
    }

    /**
     * The lifecycles of {@code blueprint} against {@code snapshot}. With {@code opportunityLifecycle} alone its rate is
     * the stage metrics' win rate ({@code metrics} already read the history); with further lifecycles the history is
     * read once more, to tell their records apart.
     */
    public static Lifecycles of(Blueprint blueprint, Snapshot snapshot, StageMetrics metrics) {
        List<Lifecycle> designed = blueprint.allLifecycles();
        List<StageMapping> mappings = designed.stream().map(lifecycle -> StageMapping.of(lifecycle, snapshot)).toList();
        boolean single = blueprint.lifecycles().isEmpty();
        Map<String, Last> lastByRecord = snapshot.history() == null || single ? Map.of() : lastStages(designed, mappings, snapshot);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < designed.size(); i++) {
            Lifecycle lifecycle = designed.get(i);
            StageMapping mapping = mappings.get(i);
            List<String> found = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            lifecycle.stages().forEach(stage -> (mapping.byKey().containsKey(stage.key()) ? found : missing).add(stage.key()));
            Pipeline pipeline = mapping.pipeline();
            long won = single ? metrics.wonRecords() : 0;
            long closed = single ? metrics.closedRecords() : 0;
            if (pipeline != null && !single) {
                for (Last last : lastByRecord.values()) {
                    if (!last.lifecycles.get(i)) {
                        continue;
                    }
                    Stage stage = pipeline.stage(last.stage).orElse(null);
                    if (stage != null && stage.closed()) {
                        closed++;
                        won += stage.won() ? 1 : 0;
                    }
                }
            }
            String unavailable = pipeline == null ? "the CRM has no pipeline for this lifecycle"
                    : snapshot.history() == null ? "stage history is not available"
                    : closed == 0 ? "no closed records in pipeline '" + pipeline.label() + "'"
                    : null;
            entries.add(new Entry(lifecycle.name(), lifecycle.motion(), pipeline == null ? null : pipeline.label(), found, missing,
                    won, closed, unavailable));
        }
        return new Lifecycles(entries);
    }

    /** A record's latest row, and the lifecycles whose pipeline it was seen in. */
    private static final class Last {
        private Instant at;
        private String stage;
        private final BitSet lifecycles = new BitSet();
    }

    private static Map<String, Last> lastStages(List<Lifecycle> designed, List<StageMapping> mappings, Snapshot snapshot) {
        Map<String, Last> last = new HashMap<>();
        snapshot.history().forEach(row -> {
            if (designed.stream().noneMatch(lifecycle -> CrmObjects.same(row.object(), lifecycle.object()))) {
                return;
            }
            List<Integer> owners = owners(row, designed, mappings);
            Last state = last.computeIfAbsent(row.recordId(), id -> new Last());
            owners.forEach(state.lifecycles::set);
            // ties keep the later row, as the stage metrics order rows of one instant by source order
            if (state.at == null || !row.at().isBefore(state.at)) {
                state.at = row.at();
                state.stage = row.stage();
            }
        });
        return last;
    }

    /** The lifecycles whose pipeline alone among the lifecycles' pipelines has the row's stage. */
    private static List<Integer> owners(StageEvent row, List<Lifecycle> designed, List<StageMapping> mappings) {
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < designed.size(); i++) {
            Pipeline pipeline = mappings.get(i).pipeline();
            if (pipeline == null || !CrmObjects.same(row.object(), designed.get(i).object()) || pipeline.stage(row.stage()).isEmpty()) {
                continue;
            }
            boolean shared = false;
            for (StageMapping other : mappings) {
                Pipeline otherPipeline = other.pipeline();
                shared |= otherPipeline != null && !otherPipeline.id().equals(pipeline.id())
                        && otherPipeline.stage(row.stage()).isPresent();
            }
            if (!shared) {
                owners.add(i);
            }
        }
        return owners;
    }
}
