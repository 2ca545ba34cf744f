package dev.l2o.rules.builtin.pipeline;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.metrics.StageStat;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.RuleContext;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;

/** L2O-STALE-DEAL: open records in a stage longer than its {@code maxDaysInStage}, one finding per stage. */
public final class StaleDealRule extends DataRule {
    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("L2O-STALE-DEAL",
            "Open records stay in a stage longer than its time benchmark",
            "Open records have been in a stage longer than the stage's maxDaysInStage at the as-of time. "
                    + "Stalled deals inflate the pipeline and the forecast; one finding per stage counts them.",
            Dimension.PIPELINE, Severity.WARNING);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(Blueprint blueprint, StageMetrics metrics, StageAddresses addresses, RuleContext context) {
        for (StageStat stage : metrics.stages()) {
            if (!stage.mapped() || stage.openOverBenchmark() == 0) {
                continue;
            }
            long count = stage.openOverBenchmark();
            context.report(FindingDraft.of(DriftKind.THRESHOLD, addresses.subject(stage.stage()),
                            addresses.named(count + " open " + records(count) + " in " + stage.label() + " longer than "
                                    + stage.maxDaysInStage() + " days"))
                    .at(addresses.stage(stage.stage()))
                    .expectedActual("at most " + stage.maxDaysInStage() + " days in " + stage.label(),
                            count + " of " + stage.openStays() + " open " + records(stage.openStays()) + " over it")
                    .counted(count, stage.openOverBenchmarkExamples())
                    .declaredAt(addresses.declaration(stage.stage(), "stages")));
        }
    }

    static String records(long count) {
        return count == 1 ? "record" : "records";
    }
}
