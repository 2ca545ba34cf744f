package dev.l2o.app;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.connector.FetchRequest;
import dev.l2o.rules.FetchPlan;

/** The connectors' request for a blueprint: its {@link FetchPlan}, which the rules derive. */
public final class FetchRequests {
    private FetchRequests() {}

    public static FetchRequest forBlueprint(Blueprint blueprint) {
        return request(FetchPlan.of(blueprint));
    }

    /** The request of {@code l2o metrics}: {@link FetchPlan#forMetrics}. */
    public static FetchRequest forMetrics(Blueprint blueprint) {
        return request(FetchPlan.forMetrics(blueprint));
    }

    private static FetchRequest request(FetchPlan plan) {
        return new FetchRequest(plan.objects(), plan.recordFields(), plan.history(), plan.automations());
    }
}
