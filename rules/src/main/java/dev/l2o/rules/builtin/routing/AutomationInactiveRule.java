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

/**
 * {@code L2O-AUTOMATION-INACTIVE}: an automation the blueprint declares with {@code mustBeActive} (the default)
 * exists, but no matching version of it is active.
 */
public final class AutomationInactiveRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-AUTOMATION-INACTIVE",
            "Declared automation inactive",
            "An automation that the blueprint declares with mustBeActive exists in the CRM but is not active, so "
                    + "it enforces or routes nothing.",
            Dimension.ROUTING,
            Severity.ERROR);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        for (DeclaredAutomation declared : DeclaredAutomation.of(blueprint.automation(), snapshot)) {
            if (!declared.spec().mustBeActive() || declared.candidates().isEmpty()
                    || declared.candidates().stream().anyMatch(DeclaredAutomation.Candidate::active)) {
                continue;
            }
            DeclaredAutomation.Candidate first = declared.candidates().get(0);
            String message = "The " + declared.spec().kind() + " " + first.name()
                    + " exists but is inactive, and the blueprint says it must be active.";
            context.report(FindingDraft.of(DriftKind.MISMATCH, declared.subject(snapshot), message)
                    .at(first.ref())
                    .expectedActual("active", "inactive")
                    .declaredAt(BlueprintPointers.automation(blueprint, declared.spec().name())));
        }
    }
}
