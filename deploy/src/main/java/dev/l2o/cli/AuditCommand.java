package dev.l2o.cli;

import dev.l2o.app.AuditRequest;
import dev.l2o.app.AuditRun;
import dev.l2o.app.AuditService;
import dev.l2o.app.PreviousRun;
import dev.l2o.app.UserCache;
import dev.l2o.audit.AuditReport;
import dev.l2o.report.ReportContext;
import dev.l2o.report.ReportWriter;
import dev.l2o.report.ReportWriters;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code l2o audit}: fetch a source, compare it with a blueprint, compute metrics, write reports. */
@Command(name = "audit", mixinStandardHelpOptions = true, modelTransformer = ReportOutputOptions.OfferedFormats.class,
        description = {"Fetch a source, compare it with a blueprint, compute metrics, write reports.",
                "Report files go under --out (default l2o-report)."},
        footer = {"", "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or input error; "
                + "3 the audit is incomplete (the source could not be read fully)."})
final class AuditCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Option(names = "--blueprint", required = true, paramLabel = "B", description = "The blueprint file (YAML).")
    Path blueprint;

    @Mixin
    SourceOptions source = new SourceOptions();

    @Mixin
    ReportOutputOptions output = new ReportOutputOptions(ReportWriters.formats(), List.of("text", "json"), Path.of("l2o-report"));

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "error, warning, info or never (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Accepted findings (l2o baseline): only new findings fail.")
    Path baseline;

    @Option(names = "--ruleset", paramLabel = "FILE",
            description = "A ruleset file (kind: Ruleset) laid over the blueprint's ruleset: which rules run, their severities, parameters.")
    Path ruleset;

    @Option(names = "--as-of", paramLabel = "T", converter = AsOfConverter.class,
            description = "\"Now\" for time in stage and stale deals (ISO date or date-time); default: when the source was read.")
    Instant asOf;

    @Option(names = "--since-snapshot", paramLabel = "FILE",
            description = "The previous run's snapshot (l2o snapshot, or a kept run): a live source reads only what changed since it "
                    + "where it can prove the result equals a full read, else reads everything; the report says which.")
    Path sinceSnapshot;

    AuditCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        // A wrong --format is a usage error before any API call, not after a long fetch.
        List<ReportWriter> writers = output.formats().stream()
                .map(format -> ReportWriters.forFormat(format, environment.terminal()))
                .toList();
        AuditRequest request = new AuditRequest(blueprint, null, source.spec(environment.environment()), source.historyCsv,
                asOf, baseline, failOn.threshold(), sinceSnapshot == null ? null : PreviousRun.file(sinceSnapshot), ruleset);
        try (AuditRun run = new AuditService(Contexts.connectorContext(environment),
                UserCache.validatedBlueprints(environment.environment())).run(request)) {
            List<Path> files = output.write(renderings(writers, run.report(), ReportContext.of(failOn.threshold())), environment);
            files.forEach(file -> environment.err().println("l2o: wrote " + file));
            return ExitCode.of(run.verdict());
        }
    }

    /** The audit report in each of {@code writers}' formats; the demo writes its reports the same way. */
    static List<ReportOutputOptions.Rendering> renderings(List<ReportWriter> writers, AuditReport report, ReportContext context) {
        return writers.stream()
                .map(writer -> new ReportOutputOptions.Rendering(writer.format(), writer.defaultFileName(),
                        out -> writer.write(report, context, out)))
                .toList();
    }
}
