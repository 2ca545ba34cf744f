package dev.l2o.rules.builtin.lifecycle;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleContext;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import dev.l2o.rules.builtin.support.Lifecycle;
import dev.l2o.rules.builtin.support.Subjects;

/**
 * {@code L2O-STAGE-MISSING}: a blueprint stage or lead status that the compared CRM pipeline lacks among its
 * active stages. When the only match is inactive or in another pipeline, {@code actual} says so.
 */
public final class StageMissingRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-STAGE-MISSING",
            "Blueprint stage missing from the CRM",
            "A stage of the blueprint's opportunity lifecycle, or a status of its lead lifecycle, has no stage "
                    + "in the CRM pipeline. A stage matches by its crm mapping when given, else by key or label, "
                    + "ignoring case.",
            Dimension.LIFECYCLE,
            Severity.ERROR);

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
            for (Lifecycle.Step step : lifecycle.steps()) {
                if (lifecycle.stage(step).isPresent()) {
                    continue;
                }
                String noun = lifecycle.kind().noun();
                String reason = lifecycle.unmappedReason(step).orElse(null);
                String message = "Blueprint " + noun + " '" + step.key() + "' has no " + (reason == null ? "" : "active ")
                        + noun + " '" + step.wantedName() + "' in the CRM pipeline '" + lifecycle.pipelineName() + "'"
                        + (reason == null ? "." : ": it is " + reason + ".");
                context.report(FindingDraft.of(DriftKind.MISSING,
                                Subjects.stage(lifecycle.pipeline(), step.wantedName()), lifecycle.named(message))
                        .at(lifecycle.pipeline().ref())
                        .expectedActual(step.wantedName(), reason)
                        .declaredAt(lifecycle.declaration(step)));
            }
        }
    }
}
