package dev.l2o.hubspot;

import dev.l2o.connector.ConnectorConformanceTest;
import dev.l2o.connector.CrmConnectorFactory;
import dev.l2o.connector.SourceSpec;
import dev.l2o.hubspot.simulator.HubSpotSimulator;
import dev.l2o.hubspot.simulator.PortalDescription;
import dev.l2o.hubspot.simulator.SimulatorOptions;
import dev.l2o.testing.RepositoryFiles;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The connector contract for {@code hubspot}, on the example portal served by the simulator, token in the environment. */
class HubSpotConnectorConformanceTest extends ConnectorConformanceTest {
    private static final String TOKEN = "pat-eu1-7c2e9d41-5b3a-4f60-8e1d-c0a9b8f7e6d5";
    private static final PortalDescription PORTAL = PortalDescription.read(RepositoryFiles.file("examples/hubspot/portal.json"));

    private HubSpotSimulator simulator;

    @BeforeEach
    void startPortal() {
        simulator = HubSpotSimulator.start(PORTAL, SimulatorOptions.defaults().withAcceptedTokens(Set.of(TOKEN)));
    }

    @AfterEach
    void stopPortal() {
        simulator.close();
    }

    @Override
    protected CrmConnectorFactory factory() {
        return new HubSpotConnectorFactory();
    }

    @Override
    protected SourceSpec sourceSpec() {
        return SourceSpec.parse("hubspot", Map.of(HubSpotConnectorFactory.BASE_URL_OPTION, simulator.baseUrl()));
    }

    @Override
    protected String expectedCrm() {
        return "hubspot";
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of(HubSpotConnectorFactory.TOKEN_VARIABLE, TOKEN);
    }

    @Override
    protected long requestsReceived() {
        return simulator.requests().size();
    }

    /** The portal revokes the token: every request is answered 401 {@code INVALID_AUTHENTICATION}. */
    @Override
    protected void breakSource() {
        simulator.close();
        simulator = HubSpotSimulator.start(PORTAL, SimulatorOptions.defaults().withAcceptedTokens(Set.of("pat-eu1-another-app")));
    }
}
