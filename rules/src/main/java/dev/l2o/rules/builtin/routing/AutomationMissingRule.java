package dev.l2o.rules.builtin.routing;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintPointers;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleContext;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;

/** {@code L2O-AUTOMATION-MISSING}: an automation the blueprint declares does not exist in the CRM. */
public final class AutomationMissingRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-AUTOMATION-MISSING",
            "Declared automation missing from the CRM",
            "A flow, workflow rule, validation rule or assignment rule that the blueprint declares under "
                    + "automation does not exist in the CRM with that kind, object and name.",
            Dimension.ROUTING,
            Severity.ERROR);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        for (DeclaredAutomation declared : DeclaredAutomation.of(blueprint.automation(), snapshot)) {
            if (!declared.candidates().isEmpty()) {
                continue;
            }
            String what = declared.spec().kind() + " " + declared.spec().name();
            String message = "The blueprint declares the " + what
                    + (declared.spec().object() == null ? "" : " on " + declared.spec().object())
                    + ", which does not exist in the CRM.";
            context.report(FindingDraft.of(DriftKind.MISSING, declared.subject(snapshot), message)
                    .expectedActual(what, null)
                    .declaredAt(BlueprintPointers.automation(blueprint, declared.spec().name())));
        }
    }
}
