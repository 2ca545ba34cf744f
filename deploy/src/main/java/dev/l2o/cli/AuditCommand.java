package dev.l2o.cli;

import dev.l2o.app.AuditRequest;
import dev.l2o.app.AuditService;
import dev.l2o.audit.AuditReport;
import dev.l2o.report.ReportWriters;
import dev.l2o.report.ReportContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code l2o audit}: fetch a source, compare it with a blueprint, compute metrics, write reports. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Fetch a source, compare it with a blueprint, compute metrics, write reports.",
        footer = {"", "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or input error; "
                + "3 the audit is incomplete (the source could not be read fully)."})
final class AuditCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Option(names = "--blueprint", required = true, paramLabel = "B", description = "The blueprint file (YAML).")
    Path blueprint;

    @Mixin
    SourceOptions source = new SourceOptions();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "l2o-report", description = "Where report files go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--format", paramLabel = "F", completionCandidates = ReportWriters.Formats.class,
            description = "One of ${COMPLETION-CANDIDATES}: text to stdout, the others to files under --out. Repeatable. "
                    + "Default: text and json.")
    List<String> formats = List.of();

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "error, warning, info or never (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Accepted findings (l2o baseline): only new findings fail.")
    Path baseline;

    @Option(names = "--as-of", paramLabel = "T", converter = AsOfConverter.class,
            description = "\"Now\" for time in stage and stale deals (ISO date or date-time); default: when the source was read.")
    Instant asOf;

    AuditCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        // A wrong --format is a usage error before any API call, not after a long fetch.
        formats.forEach(format -> ReportWriters.forFormat(format, false));
        AuditService service = new AuditService(Contexts.connectorContext(environment));
        AuditReport report = service.audit(new AuditRequest(blueprint, source.spec(environment.environment()),
                source.historyCsv, asOf, baseline));
        List<Path> files = ReportOutput.write(report, new ReportContext(failOn.threshold()), formats, out, environment);
        files.forEach(file -> environment.err().println("l2o: wrote " + file));
        return exitCode(report, failOn);
    }

    static int exitCode(AuditReport report, FailOn failOn) {
        if (!report.complete()) {
            return ExitCode.INCOMPLETE;
        }
        if (failOn.threshold() != null && report.countAtLeast(failOn.threshold()) > 0) {
            return ExitCode.FINDINGS;
        }
        return ExitCode.OK;
    }
}
