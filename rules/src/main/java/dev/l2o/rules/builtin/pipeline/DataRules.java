package dev.l2o.rules.builtin.pipeline;

import dev.l2o.rules.Rule;
import java.util.List;

/**
 * The catalog's data rules: they read the {@link dev.l2o.metrics.LifecycleMetrics} attached to the rule context
 * ({@code context.attachment(LifecycleMetrics.class)}), each lifecycle against its own, and report nothing without it.
 */
public final class DataRules {
    private DataRules() {}

    /** L2O-STALE-DEAL, L2O-STAGE-SKIPPED, L2O-STAGE-REGRESSION, L2O-CLOSE-DATE-PAST, L2O-CONVERSION-BELOW-TARGET. */
    public static List<Rule> all() {
        return List.of(new StaleDealRule(), new StageSkippedRule(), new StageRegressionRule(), new CloseDatePastRule(),
                new ConversionBelowTargetRule());
    }
}
