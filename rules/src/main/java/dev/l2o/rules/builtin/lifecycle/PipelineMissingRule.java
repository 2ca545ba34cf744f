package dev.l2o.rules.builtin.lifecycle;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.model.Pipeline;
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
import dev.l2o.rules.builtin.support.Texts;

/**
 * {@code L2O-PIPELINE-MISSING}: the CRM has no pipeline to compare a lifecycle with. Reported once per
 * lifecycle instead of one {@code L2O-STAGE-MISSING} per stage.
 */
public final class PipelineMissingRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-PIPELINE-MISSING",
            "Blueprint pipeline missing from the CRM",
            "The blueprint names a pipeline the CRM does not have, or the CRM has no default pipeline for the "
                    + "lifecycle's object. No stage of that lifecycle can be checked until the pipeline exists "
                    + "or the blueprint names an existing one.",
            Dimension.LIFECYCLE,
            Severity.ERROR);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        for (Lifecycle lifecycle : Lifecycle.of(blueprint, snapshot)) {
            if (lifecycle.pipeline() != null) {
                continue;
            }
            String wanted = lifecycle.wantedPipeline();
            String available = Texts.quotedList(lifecycle.candidates().stream().map(Pipeline::label).toList());
            String message = wanted != null
                    ? "The CRM has no " + lifecycle.object() + " pipeline '" + wanted + "'; it has " + available + "."
                    : "The CRM has no default " + lifecycle.object() + " pipeline to compare the blueprint's "
                            + lifecycle.kind().plural() + " with; it has " + available + ".";
            context.report(FindingDraft.of(DriftKind.MISSING,
                            Subjects.pipeline(snapshot, lifecycle.object(), wanted), lifecycle.named(message))
                    .expectedActual(wanted != null ? wanted : "a default pipeline", available)
                    .declaredAt(lifecycle.declaration()));
        }
    }
}
