package dev.l2o.rules.builtin.pipeline;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.RuleContext;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import java.time.ZoneOffset;

/** L2O-CLOSE-DATE-PAST: open records whose close date is before the as-of date. */
public final class CloseDatePastRule extends DataRule {
    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("L2O-CLOSE-DATE-PAST",
            "Open records have a close date in the past",
            "Open records have a close date before the as-of date (UTC): the record's current close date, else "
                    + "the one on its latest history row. Past-due close dates make the forecast unreliable.",
            Dimension.PIPELINE, Severity.WARNING);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(Blueprint blueprint, StageMetrics metrics, StageAddresses addresses, RuleContext context) {
        long count = metrics.pastCloseDates().count();
        if (count == 0) {
            return;
        }
        String asOfDate = metrics.asOf().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        context.report(FindingDraft.of(DriftKind.THRESHOLD, addresses.closeDateSubject(),
                        addresses.named(count + " open " + StaleDealRule.records(count) + " have a close date before " + asOfDate))
                .at(addresses.closeDate())
                .expectedActual("close dates on or after " + asOfDate + " for open records",
                        count + " of " + metrics.openRecords() + " open " + StaleDealRule.records(metrics.openRecords())
                                + " past due")
                .counted(count, metrics.pastCloseDates().examples()));
    }
}
