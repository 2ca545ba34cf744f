package dev.l2o.cli;

import dev.l2o.app.AuditService;
import dev.l2o.app.Baseline;
import dev.l2o.app.BundledExamples;
import dev.l2o.app.OpenSource;
import dev.l2o.app.FetchRequests;
import dev.l2o.app.SimulatedSources;
import dev.l2o.app.TemporaryDirectory;
import dev.l2o.blueprint.BlueprintLoader;
import dev.l2o.blueprint.LoadedBlueprint;
import dev.l2o.connector.ConnectorContext;
import dev.l2o.audit.AuditReport;
import dev.l2o.report.ReportContext;
import dev.l2o.report.ReportWriters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code l2o demo}: the embedded default. Starts a simulated Salesforce org (Northwind, from the bundled SFDX
 * project) and a simulated HubSpot portal (Brightwave) on loopback, audits both over real HTTP with the real
 * connectors against their blueprints, and writes every report — no credentials, no network.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start simulated Salesforce and HubSpot orgs on loopback, audit them over HTTP with the real connectors, write reports.")
final class DemoCommand implements Callable<Integer> {
    /** The example data ends on this day: a fixed "now" keeps the demo's figures the same every day. */
    static final Instant DEMO_AS_OF = Instant.parse("2026-11-01T00:00:00Z");

    private final CliEnvironment environment;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "l2o-report", description = "Where reports go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--format", paramLabel = "F", description = "Report formats (default: all of them). Repeatable.")
    List<String> formats = ReportWriters.formats();

    DemoCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (TemporaryDirectory temporary = TemporaryDirectory.create("l2o-demo")) {
            Path work = temporary.path();
            Path northwind = BundledExamples.extract("northwind", work);
            Path brightwave = BundledExamples.extract("hubspot", work);
            int exit = ExitCode.OK;
            environment.err().println("l2o demo: 1/2 Northwind on a simulated Salesforce org (planted drift: examples/northwind/DRIFT.md)");
            try (SimulatedSources.Running org = SimulatedSources.salesforce(northwind, 0)) {
                exit = Math.max(exit, audit("northwind-salesforce", northwind.resolve("blueprint.yaml"), org, work));
            }
            environment.err().println("l2o demo: 2/2 Brightwave on a simulated HubSpot portal (planted drift: examples/hubspot/DRIFT.md)");
            try (SimulatedSources.Running portal = SimulatedSources.hubspot(brightwave.resolve("portal.json"), 0)) {
                exit = Math.max(exit, audit("brightwave-hubspot", brightwave.resolve("blueprint.yaml"), portal, work));
            }
            return exit;
        }
    }

    /** Audits one simulator; findings are the point of a demo, so only an incomplete audit fails it. */
    private int audit(String name, Path blueprint, SimulatedSources.Running simulator, Path work) {
        environment.err().println("l2o demo: auditing " + simulator.source().scheme() + " at " + simulator.url());
        ConnectorContext context = new ConnectorContext(Clock.systemUTC(), simulator.environment(), work,
                new ConsoleProgress(environment.err(), environment.terminal()));
        // Named as in the repository, not by the temporary folder the bundled copy was extracted to.
        LoadedBlueprint loaded = BlueprintLoader.parse(readString(blueprint),
                "examples/" + blueprint.getParent().getFileName() + "/" + blueprint.getFileName());
        AuditReport report;
        try (OpenSource source = OpenSource.fetch(simulator.source(), null, FetchRequests.forBlueprint(loaded.blueprint()), context)) {
            report = new AuditService(context).audit(loaded, source.snapshot(), DEMO_AS_OF, new Baseline(Set.of()));
        }
        List<Path> files = ReportOutput.write(report, ReportContext.DEFAULT, formats, out.resolve(name), environment);
        files.forEach(file -> environment.err().println("l2o demo: wrote " + file));
        environment.out().println();
        return report.complete() ? ExitCode.OK : ExitCode.INCOMPLETE;
    }

    private static String readString(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
