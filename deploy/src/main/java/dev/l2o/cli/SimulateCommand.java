package dev.l2o.cli;

import dev.l2o.app.BundledExamples;
import dev.l2o.app.SimulatedSources;
import dev.l2o.app.TemporaryDirectory;
import dev.l2o.connector.SourceSpec;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.Crm;
import dev.l2o.salesforce.simulator.OrgSizes;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code l2o simulate salesforce|hubspot}: serves a simulated org or portal on loopback until stopped. The
 * first line printed is its base URL; it accepts any credentials, so any audit can point at it.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Serve a simulated Salesforce org or HubSpot portal on loopback until stopped; prints its base URL first.")
final class SimulateCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Parameters(index = "0", paramLabel = "KIND", description = "salesforce or hubspot.")
    String kind;

    @Option(names = "--from", paramLabel = "SOURCE",
            description = "salesforce: sfdx:PATH (default: the bundled Northwind org); hubspot: a portal description file "
                    + "(default: the bundled Brightwave portal).")
    String from;

    @Option(names = "--generate", paramLabel = "N",
            description = "Generate instead: N opportunity history rows (salesforce) or N deals (hubspot).")
    Integer generate;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED", description = "Seed for --generate (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--port", defaultValue = "0", paramLabel = "N", description = "Loopback port (default: any free port).")
    int port;

    SimulateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        Crm crm = Crm.of(kind).orElseThrow(
                () -> new L2oException(ErrorCode.BAD_ARGUMENT, "unknown KIND '" + kind + "': use salesforce or hubspot"));
        TemporaryDirectory work = TemporaryDirectory.create("l2o-simulate");
        SimulatedSources.Running running = switch (crm) {
            case SALESFORCE -> {
                if (generate != null) {
                    yield SimulatedSources.salesforceGenerated(seed, new OrgSizes(50, 20, generate), port);
                }
                if (from != null) {
                    SourceSpec spec = SourceSpec.parse(from, Map.of());
                    if (!spec.scheme().equals("sfdx")) {
                        throw new L2oException(ErrorCode.BAD_ARGUMENT, "--from for salesforce takes sfdx:PATH, not " + from);
                    }
                    yield SimulatedSources.salesforce(Path.of(spec.location()), port);
                }
                yield SimulatedSources.salesforce(BundledExamples.extract("northwind", work.path()), port);
            }
            case HUBSPOT -> {
                if (generate != null) {
                    yield SimulatedSources.hubspotGenerated(seed, generate, port);
                }
                if (from != null) {
                    yield SimulatedSources.hubspot(Path.of(from), port);
                }
                yield SimulatedSources.hubspot(BundledExamples.extract("hubspot", work.path()).resolve("portal.json"), port);
            }
        };
        CountDownLatch stopped = new CountDownLatch(1);
        SimulatedSources.Running simulator = running;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            work.close();
            stopped.countDown();
        }, "l2o-simulate-stop"));
        environment.out().println(simulator.url());
        environment.out().flush();
        String option = crm == Crm.SALESFORCE ? "--instance-url " : "--base-url ";
        environment.err().println("l2o simulate: serving a simulated " + crm.id() + " on loopback; audit it with --source " + crm.id()
                + " " + option + simulator.url() + " (any credentials work). Stop with Ctrl-C.");
        environment.err().flush();
        stopped.await();
        return ExitCode.OK;
    }
}
