package dev.l2o.blueprint;

import java.util.List;

/**
 * {@code opportunityLifecycle}: the designed pipeline.
 *
 * @param object the object (default {@code Opportunity}; HubSpot: {@code deals})
 * @param pipeline the Salesforce sales process or HubSpot pipeline label, or null for the default
 * @param allowSkips whether records may skip stages (default false)
 * @param allowRegression whether records may move backwards, or null when the blueprint does not say (then a
 *     ruleset's {@code parameters.allowRegression} decides, else they may: {@link #regressionAllowed()})
 * @param stages the stages in order
 */
public record OpportunityLifecycle(String object, String pipeline, Boolean allowSkips, Boolean allowRegression, List<StageSpec> stages) {
    public OpportunityLifecycle {
        object = object == null ? "Opportunity" : object;
        allowSkips = allowSkips != null && allowSkips;
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** Whether records may move backwards: {@code allowRegression}, true when absent. */
    public boolean regressionAllowed() {
        return allowRegression == null || allowRegression;
    }
}
