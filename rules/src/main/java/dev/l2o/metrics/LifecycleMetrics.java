package dev.l2o.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The stage metrics of each opportunity lifecycle of a blueprint ({@code opportunityLifecycle}, then each entry of
 * {@code lifecycles}, as {@link dev.l2o.blueprint.Blueprint#allLifecycles} orders them), each over its own records
 * ({@code RecordLifecycles} decides which). The first is {@code opportunityLifecycle}'s: the report's
 * {@code metrics}, which alone measures the lead statuses and the blueprint's conversion targets.
 *
 * @param entries one per lifecycle, opportunityLifecycle first
 */
public record LifecycleMetrics(List<Measured> entries) {
    public LifecycleMetrics {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no lifecycle measured");
        }
    }

    /**
     * The metrics of one lifecycle.
     *
     * @param lifecycle the lifecycle's name ({@code opportunityLifecycle} or the entry's name)
     * @param metrics its metrics
     */
    public record Measured(String lifecycle, StageMetrics metrics) {
        public Measured {
            requireNonNull(lifecycle, "lifecycle is null");
            requireNonNull(metrics, "metrics is null");
        }
    }

    /** The metrics of {@code opportunityLifecycle}. */
    public StageMetrics primary() {
        return entries.get(0).metrics();
    }

    /** The metrics of the lifecycle named {@code name}. */
    public Optional<StageMetrics> of(String name) {
        return entries.stream().filter(entry -> entry.lifecycle().equals(name)).map(Measured::metrics).findFirst();
    }
}
