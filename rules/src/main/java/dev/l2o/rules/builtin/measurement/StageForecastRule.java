package dev.l2o.rules.builtin.measurement;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.model.ForecastCategory;
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
 * {@code L2O-STAGE-FORECAST}: a mapped stage's forecast category differs from the blueprint's. Compares the
 * stage metadata, never records; Salesforce's API value {@code Forecast} is the blueprint's {@code Commit}. A
 * pipeline none of whose stages has a forecast category (HubSpot) is not compared.
 */
public final class StageForecastRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-STAGE-FORECAST",
            "Stage forecast category differs",
            "The forecast category of a CRM stage differs from the category the blueprint designs for the stage "
                    + "mapped to it. Salesforce's API value Forecast counts as Commit. Forecast roll-ups put "
                    + "these records in the wrong column.",
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
                    || lifecycle.pipeline().stages().stream().allMatch(s -> s.forecastCategory() == null)) {
                continue;
            }
            for (Lifecycle.Step step : lifecycle.steps()) {
                Optional<ForecastCategory> designed = ForecastCategory.parse(step.forecastCategory());
                Optional<Stage> found = lifecycle.stage(step);
                if (designed.isEmpty() || found.isEmpty()) {
                    continue;
                }
                Stage stage = found.get();
                if (designed.get() == stage.forecastCategory()) {
                    continue;
                }
                String expected = designed.get().blueprintName();
                String actual = stage.forecastCategory() == null ? "none" : stage.forecastCategory().blueprintName();
                String message = "CRM stage '" + stage.label() + "' has forecast category " + actual
                        + " where blueprint stage '" + step.key() + "' designs " + expected + ".";
                context.report(FindingDraft.of(DriftKind.MISMATCH, stage.ref().address(), lifecycle.named(message))
                        .at(stage.ref())
                        .expectedActual(expected, actual)
                        .declaredAt(lifecycle.declaration(step)));
            }
        }
    }
}
