package dev.l2o.blueprint;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One entry of {@code lifecycles}: an opportunity (deal) lifecycle beside {@code opportunityLifecycle}, with its
 * own pipeline, such as renewals or expansion.
 *
 * @param name unique name, used in findings and reports
 * @param motion which part of the bowtie it serves
 * @param object the object (default {@code Opportunity}; HubSpot: {@code deals})
 * @param pipeline the Salesforce sales process or record type, or HubSpot pipeline label or id; null for the default
 * @param allowSkips whether records may skip stages (default false)
 * @param allowRegression whether records may move backwards, or null when the blueprint does not say
 * @param stages the stages in order
 * @param renewal how renewal opportunities are created, or null (only for {@link Motion#RENEWAL})
 */
public record Lifecycle(
        String name,
        Motion motion,
        String object,
        String pipeline,
        Boolean allowSkips,
        Boolean allowRegression,
        List<StageSpec> stages,
        RenewalSpec renewal) {
    /** The name of {@code opportunityLifecycle} among the blueprint's lifecycles ({@link Blueprint#allLifecycles}). */
    public static final String OPPORTUNITY_LIFECYCLE = "opportunityLifecycle";

    public Lifecycle {
        requireNonNull(name, "name is null");
        requireNonNull(motion, "motion is null");
        object = object == null ? "Opportunity" : object;
        allowSkips = allowSkips != null && allowSkips;
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** {@code opportunityLifecycle} as a lifecycle: the new-business one, named {@value #OPPORTUNITY_LIFECYCLE}. */
    public static Lifecycle of(OpportunityLifecycle lifecycle) {
        return new Lifecycle(OPPORTUNITY_LIFECYCLE, Motion.NEW_BUSINESS, lifecycle.object(), lifecycle.pipeline(),
                lifecycle.allowSkips(), lifecycle.allowRegression(), lifecycle.stages(), null);
    }

    /** Whether this is the blueprint's {@code opportunityLifecycle}. */
    public boolean primary() {
        // the loader reserves the name, so no entry of lifecycles carries it
        return name.equals(OPPORTUNITY_LIFECYCLE);
    }

    /** Whether records may move backwards: {@code allowRegression}, true when absent. */
    public boolean regressionAllowed() {
        return allowRegression == null || allowRegression;
    }

    /** The same lifecycle with other stages (a ruleset's parameters complete them). */
    public Lifecycle withStages(List<StageSpec> completed, Boolean regression) {
        return new Lifecycle(name, motion, object, pipeline, allowSkips, regression, completed, renewal);
    }
}
