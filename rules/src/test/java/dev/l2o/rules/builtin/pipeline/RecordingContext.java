package dev.l2o.rules.builtin.pipeline;

import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.RuleContext;
import dev.l2o.blueprint.Lifecycle;
import dev.l2o.metrics.LifecycleMetrics;
import dev.l2o.metrics.StageMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A rule context that holds one attachment and records what rules report. */
final class RecordingContext implements RuleContext {
    private final Instant asOf;
    private final Object attachment;
    final List<FindingDraft> reported = new ArrayList<>();

    /** A context with {@code attachment}; stage metrics alone are {@code opportunityLifecycle}'s. */
    RecordingContext(Instant asOf, Object attachment) {
        this.asOf = asOf;
        this.attachment = attachment instanceof StageMetrics metrics
                ? new LifecycleMetrics(List.of(new LifecycleMetrics.Measured(Lifecycle.OPPORTUNITY_LIFECYCLE, metrics)))
                : attachment;
    }

    @Override
    public Instant asOf() {
        return asOf;
    }

    @Override
    public <T> Optional<T> attachment(Class<T> type) {
        return type.isInstance(attachment) ? Optional.of(type.cast(attachment)) : Optional.empty();
    }

    @Override
    public void report(FindingDraft draft) {
        reported.add(draft);
    }
}
