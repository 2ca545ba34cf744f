package dev.l2o.salesforce;

import dev.l2o.connector.ConnectorConformanceTest;
import dev.l2o.connector.CrmConnectorFactory;
import dev.l2o.connector.SourceSpec;
import dev.l2o.salesforce.simulator.SalesforceSimulator;
import dev.l2o.salesforce.simulator.SimulatedFault;
import dev.l2o.salesforce.simulator.SimulatedOrg;
import dev.l2o.salesforce.simulator.SimulatorOptions;
import dev.l2o.testing.RepositoryFiles;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The connector contract for {@code salesforce}, on the Northwind org served by the simulator, with a SOAP
 * login whose username and password are in the environment.
 */
class SalesforceConnectorConformanceTest extends ConnectorConformanceTest {
    private static final SimulatedOrg NORTHWIND = SimulatedOrg.fromSfdx(RepositoryFiles.file("examples/northwind"));

    protected SalesforceSimulator simulator;

    @BeforeEach
    void startOrg() {
        simulator = SalesforceSimulator.start(NORTHWIND, SimulatorOptions.defaults());
    }

    @AfterEach
    void stopOrg() {
        simulator.close();
    }

    @Override
    protected CrmConnectorFactory factory() {
        return new SalesforceConnectorFactory();
    }

    @Override
    protected SourceSpec sourceSpec() {
        return SourceSpec.parse("salesforce", Map.of());
    }

    @Override
    protected String expectedCrm() {
        return "salesforce";
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("SF_LOGIN_URL", simulator.loginUrl(), "SF_USERNAME", "integration@northwind.example",
                "SF_PASSWORD", "Northwind-Conformance-Passw0rdXk2Lm9Pq8Rs7Tu6");
    }

    @Override
    protected long requestsReceived() {
        return simulator.requestLog().size();
    }

    /** The org's daily API requests run out at the first REST call: the history cannot be read. */
    @Override
    protected void breakSource() {
        simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.REST, SimulatedFault.Kind.LIMIT_EXCEEDED));
    }
}
