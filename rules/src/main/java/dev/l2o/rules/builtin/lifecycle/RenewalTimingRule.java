package dev.l2o.rules.builtin.lifecycle;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.SourcePositions;
import dev.l2o.model.Automation;
import dev.l2o.model.ScheduledOffset;
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
 * {@code L2O-RENEWAL-TIMING}: the renewal automation's scheduled path (Salesforce) or delay (HubSpot) does not run
 * {@code daysBeforeContractEnd} days before contract end.
 */
public final class RenewalTimingRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-RENEWAL-TIMING",
            "Renewal automation runs at another time",
            "The automation that creates renewal opportunities waits for another time than the blueprint's "
                    + "daysBeforeContractEnd before contract end, or does not wait at all, so renewals start too early "
                    + "or too late for the designed renewal cycle.",
            Dimension.LIFECYCLE,
            Severity.WARNING);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        for (RenewalAutomation renewal : RenewalAutomation.of(blueprint, snapshot)) {
            if (renewal.creating().isEmpty()) {
                continue;
            }
            Automation automation = renewal.creating().get();
            List<ScheduledOffset> schedule = automation.schedule();
            if (renewal.timed(schedule)) {
                continue;
            }
            String actual = schedule.isEmpty() ? "no scheduled path or delay" : describe(schedule);
            context.report(FindingDraft.of(DriftKind.MISMATCH, automation.ref().address(),
                            "Lifecycle '" + renewal.lifecycle() + "': the renewal automation '" + automation.name()
                                    + "' runs " + actual + ", not " + renewal.expectedTiming() + ".")
                    .at(automation.ref())
                    .expectedActual(renewal.expectedTiming(), actual)
                    .declaredAt(SourcePositions.child(renewal.declaration(), "daysBeforeContractEnd")));
        }
    }

    private static String describe(List<ScheduledOffset> schedule) {
        return String.join(" and ", schedule.stream().map(offset -> {
            int sign = offset.days().signum();
            String days = offset.days().abs().toPlainString() + " days";
            String from = offset.field() == null ? "the triggering change" : offset.field();
            return sign == 0 ? "at " + from : days + (sign < 0 ? " before " : " after ") + from;
        }).toList());
    }
}
