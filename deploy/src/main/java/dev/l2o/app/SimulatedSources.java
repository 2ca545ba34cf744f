package dev.l2o.app;

import dev.l2o.connector.SourceSpec;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.hubspot.simulator.HubSpotSimulator;
import dev.l2o.hubspot.simulator.PortalDescription;
import dev.l2o.salesforce.simulator.OrgSizes;
import dev.l2o.salesforce.simulator.SalesforceSimulator;
import dev.l2o.salesforce.simulator.SimulatedOrg;
import dev.l2o.salesforce.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the simulated Salesforce org and HubSpot portal on loopback, for {@code l2o simulate} and
 * {@code l2o demo}: what to simulate comes from an SFDX project, a portal description, or a seed.
 */
public final class SimulatedSources {
    private SimulatedSources() {}

    /** A running simulator: its base URL and how to stop it. */
    public interface Running extends AutoCloseable {
        /** The URL an audit points at ({@code --instance-url} or {@code --base-url}). */
        String url();

        /** The {@code --source} value and options that audit this simulator. */
        SourceSpec source();

        /** Credentials an audit can use: the simulators accept any, these are placeholders, not secrets. */
        Map<String, String> environment();

        @Override
        void close();
    }

    /** A Salesforce org from an SFDX project ({@code sfdx:PATH} or a plain path). */
    public static Running salesforce(Path project, int port) {
        if (!Files.isDirectory(project)) {
            throw new L2oException(ErrorCode.BAD_SOURCE, "--from " + project + ": no such SFDX project folder");
        }
        return salesforce(SimulatedOrg.fromSfdx(project), port);
    }

    /** A generated Salesforce org. */
    public static Running salesforceGenerated(long seed, OrgSizes sizes, int port) {
        return salesforce(SimulatedOrg.generate(seed, sizes), port);
    }

    private static Running salesforce(SimulatedOrg org, int port) {
        SalesforceSimulator simulator = SalesforceSimulator.start(org,
                SimulatorOptions.defaults().withPort(port));
        return new Simulator(simulator.instanceUrl(),
                new SourceSpec("salesforce", "", Map.of("instanceUrl", simulator.instanceUrl(), "loginUrl", simulator.loginUrl())),
                Map.of("SF_ACCESS_TOKEN", "simulated-org-accepts-any-token"), simulator::close);
    }

    /** A HubSpot portal from a portal description file. */
    public static Running hubspot(Path description, int port) {
        return hubspot(PortalDescription.read(description), port);
    }

    /** A generated HubSpot portal. */
    public static Running hubspotGenerated(long seed, int deals, int port) {
        return hubspot(PortalDescription.generate(seed, deals), port);
    }

    private static Running hubspot(PortalDescription portal, int port) {
        HubSpotSimulator simulator = HubSpotSimulator.start(portal,
                dev.l2o.hubspot.simulator.SimulatorOptions.defaults().withPort(port));
        return new Simulator(simulator.baseUrl(), new SourceSpec("hubspot", "", Map.of("baseUrl", simulator.baseUrl())),
                Map.of("HUBSPOT_TOKEN", "simulated-portal-accepts-any-token"), simulator::close);
    }

    private record Simulator(String url, SourceSpec source, Map<String, String> environment, Runnable stop) implements Running {
        @Override
        public void close() {
            stop.run();
        }
    }
}
