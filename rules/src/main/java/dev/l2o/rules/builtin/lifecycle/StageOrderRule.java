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
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code L2O-STAGE-ORDER}: the CRM orders the mapped stages differently from the blueprint. Only the relative
 * order of mapped stages counts; missing and undeclared stages have their own rules. One finding per pipeline.
 */
public final class StageOrderRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-STAGE-ORDER",
            "CRM stage order differs from the blueprint",
            "The stages the blueprint maps appear in another order in the CRM pipeline than in the blueprint. "
                    + "Only the relative order of mapped stages is compared.",
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
            // Two blueprint stages mapped to one CRM stage count once, where the first of them is.
            List<Stage> designed = List.copyOf(new LinkedHashSet<>(lifecycle.byKey().values()));
            List<Stage> actual = designed.stream().sorted(Comparator.comparingInt(Stage::order)).toList();
            if (designed.equals(actual)) {
                continue;
            }
            String expected = names(designed);
            String found = names(actual);
            String message = "The CRM pipeline '" + lifecycle.pipelineName() + "' orders the blueprint's "
                    + lifecycle.kind().plural() + " as " + found + " instead of " + expected + ".";
            context.report(FindingDraft.of(DriftKind.MISMATCH, lifecycle.pipeline().ref().address(), lifecycle.named(message))
                    .at(lifecycle.pipeline().ref())
                    .expectedActual(expected, found)
                    .declaredAt(lifecycle.declaration()));
        }
    }

    private static String names(List<Stage> stages) {
        return String.join(" > ", stages.stream().map(Stage::apiName).toList());
    }
}
