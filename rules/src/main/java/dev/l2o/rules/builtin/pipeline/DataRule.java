package dev.l2o.rules.builtin.pipeline;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.Lifecycle;
import dev.l2o.metrics.LifecycleMetrics;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleContext;

/**
 * A rule over the measured history: it reads the {@link LifecycleMetrics} the engine attached to the context and
 * checks each opportunity lifecycle against its own metrics, reporting nothing for a lifecycle without metrics or
 * without a used row (no history, or metrics not computed). History of lead rows only still measures conversions
 * between lead statuses.
 */
abstract class DataRule implements Rule {
    @Override
    public final void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        if (blueprint.opportunityLifecycle() == null) {
            return;
        }
        context.attachment(LifecycleMetrics.class).ifPresent(all -> {
            for (Lifecycle lifecycle : blueprint.allLifecycles()) {
                all.of(lifecycle.name())
                        .filter(metrics -> metrics.measured() || (metrics.historyAvailable() && metrics.rows() > 0))
                        .ifPresent(metrics -> check(blueprint, metrics, new StageAddresses(blueprint, lifecycle, snapshot), context));
            }
        });
    }

    /** Checks one lifecycle ({@code addresses.lifecycle()}) against its metrics. */
    abstract void check(Blueprint blueprint, StageMetrics metrics, StageAddresses addresses, RuleContext context);
}
