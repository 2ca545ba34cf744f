package dev.l2o.rules.builtin.measurement;

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
import dev.l2o.rules.builtin.support.Subjects;

/** {@code L2O-HISTORY-UNTRACKED}: the source has no stage history, so time in stage cannot be measured. */
public final class HistoryUntrackedRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-HISTORY-UNTRACKED",
            "Stage history unavailable",
            "The source holds no stage history for the opportunity lifecycle, so time in stage, stalled deals, "
                    + "skipped stages and conversion cannot be measured. For an SFDX source add "
                    + "data/OpportunityHistory.csv or pass --history-csv.",
            Dimension.MEASUREMENT,
            Severity.WARNING);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        if (snapshot.history() != null || blueprint.opportunityLifecycle() == null) {
            return;
        }
        String object = blueprint.opportunityLifecycle().object();
        context.report(FindingDraft.of(DriftKind.MISSING, Subjects.history(snapshot, object),
                        "The source has no " + object + " stage history, so time in stage cannot be measured.")
                .expectedActual("stage history", "none")
                .declaredAt(BlueprintPointers.section("opportunityLifecycle")));
    }
}
