package dev.l2o.bench;

import dev.l2o.blueprint.Benchmarks;
import dev.l2o.history.OpportunityHistoryCsv;
import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintMetadata;
import dev.l2o.blueprint.ConversionTarget;
import dev.l2o.blueprint.CrmMapping;
import dev.l2o.blueprint.OpportunityLifecycle;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.metrics.StageMetricsCalculator;
import dev.l2o.metrics.StageStat;
import dev.l2o.model.Completeness;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import dev.l2o.model.StageHistory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * l2o's side of the benchmark: {@code java -Xmx256m dev.l2o.bench.L2oMetrics FILE} computes the stage
 * metrics of the file with the example blueprint's stages through {@link StageMetricsCalculator} and prints
 * {@link Figures} for an exact comparison with DuckDB's. {@code bench/run.sh} also times the whole
 * {@code l2o metrics --history-csv} command on the same file.
 */
public final class L2oMetrics {
    private L2oMetrics() {}

    public static void main(String[] args) {
        // with a second argument, the computation runs that many times in this JVM and each run's time is printed: the
        // last ones, on code the JIT has compiled, tell how much of a single run is the compiler's warm-up
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        StageMetrics metrics = null;
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            // The product's own reader (charset detection, header check, both export flavours), as l2o metrics uses it.
            StageHistory history = OpportunityHistoryCsv.open(Path.of(args[0]), args[0]);
            Snapshot snapshot = new Snapshot(new SourceInfo("sfdx", args[0], null), "salesforce", Instant.parse(Figures.AS_OF),
                    Completeness.full(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), history);
            metrics = StageMetricsCalculator.compute(exampleBlueprint(), snapshot, snapshot.asOf());
            long computed = System.nanoTime();
            Runtime runtime = Runtime.getRuntime();
            System.err.printf("l2o: run %d: %d rows, %d records, read+compute %.3f s, heap used at end %d MB%n", run,
                    metrics.rows(), metrics.records(), (computed - started) / 1e9,
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        }
        Figures figures = new Figures();
        for (StageStat stage : metrics.stages()) {
            if (stage.entered() > 0) {
                figures.stage(stage.crmStage(), stage.entered(), stage.completedStays(), stage.openStays(),
                        stage.meanDays(), stage.medianDays(), stage.p90Days());
            }
        }
        figures.totals(metrics.records(), metrics.winRate(), metrics.salesCycleMedianDays());
        figures.print(System.out);
    }

    /** The opportunity stages of the contract example blueprint (examples/northwind/blueprint.yaml). */
    static Blueprint exampleBlueprint() {
        List<StageSpec> stages = List.of(
                stage("discovery", "Qualification", 10, "Pipeline", false, false, 21),
                stage("evaluation", "Needs Analysis", 25, "Pipeline", false, false, 30),
                stage("selection", "Proposal/Price Quote", 50, "BestCase", false, false, 30),
                stage("commitment", "Negotiation/Review", 80, "Commit", false, false, 21),
                stage("won", "Closed Won", 100, "Closed", true, true, null),
                stage("lost", "Closed Lost", 0, "Omitted", true, false, null));
        return new Blueprint("l2o/v1", "Blueprint", new BlueprintMetadata("northwind-new-business", null, null), null,
                new OpportunityLifecycle("Opportunity", null, false, true, stages), null, null, null,
                new Benchmarks(List.of(new ConversionTarget("discovery", "won", 0.26))), null, null);
    }

    private static StageSpec stage(String key, String crm, double probability, String forecast, boolean closed,
            boolean won, Integer maxDays) {
        return new StageSpec(key, null, new CrmMapping(crm, null), probability, forecast, closed, won, null, null, maxDays);
    }
}
