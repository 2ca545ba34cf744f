package dev.l2o.cli;

import dev.l2o.app.AuditRequest;
import dev.l2o.app.AuditService;
import dev.l2o.app.BundledExamples;
import dev.l2o.connector.SourceSpec;
import dev.l2o.report.AuditReport;
import dev.l2o.report.ReportContext;
import dev.l2o.report.ReportWriters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code l2o demo}: audits the bundled example org of Northwind (a fictional B2B SaaS company) against its
 * blueprint and writes every report, so a newcomer sees l2o work without credentials.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Audit the bundled example org (Northwind, with planted drift) and write its reports.")
final class DemoCommand implements Callable<Integer> {
    /** The example data ends on this day: a fixed "now" keeps the demo's figures the same every day. */
    static final Instant DEMO_AS_OF = Instant.parse("2026-11-01T00:00:00Z");

    private final CliEnvironment environment;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "l2o-report", description = "Where reports go (default: ${DEFAULT-VALUE}).")
    Path out;

    DemoCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Path work = temporaryDirectory();
        try {
            Path org = BundledExamples.extract("northwind", work);
            environment.err().println("l2o demo: auditing the Northwind example org (SFDX project, "
                    + "planted drift listed in examples/northwind/DRIFT.md) against its blueprint");
            AuditReport report = new AuditService(Contexts.connectorContext(environment)).audit(new AuditRequest(
                    org.resolve("blueprint.yaml"), new SourceSpec("sfdx", org.toString(), Map.of()), null, DEMO_AS_OF, null));
            List<Path> files = ReportOutput.write(report, ReportContext.DEFAULT, ReportWriters.formats(),
                    out.resolve("northwind"), environment);
            files.forEach(file -> environment.err().println("l2o demo: wrote " + file));
            return report.complete() ? ExitCode.OK : ExitCode.INCOMPLETE;
        } finally {
            deleteRecursively(work);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("l2o-demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless; the demo's result stands.
        }
    }
}
