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
import java.util.List;

/**
 * {@code L2O-RENEWAL-MISSING}: a renewal lifecycle's {@code renewal.automation} names no flow or workflow, active
 * or not, or none by that name creates records of the lifecycle's object.
 */
public final class RenewalMissingRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-RENEWAL-MISSING",
            "Renewal automation missing from the CRM",
            "A renewal lifecycle names the flow or workflow that creates the renewal opportunity before contract end, "
                    + "but the CRM has no automation by that name, or none by that name creates an opportunity (deal). "
                    + "Renewals then start only when someone remembers them.",
            Dimension.LIFECYCLE,
            Severity.ERROR);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        for (RenewalAutomation renewal : RenewalAutomation.of(blueprint, snapshot)) {
            if (renewal.creating().isPresent()) {
                continue;
            }
            String name = renewal.spec().automation();
            String expected = "a flow or workflow '" + name + "' that creates " + renewal.object();
            String actual;
            String message;
            if (renewal.named().isEmpty()) {
                actual = "none by that name";
                message = "The CRM has no flow or workflow '" + name + "' to create the renewal " + renewal.object() + ".";
            } else {
                List<String> created = renewal.named().stream().flatMap(a -> a.creates().stream()).distinct().toList();
                actual = created.isEmpty() ? "creates no records" : "creates " + String.join(", ", created);
                Automation first = renewal.named().get(0);
                message = "Automation '" + first.name() + "' exists but " + actual + ", not the renewal "
                        + renewal.object() + ".";
            }
            context.report(FindingDraft.of(DriftKind.MISSING, renewal.subject(snapshot),
                            "Lifecycle '" + renewal.lifecycle() + "': " + message)
                    .expectedActual(expected, actual)
                    .declaredAt(renewal.declaration()));
        }
    }
}
