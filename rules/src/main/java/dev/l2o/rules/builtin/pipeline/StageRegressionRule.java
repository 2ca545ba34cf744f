package dev.l2o.rules.builtin.pipeline;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.metrics.StageTransition;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.RuleContext;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;

/** L2O-STAGE-REGRESSION: records that moved backwards while {@code allowRegression: false}, per stage pair. */
public final class StageRegressionRule extends DataRule {
    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("L2O-STAGE-REGRESSION",
            "Records move backwards through the stages",
            "Records moved back to an earlier blueprint stage, or were reopened from a closed stage, while the "
                    + "blueprint sets allowRegression to false. One finding per pair of stages, with the number "
                    + "of records.",
            Dimension.PIPELINE, Severity.INFO);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(Blueprint blueprint, StageMetrics metrics, StageAddresses addresses, RuleContext context) {
        if (addresses.lifecycle().regressionAllowed()) {
            return;
        }
        for (StageTransition regression : metrics.regressions()) {
            context.report(FindingDraft.of(DriftKind.THRESHOLD, addresses.move(regression.from(), regression.to()),
                            addresses.named(regression.records() + " " + StaleDealRule.records(regression.records())
                                    + " moved back from " + addresses.label(regression.from()) + " to "
                                    + addresses.label(regression.to())))
                    .at(addresses.stage(regression.to()))
                    .expectedActual("forward moves only (allowRegression: false)",
                            addresses.label(regression.from()) + " to " + addresses.label(regression.to()))
                    .counted(regression.records(), regression.examples())
                    .declaredAt(addresses.declaration("allowRegression")));
        }
    }
}
