package dev.l2o.cli;

import dev.l2o.app.DiffService;
import dev.l2o.connector.SourceSpec;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.report.DiffReport;
import dev.l2o.report.DiffWriter;
import dev.l2o.report.DiffWriters;
import dev.l2o.report.ReportContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code l2o diff OLD NEW}: what changed between two sources and, with a blueprint, which findings it adds or resolves. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "What changed between two sources (snapshots, SFDX folders, live orgs); with --blueprint, "
                + "which findings the change introduces and which it resolves.",
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

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text, json or md (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

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
        DiffWriter writer = DiffWriters.forFormat(format);
        ReportContext context = new ReportContext(failOn.threshold());
        DiffReport report = new DiffService(Contexts.connectorContext(environment))
                .diff(spec(before), spec(after), blueprint, asOf);
        if (out == null) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            render(writer, report, context, text);
            environment.out().print(text.toString(StandardCharsets.UTF_8));
            environment.out().flush();
        } else {
            ReportOutput.writeAtomically(out, stream -> render(writer, report, context, stream));
            environment.err().println("l2o: wrote " + out);
        }
        if (!report.complete()) {
            return ExitCode.INCOMPLETE;
        }
        return DiffWriters.fails(report, context) ? ExitCode.FINDINGS : ExitCode.OK;
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

    private static void render(DiffWriter writer, DiffReport report, ReportContext context, java.io.OutputStream stream) {
        try {
            writer.write(report, context, stream);
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, "cannot write the " + writer.format() + " diff: " + e.getMessage(), e);
        }
    }
}
