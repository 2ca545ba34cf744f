package dev.l2o.rules.builtin.lifecycle;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.model.Automation;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleContext;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;

/** {@code L2O-RENEWAL-INACTIVE}: the automation that creates renewal opportunities exists but does not run. */
public final class RenewalInactiveRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-RENEWAL-INACTIVE",
            "Renewal automation inactive",
            "The flow or workflow a renewal lifecycle names exists and creates opportunities (deals), but it is not "
                    + "active (a draft, an obsolete version or a disabled workflow), so no renewal opportunity is created.",
            Dimension.LIFECYCLE,
            Severity.ERROR);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        for (RenewalAutomation renewal : RenewalAutomation.of(blueprint, snapshot)) {
            if (renewal.creating().isEmpty() || renewal.creating().get().active()) {
                continue;
            }
            Automation automation = renewal.creating().get();
            String status = automation.attributes().getOrDefault("status", "inactive");
            context.report(FindingDraft.of(DriftKind.MISMATCH, automation.ref().address(),
                            "Lifecycle '" + renewal.lifecycle() + "': the renewal automation '" + automation.name()
                                    + "' is " + status + ", so it creates no renewal " + renewal.object() + ".")
                    .at(automation.ref())
                    .expectedActual("active", status)
                    .declaredAt(renewal.declaration()));
        }
    }
}
