package dev.l2o.cli;

import dev.l2o.app.FetchRequests;
import dev.l2o.app.OpenSource;
import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintDraft;
import dev.l2o.blueprint.BlueprintLoader;
import dev.l2o.connector.FetchRequest;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.metrics.StageMetricsCalculator;
import dev.l2o.report.JsonReportWriter;
import dev.l2o.report.TextReportWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code l2o metrics}: stage metrics only. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Stage metrics only: time in stage, conversion, win rate, sales cycle, velocity.")
final class MetricsCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin
    SourceOptions source = new SourceOptions();

    @Option(names = "--blueprint", paramLabel = "B",
            description = "Map CRM stages onto this blueprint's stages; without it every CRM stage is its own.")
    Path blueprint;

    @Option(names = "--as-of", paramLabel = "T", converter = AsOfConverter.class,
            description = "\"Now\" for open stays (ISO date or date-time); default: when the source was read.")
    Instant asOf;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    MetricsCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new dev.l2o.error.L2oException(dev.l2o.error.ErrorCode.BAD_ARGUMENT, "unknown --format '" + format + "': use text or json");
        }
        Blueprint given = blueprint == null ? null : BlueprintLoader.load(blueprint).blueprint();
        FetchRequest request = given == null ? FetchRequest.everything() : FetchRequests.forBlueprint(given);
        try (OpenSource open = OpenSource.fetch(source.spec(environment.environment()), source.historyCsv, request,
                Contexts.connectorContext(environment))) {
            // Without a blueprint, the source's own draft maps every CRM stage onto itself.
            Blueprint effective = given != null ? given
                    : BlueprintDraft.of(open.snapshot(), "metrics").blueprint();
            StageMetrics metrics = StageMetricsCalculator.compute(effective, open.snapshot(),
                    asOf == null ? open.snapshot().asOf() : asOf);
            if (format.equals("json")) {
                environment.out().println(JsonReportWriter.metricsJson(metrics));
            } else {
                TextReportWriter.writeMetrics(metrics, environment.out(), environment.terminal());
            }
            environment.out().flush();
            return open.snapshot().completeness().complete() ? ExitCode.OK : ExitCode.INCOMPLETE;
        }
    }
}
