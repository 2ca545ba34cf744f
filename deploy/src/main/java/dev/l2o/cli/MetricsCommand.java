package dev.l2o.cli;

import dev.l2o.app.FetchRequests;
import dev.l2o.app.OpenSource;
import dev.l2o.app.UserCache;
import dev.l2o.audit.Verdict;
import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintDraft;
import dev.l2o.blueprint.BlueprintLoader;
import dev.l2o.connector.FetchRequest;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.audit.Lifecycles;
import dev.l2o.history.OpportunityHistoryCsv;
import dev.l2o.metrics.EarlyHistoryRead;
import dev.l2o.metrics.LifecycleMetrics;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.metrics.StageMetricsCalculator;
import dev.l2o.rules.Ruleset;
import dev.l2o.report.JsonReportWriter;
import dev.l2o.report.TextReportWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code l2o metrics}: stage metrics only. */
@Command(name = "metrics", mixinStandardHelpOptions = true, modelTransformer = ReportOutputOptions.OfferedFormats.class,
        description = {"Stage metrics only: time in stage, conversion, win rate, sales cycle, velocity.",
                "Without --out, the one format goes to standard output; with it, files under --out (metrics.json)."},
        footer = {"", "Exit codes: 0 the metrics are complete; 2 usage or input error; 3 the source could not be read fully."})
final class MetricsCommand implements Callable<Integer> {
    private static final List<String> FORMATS = List.of("text", "json");

    private final CliEnvironment environment;

    @Mixin
    SourceOptions source = new SourceOptions();

    @Option(names = "--blueprint", paramLabel = "B",
            description = "Map CRM stages onto this blueprint's stages; without it every CRM stage is its own.")
    Path blueprint;

    @Option(names = "--as-of", paramLabel = "T", converter = AsOfConverter.class,
            description = "\"Now\" for open stays (ISO date or date-time); default: when the source was read.")
    Instant asOf;

    @Mixin
    ReportOutputOptions output = new ReportOutputOptions(FORMATS, List.of("text"), null);

    MetricsCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        List<String> formats = output.formats();
        formats.stream().filter(format -> !FORMATS.contains(format)).findFirst().ifPresent(format -> {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "unknown --format '" + format + "' for l2o metrics: use text or json");
        });
        // A history file's rows are read while the blueprint is loaded and the source fetched (both cores are idle for
        // much of that); the computation uses them when they are the rows it would read (EarlyHistoryRead). Without a
        // blueprint, the draft made from the source decides what is measured, after the fetch: nothing is read ahead.
        Path historyCsv = source.historyCsv;
        EarlyHistoryRead early = blueprint == null || historyCsv == null ? null
                : EarlyHistoryRead.start(() -> OpportunityHistoryCsv.open(historyCsv, historyCsv.toString()),
                        Optional.ofNullable(asOf));
        // the blueprint's ruleset parameters (staleDealDays) give the same benchmarks as in an audit
        // as in an audit, a blueprint validated before skips the schema and CEL checks, and the fetch leaves out what
        // CEL reads: metrics evaluate no expression, so this command never loads the CEL compiler for such a blueprint
        Blueprint given = blueprint == null ? null : effective(BlueprintLoader.load(blueprint,
                UserCache.validatedBlueprints(environment.environment())).blueprint());
        FetchRequest request = given == null ? FetchRequest.everything().withoutAutomations() : FetchRequests.forMetrics(given);
        try (OpenSource open = OpenSource.fetch(source.spec(environment.environment()), historyCsv, request,
                Contexts.connectorContext(environment))) {
            // Without a blueprint, the source's own draft maps every CRM stage onto itself.
            Blueprint effective = given != null ? given
                    : BlueprintDraft.of(open.snapshot(), "metrics").blueprint();
            LifecycleMetrics measured = StageMetricsCalculator.computeAll(effective, open.snapshot(),
                    asOf == null ? open.snapshot().asOf() : asOf, early);
            Lifecycles lifecycles = Lifecycles.of(effective, open.snapshot(), measured);
            output.write(formats.stream().map(format -> rendering(format, measured.primary(), lifecycles)).toList(), environment)
                    .forEach(file -> environment.err().println("l2o: wrote " + file));
            // Metrics judge nothing: only an incomplete source fails them.
            return ExitCode.of(Verdict.of(open.snapshot().completeness().complete(), List.of(), Optional.empty()));
        }
    }

    private static Blueprint effective(Blueprint loaded) {
        return Ruleset.of(loaded, Optional.empty()).applyTo(loaded);
    }

    private ReportOutputOptions.Rendering rendering(String format, StageMetrics metrics, Lifecycles lifecycles) {
        if (format.equals("json")) {
            return new ReportOutputOptions.Rendering(format, "metrics.json",
                    out -> out.write((JsonReportWriter.metricsJson(metrics, lifecycles) + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        return new ReportOutputOptions.Rendering(format, "metrics.txt", out -> TextReportWriter.writeMetrics(metrics, lifecycles,
                new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), environment.terminal()));
    }
}
