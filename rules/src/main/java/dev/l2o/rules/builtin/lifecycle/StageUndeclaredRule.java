package dev.l2o.rules.builtin.lifecycle;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleContext;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import dev.l2o.rules.builtin.support.Lifecycle;
import java.util.Collection;

/** {@code L2O-STAGE-UNDECLARED}: an active stage of the compared CRM pipeline that no blueprint stage maps. */
public final class StageUndeclaredRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-STAGE-UNDECLARED",
            "CRM stage not in the blueprint",
            "An active stage of the CRM pipeline that the blueprint compares with is not mapped by any blueprint "
                    + "stage or lead status. Records can sit in a stage the architecture does not know. Inactive "
                    + "stages are ignored.",
            Dimension.LIFECYCLE,
            Severity.WARNING);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        for (Lifecycle lifecycle : Lifecycle.of(blueprint, snapshot)) {
            if (lifecycle.pipeline() == null) {
                continue;
            }
            Collection<Stage> mapped = lifecycle.byKey().values();
            for (Stage stage : lifecycle.pipeline().activeStages()) {
                if (mapped.contains(stage)) {
                    continue;
                }
                String noun = lifecycle.kind().noun();
                String message = "CRM " + noun + " '" + stage.label() + "' of pipeline '" + lifecycle.pipelineName()
                        + "' is active but no blueprint " + noun + " maps to it.";
                context.report(FindingDraft.of(DriftKind.UNDECLARED, stage.ref().address(), lifecycle.named(message))
                        .at(stage.ref())
                        .expectedActual(null, stage.apiName())
                        .declaredAt(lifecycle.declaration()));
            }
        }
    }
}
