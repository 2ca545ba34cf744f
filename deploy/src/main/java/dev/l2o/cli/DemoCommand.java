package dev.l2o.cli;

import dev.l2o.app.AuditRequest;
import dev.l2o.app.AuditRun;
import dev.l2o.app.AuditService;
import dev.l2o.app.BundledExamples;
import dev.l2o.app.SimulatedSources;
import dev.l2o.app.TemporaryDirectory;
import dev.l2o.connector.ConnectorContext;
import dev.l2o.report.ReportContext;
import dev.l2o.report.ReportWriter;
import dev.l2o.report.ReportWriters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code l2o demo}: the embedded default. Starts a simulated Salesforce org (Northwind, from the bundled SFDX
 * project) and a simulated HubSpot portal (Brightwave) on loopback, audits both over real HTTP with the real
 * connectors against their blueprints, and writes every report — no credentials, no network.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, modelTransformer = ReportOutputOptions.OfferedFormats.class,
        description = "Start simulated Salesforce and HubSpot orgs on loopback, audit them over HTTP with the real connectors, write reports.")
final class DemoCommand implements Callable<Integer> {
    /** The example data ends on this day: a fixed "now" keeps the demo's figures the same every day. */
    static final Instant DEMO_AS_OF = Instant.parse("2026-11-01T00:00:00Z");

    private final CliEnvironment environment;

    @Mixin
    ReportOutputOptions output = new ReportOutputOptions(ReportWriters.formats(), ReportWriters.formats(), Path.of("l2o-report"));

    DemoCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        List<ReportWriter> writers = output.formats().stream()
                .map(format -> ReportWriters.forFormat(format, environment.terminal()))
                .toList();
        try (TemporaryDirectory temporary = TemporaryDirectory.create("l2o-demo")) {
            Path work = temporary.path();
            Path northwind = BundledExamples.extract("northwind", work);
            Path brightwave = BundledExamples.extract("hubspot", work);
            int exit = ExitCode.OK;
            environment.err().println("l2o demo: 1/2 Northwind on a simulated Salesforce org (planted drift: examples/northwind/DRIFT.md)");
            try (SimulatedSources.Running org = SimulatedSources.salesforce(northwind, 0)) {
                exit = Math.max(exit, audit("northwind-salesforce", northwind.resolve("blueprint.yaml"), org, work, writers));
            }
            environment.err().println("l2o demo: 2/2 Brightwave on a simulated HubSpot portal (planted drift: examples/hubspot/DRIFT.md)");
            try (SimulatedSources.Running portal = SimulatedSources.hubspot(brightwave.resolve("portal.json"), 0)) {
                exit = Math.max(exit, audit("brightwave-hubspot", brightwave.resolve("blueprint.yaml"), portal, work, writers));
            }
            return exit;
        }
    }

    /** Audits one simulator; findings are the point of a demo, so only an incomplete audit fails it. */
    private int audit(String name, Path blueprint, SimulatedSources.Running simulator, Path work, List<ReportWriter> writers) {
        environment.err().println("l2o demo: auditing " + simulator.source().scheme() + " at " + simulator.url());
        ConnectorContext context = new ConnectorContext(Clock.systemUTC(), simulator.environment(), work,
                new ConsoleProgress(environment.err(), environment.terminal()));
        // Named as in the repository, not by the temporary folder the bundled copy was extracted to.
        AuditRequest request = new AuditRequest(blueprint,
                "examples/" + blueprint.getParent().getFileName() + "/" + blueprint.getFileName(), simulator.source(),
                null, DEMO_AS_OF, null, ReportContext.DEFAULT.threshold());
        try (AuditRun run = new AuditService(context).run(request)) {
            List<Path> files = output.inFolder(name)
                    .write(AuditCommand.renderings(writers, run.report(), ReportContext.DEFAULT), environment);
            files.forEach(file -> environment.err().println("l2o demo: wrote " + file));
            environment.out().println();
            return switch (run.verdict()) {
                case PASSED, FINDINGS -> ExitCode.OK;
                case INCOMPLETE -> ExitCode.INCOMPLETE;
            };
        }
    }
}
