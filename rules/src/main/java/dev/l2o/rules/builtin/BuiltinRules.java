package dev.l2o.rules.builtin;

import dev.l2o.rules.Rule;
import dev.l2o.rules.builtin.lifecycle.PipelineMissingRule;
import dev.l2o.rules.builtin.lifecycle.RenewalInactiveRule;
import dev.l2o.rules.builtin.lifecycle.RenewalMissingRule;
import dev.l2o.rules.builtin.lifecycle.RenewalTimingRule;
import dev.l2o.rules.builtin.lifecycle.StageClosedFlagsRule;
import dev.l2o.rules.builtin.lifecycle.StageMissingRule;
import dev.l2o.rules.builtin.lifecycle.StageOrderRule;
import dev.l2o.rules.builtin.lifecycle.StageUndeclaredRule;
import dev.l2o.rules.builtin.measurement.HistoryUntrackedRule;
import dev.l2o.rules.builtin.measurement.HubSpotStageDatesRule;
import dev.l2o.rules.builtin.measurement.StageForecastRule;
import dev.l2o.rules.builtin.measurement.StageProbabilityRule;
import dev.l2o.rules.builtin.pipeline.DataRules;
import dev.l2o.rules.builtin.qualification.CriteriaUnenforcedRule;
import dev.l2o.rules.builtin.routing.AutomationInactiveRule;
import dev.l2o.rules.builtin.routing.AutomationMissingRule;
import dev.l2o.rules.builtin.routing.RoutingUndeclaredRule;
import dev.l2o.rules.builtin.routing.RoutingUnimplementedRule;
import dev.l2o.rules.builtin.strategy.FieldMissingRule;
import dev.l2o.rules.builtin.strategy.FieldPicklistRule;
import dev.l2o.rules.builtin.strategy.FieldTypeRule;
import java.util.ArrayList;
import java.util.List;

/** The built-in rules of the catalog (CONTRACT.md section 3). Every rule is stateless and thread-safe. */
public final class BuiltinRules {
    private BuiltinRules() {}

    /**
     * The rules that compare the CRM's configuration with the blueprint. They read the snapshot's
     * configuration only (and whether it has stage history), never records.
     */
    public static List<Rule> configuration() {
        return List.of(
                new PipelineMissingRule(),
                new StageMissingRule(),
                new StageUndeclaredRule(),
                new StageOrderRule(),
                new StageProbabilityRule(),
                new StageForecastRule(),
                new StageClosedFlagsRule(),
                new RenewalMissingRule(),
                new RenewalInactiveRule(),
                new RenewalTimingRule(),
                new FieldMissingRule(),
                new FieldTypeRule(),
                new FieldPicklistRule(),
                new CriteriaUnenforcedRule(),
                new RoutingUnimplementedRule(),
                new RoutingUndeclaredRule(),
                new AutomationMissingRule(),
                new AutomationInactiveRule(),
                new HistoryUntrackedRule());
    }

    /**
     * Every built-in rule: the configuration rules, the data rules over stage metrics
     * ({@link DataRules}), and the HubSpot cross-check of stage-date properties with the history.
     */
    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>(configuration());
        all.addAll(DataRules.all());
        all.add(new HubSpotStageDatesRule());
        return List.copyOf(all);
    }
}
