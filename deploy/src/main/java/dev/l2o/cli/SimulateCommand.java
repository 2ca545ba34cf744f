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

    @Option(names = "--fields", paramLabel = "N",
            description = "salesforce --generate: N custom fields, half of them on Opportunity, the rest on Lead and Account (default: 50).")
    Integer fields;

    @Option(names = "--flows", paramLabel = "N",
            description = "salesforce --generate: N record-triggered flows on Opportunity, each with its definition (default: 20), "
                    + "plus the renewal flow on Contract when N > 0.")
    Integer flows;

    @Option(names = "--validation-rules", paramLabel = "N",
            description = "salesforce --generate: N validation rules on Opportunity (default: one per 20 Opportunity fields).")
    Integer validationRules;

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
        if ((fields != null || flows != null || validationRules != null) && (crm != Crm.SALESFORCE || generate == null)) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "--fields, --flows and --validation-rules size a generated org: use them with"
                    + " salesforce --generate");
        }
        OrgSizes sizes = crm == Crm.SALESFORCE && generate != null ? sizes() : null;
        TemporaryDirectory work = TemporaryDirectory.create("l2o-simulate");
        SimulatedSources.Running running = switch (crm) {
            case SALESFORCE -> {
                if (generate != null) {
                    yield SimulatedSources.salesforceGenerated(seed, sizes, port);
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

    /** The generated Salesforce org's sizes: the options given, the defaults for the others. */
    OrgSizes sizes() {
        int rows = nonNegative("--generate", generate);
        int fieldCount = nonNegative("--fields", fields == null ? 50 : fields);
        int flowCount = nonNegative("--flows", flows == null ? 20 : flows);
        return validationRules == null ? new OrgSizes(fieldCount, flowCount, rows)
                : new OrgSizes(fieldCount, flowCount, rows, nonNegative("--validation-rules", validationRules));
    }

    private static int nonNegative(String option, int value) {
        if (value < 0) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, option + " must not be negative: " + value);
        }
        return value;
    }
}
