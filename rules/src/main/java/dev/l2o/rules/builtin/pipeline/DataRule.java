package dev.l2o.rules.builtin.pipeline;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleContext;

/**
 * A rule over the measured history: it reads the {@link StageMetrics} the engine attached to the context and
 * reports nothing when there is none (no history, or metrics not computed) or no row was used. History of
 * lead rows only still measures conversions between lead statuses.
 */
abstract class DataRule implements Rule {
    @Override
    public final void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        if (blueprint.opportunityLifecycle() == null) {
            return;
        }
        context.attachment(StageMetrics.class)
                .filter(metrics -> metrics.measured() || (metrics.historyAvailable() && metrics.rows() > 0))
                .ifPresent(metrics -> check(blueprint, metrics, new StageAddresses(blueprint, snapshot), context));
    }

    abstract void check(Blueprint blueprint, StageMetrics metrics, StageAddresses addresses, RuleContext context);
}
