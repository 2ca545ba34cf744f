package dev.l2o.audit;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.Lifecycle;
import dev.l2o.blueprint.Motion;
import dev.l2o.metrics.LifecycleMetrics;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.StageMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole bowtie as the audit found it: per opportunity lifecycle of the blueprint ({@code opportunityLifecycle},
 * then {@code lifecycles}), its CRM pipeline, which of its stages the pipeline has, its stage metrics over its own
 * records ({@link LifecycleMetrics}; which records are whose is decided there) and its rate: win rate for new business,
 * renewal rate for renewal, expansion rate for expansion, each won / closed records of the lifecycle.
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
     * @param won records of the lifecycle whose last stage is won
     * @param closed records of the lifecycle whose last stage is closed
     * @param rateUnavailable why there is no rate, or null when there is one
     * @param metrics the lifecycle's stage metrics (for {@code opportunityLifecycle}, the report's metrics)
     */
    public record Entry(String name, Motion motion, String pipeline, List<String> stagesFound, List<String> stagesMissing,
            long won, long closed, String rateUnavailable, StageMetrics metrics) {
        public Entry {
            requireNonNull(name, "name is null");
            requireNonNull(motion, "motion is null");
            requireNonNull(metrics, "metrics is null");
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

        /** Whether this is the blueprint's {@code opportunityLifecycle}. */
        public boolean primary() {
            return name.equals(Lifecycle.OPPORTUNITY_LIFECYCLE);
        }
    }

    /** Whether the blueprint designs a post-sale (renewal or expansion) lifecycle. */
    public boolean hasPostSale() {
        return entries.stream().anyMatch(entry -> entry.motion().postSale());
    }

    /** The lifecycles of {@code blueprint} against {@code snapshot}, with the metrics computed for each. */
    public static Lifecycles of(Blueprint blueprint, Snapshot snapshot, LifecycleMetrics metrics) {
        List<Lifecycle> designed = blueprint.allLifecycles();
        List<Entry> entries = new ArrayList<>();
        for (Lifecycle lifecycle : designed) {
            StageMapping mapping = StageMapping.of(lifecycle, snapshot);
            List<String> found = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            lifecycle.stages().forEach(stage -> (mapping.byKey().containsKey(stage.key()) ? found : missing).add(stage.key()));
            Pipeline pipeline = mapping.pipeline();
            StageMetrics measured = metrics.of(lifecycle.name()).orElseThrow(
                    () -> new IllegalArgumentException("no metrics for lifecycle " + lifecycle.name()));
            String unavailable = pipeline == null ? "the CRM has no pipeline for this lifecycle"
                    : !measured.historyAvailable() ? "stage history is not available"
                    : measured.closedRecords() == 0 ? "no closed records in pipeline '" + pipeline.label() + "'"
                    : null;
            entries.add(new Entry(lifecycle.name(), lifecycle.motion(), pipeline == null ? null : pipeline.label(), found, missing,
                    measured.wonRecords(), measured.closedRecords(), unavailable, measured));
        }
        return new Lifecycles(entries);
    }
}
