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
import java.util.Optional;

/**
 * {@code L2O-STAGE-CLOSED-FLAGS}: a mapped stage's closed or won flag differs from the blueprint (for lead
 * statuses: the converted flag).
 */
public final class StageClosedFlagsRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-STAGE-CLOSED-FLAGS",
            "Closed or won flags differ",
            "A CRM stage is closed or won where the blueprint stage mapped to it is not, or the other way round; "
                    + "for lead statuses the converted flag is compared. Win rates, sales cycles and forecasts "
                    + "count the wrong records until the flags agree.",
            Dimension.LIFECYCLE,
            Severity.ERROR);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        for (Lifecycle lifecycle : Lifecycle.of(blueprint, snapshot)) {
            for (Lifecycle.Step step : lifecycle.steps()) {
                Optional<Stage> found = lifecycle.stage(step);
                if (found.isEmpty()) {
                    continue;
                }
                Stage stage = found.get();
                String expected = switch (lifecycle.kind()) {
                    case OPPORTUNITY -> "closed=" + step.closed() + ", won=" + step.won();
                    case LEAD -> "converted=" + step.converted();
                };
                String actual = switch (lifecycle.kind()) {
                    case OPPORTUNITY -> "closed=" + stage.closed() + ", won=" + stage.won();
                    case LEAD -> "converted=" + stage.converted();
                };
                if (expected.equals(actual)) {
                    continue;
                }
                String message = "CRM " + lifecycle.kind().noun() + " '" + stage.label() + "' has " + actual
                        + " where blueprint " + lifecycle.kind().noun() + " '" + step.key() + "' has " + expected + ".";
                context.report(FindingDraft.of(DriftKind.MISMATCH, stage.ref().address(), lifecycle.named(message))
                        .at(stage.ref())
                        .expectedActual(expected, actual)
                        .declaredAt(lifecycle.declaration(step)));
            }
        }
    }
}
