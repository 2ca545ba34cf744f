package dev.l2o.rules.builtin.pipeline;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintPointers;
import dev.l2o.metrics.Conversion;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.RuleContext;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import java.util.Locale;

/** L2O-CONVERSION-BELOW-TARGET: a measured conversion below its {@code benchmarks.conversion} target. */
public final class ConversionBelowTargetRule extends DataRule {
    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("L2O-CONVERSION-BELOW-TARGET",
            "Measured conversion is below its target",
            "Of the records that reached a stage (or leads that reached a status), a smaller share went on to the "
                    + "target stage or status than the blueprint's benchmarks.conversion target. Lead status targets "
                    + "are measured when the source has lead status history; targets that cannot be measured are "
                    + "skipped.",
            Dimension.MEASUREMENT, Severity.WARNING);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(Blueprint blueprint, StageMetrics metrics, StageAddresses addresses, RuleContext context) {
        for (Conversion conversion : metrics.conversions()) {
            if (!conversion.belowTarget()) {
                continue;
            }
            String measured = percent(conversion.rate()) + " (" + conversion.converted() + " of " + conversion.reached() + ")";
            context.report(FindingDraft.of(DriftKind.THRESHOLD, addresses.move(conversion.from(), conversion.to()),
                            addresses.named("Conversion from " + addresses.label(conversion.from()) + " to "
                                    + addresses.label(conversion.to()) + " is " + measured + ", below the target of "
                                    + percent(conversion.target())))
                    .at(addresses.stage(conversion.from()))
                    .expectedActual("at least " + percent(conversion.target()), measured)
                    .counted(conversion.reached(), conversion.notConvertedExamples())
                    .declaredAt(BlueprintPointers.conversion(blueprint, conversion.from(), conversion.to())
                            .orElse(BlueprintPointers.section("benchmarks", "conversion"))));
        }
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }
}
