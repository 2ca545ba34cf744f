package dev.l2o.rules.builtin.pipeline;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.Lifecycle;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.metrics.StageTransition;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.RuleContext;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/** L2O-STAGE-SKIPPED: records that skipped blueprint stages while {@code allowSkips: false}, per stage pair. */
public final class StageSkippedRule extends DataRule {
    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("L2O-STAGE-SKIPPED",
            "Records skip blueprint stages",
            "Records moved forward past one or more open blueprint stages while the blueprint sets allowSkips to "
                    + "false, so the skipped stages' entry criteria were never applied. Moving to a lost stage "
                    + "is never a skip. One finding per pair of stages, with the number of records.",
            Dimension.PIPELINE, Severity.WARNING);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(Blueprint blueprint, StageMetrics metrics, StageAddresses addresses, RuleContext context) {
        if (addresses.lifecycle().allowSkips()) {
            return;
        }
        for (StageTransition skip : metrics.skips()) {
            List<String> skipped = skippedStages(addresses.lifecycle(), skip);
            context.report(FindingDraft.of(DriftKind.THRESHOLD, addresses.move(skip.from(), skip.to()),
                            addresses.named(skip.records() + " " + StaleDealRule.records(skip.records()) + " moved from "
                                    + addresses.label(skip.from()) + " to " + addresses.label(skip.to())
                                    + ", skipping " + String.join(", ", skipped)))
                    .at(addresses.stage(skip.to()))
                    .expectedActual("no skipped stages (allowSkips: false)", "skipped " + String.join(", ", skipped))
                    .counted(skip.records(), skip.examples())
                    .declaredAt(addresses.declaration(skip.from(), "allowSkips")));
        }
    }

    /** The open stages between the two, in blueprint order (for a won target: every open stage after the first). */
    private static List<String> skippedStages(Lifecycle lifecycle, StageTransition skip) {
        List<String> skipped = new ArrayList<>();
        boolean between = false;
        for (StageSpec stage : lifecycle.stages()) {
            if (stage.key().equals(skip.from())) {
                between = true;
            } else if (stage.key().equals(skip.to())) {
                between = false;
            } else if (between && !stage.closed()) {
                skipped.add(stage.displayName());
            }
        }
        return skipped;
    }
}
