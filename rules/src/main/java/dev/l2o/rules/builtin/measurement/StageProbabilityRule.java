package dev.l2o.rules.builtin.measurement;

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
import dev.l2o.rules.builtin.support.Texts;
import java.util.Optional;

/**
 * {@code L2O-STAGE-PROBABILITY}: a mapped stage's default probability differs from the blueprint's. Compares
 * the stage metadata, never record values (records may carry edited probabilities). A pipeline none of whose
 * stages has a probability is not compared: that CRM does not model it.
 */
public final class StageProbabilityRule implements Rule {
    private static final double TOLERANCE = 1e-6;

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-STAGE-PROBABILITY",
            "Stage probability differs",
            "The default probability of a CRM stage differs from the probability the blueprint designs for the "
                    + "stage mapped to it. Weighted pipeline and forecasts built on stage probabilities are off "
                    + "by the difference.",
            Dimension.MEASUREMENT,
            Severity.WARNING);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        for (Lifecycle lifecycle : Lifecycle.of(blueprint, snapshot)) {
            if (lifecycle.pipeline() == null
                    || lifecycle.pipeline().stages().stream().allMatch(s -> s.probability() == null)) {
                continue;
            }
            for (Lifecycle.Step step : lifecycle.steps()) {
                Optional<Stage> found = lifecycle.stage(step);
                if (step.probability() == null || found.isEmpty()) {
                    continue;
                }
                Stage stage = found.get();
                if (stage.probability() != null && Math.abs(stage.probability() - step.probability()) < TOLERANCE) {
                    continue;
                }
                String expected = Texts.number(step.probability());
                String actual = stage.probability() == null ? "none" : Texts.number(stage.probability());
                String message = "CRM stage '" + stage.label() + "' has probability " + actual
                        + " where blueprint stage '" + step.key() + "' designs " + expected + ".";
                context.report(FindingDraft.of(DriftKind.MISMATCH, stage.ref().address(), lifecycle.named(message))
                        .at(stage.ref())
                        .expectedActual(expected, actual)
                        .declaredAt(lifecycle.declaration(step)));
            }
        }
    }
}
