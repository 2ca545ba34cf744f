package dev.l2o.app;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.connector.FetchRequest;
import dev.l2o.rules.FetchPlan;

/** The connectors' request for a blueprint: its {@link FetchPlan}, which the rules derive. */
public final class FetchRequests {
    private FetchRequests() {}

    public static FetchRequest forBlueprint(Blueprint blueprint) {
        FetchPlan plan = FetchPlan.of(blueprint);
        return new FetchRequest(plan.objects(), plan.recordFields(), plan.history());
    }
}
