package dev.l2o.cli;

import dev.l2o.app.DiffService;
import dev.l2o.connector.SourceSpec;
import dev.l2o.report.DiffReport;
import dev.l2o.report.DiffWriter;
import dev.l2o.report.DiffWriters;
import dev.l2o.report.ReportContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code l2o diff OLD NEW}: what changed between two sources and, with a blueprint, which findings it adds or resolves. */
@Command(name = "diff", mixinStandardHelpOptions = true, modelTransformer = ReportOutputOptions.OfferedFormats.class,
        description = {"What changed between two sources (snapshots, SFDX folders, live orgs); with --blueprint, "
                + "which findings the change introduces and which it resolves.",
                "Without --out, the one format goes to standard output; with it, files under --out (diff.json, diff.md)."},
        footer = {"", "Exit codes: 0 the change introduces nothing at or above --fail-on; 1 it does; 2 usage or input error; "
                + "3 a source could not be read fully."})
final class DiffCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Parameters(index = "0", paramLabel = "OLD", description = "The older source: snapshot:FILE, sfdx:PATH, salesforce or hubspot.")
    String before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The newer source, in the same forms.")
    String after;

    @Option(names = "--blueprint", paramLabel = "B", description = "Audit both sources with this blueprint and compare the findings.")
    Path blueprint;

    @Mixin
    ReportOutputOptions output = new ReportOutputOptions(DiffWriters.formats(), List.of("text"), null);

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "error, warning, info or never (default: ${DEFAULT-VALUE}): fail when the change introduces a finding at or above it.")
    FailOn failOn;

    @Option(names = "--as-of", paramLabel = "T", converter = AsOfConverter.class,
            description = "\"Now\" for both audits (ISO date or date-time); default: when each source was read.")
    Instant asOf;

    DiffCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        List<DiffWriter> writers = output.formats().stream().map(DiffWriters::forFormat).toList();
        ReportContext context = ReportContext.of(failOn.threshold());
        DiffReport report = new DiffService(Contexts.connectorContext(environment))
                .diff(spec(before), spec(after), blueprint, asOf);
        List<ReportOutputOptions.Rendering> renderings = writers.stream()
                .map(writer -> new ReportOutputOptions.Rendering(writer.format(), writer.defaultFileName(),
                        out -> writer.write(report, context, out)))
                .toList();
        output.write(renderings, environment).forEach(file -> environment.err().println("l2o: wrote " + file));
        return ExitCode.of(context.verdict(report));
    }

    /** A source with the Salesforce options of the environment, as {@code --source} gets them. */
    private SourceSpec spec(String text) {
        Map<String, String> options = new TreeMap<>();
        String instanceUrl = environment.environment().get("SF_INSTANCE_URL");
        String loginUrl = environment.environment().get("SF_LOGIN_URL");
        if (instanceUrl != null && !instanceUrl.isBlank()) {
            options.put("instanceUrl", instanceUrl);
        }
        if (loginUrl != null && !loginUrl.isBlank()) {
            options.put("loginUrl", loginUrl);
        }
        return SourceSpec.parse(text, options);
    }
}
