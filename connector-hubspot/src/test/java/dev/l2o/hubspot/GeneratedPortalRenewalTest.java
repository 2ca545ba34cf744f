package dev.l2o.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.hubspot.simulator.HubSpotSimulator;
import dev.l2o.hubspot.simulator.PortalDescription;
import dev.l2o.hubspot.simulator.SimulatorOptions;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.Snapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated portal opens its renewals as a real one does: a deal workflow that waits until 120 days before the
 * contract's end and then creates the renewal deal, read through the real connector.
 */
class GeneratedPortalRenewalTest {
    private static final String TOKEN = "pat-na1-00000000-1111-2222-3333-444444444444";
    private static final FetchRequest REQUEST = new FetchRequest(Set.of("Opportunity"), Map.of(), false);

    @TempDir
    Path work;

    private Snapshot fetch(PortalDescription portal) {
        try (HubSpotSimulator simulator = HubSpotSimulator.start(portal, SimulatorOptions.defaults());
                HubSpotConnector connector = new HubSpotConnector(HubSpotSettings.of(simulator.baseUrl(), TOKEN),
                        new ConnectorContext(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC),
                                Map.of("HUBSPOT_TOKEN", TOKEN), work, ProgressListener.NONE))) {
            return connector.fetch(REQUEST);
        }
    }

    private static Automation renewalWorkflow(Snapshot snapshot) {
        return snapshot.automations().stream().filter(a -> a.name().equals(PortalDescription.RENEWAL_WORKFLOW)).findFirst()
                .orElseThrow();
    }

    @Test
    void aGeneratedPortalHasAnActiveWorkflowThatCreatesTheRenewalDeal120DaysBeforeContractEnd() {
        // when
        Snapshot snapshot = fetch(PortalDescription.generate(12, 20));

        // then
        assertThat(snapshot.completeness().complete()).isTrue();
        Automation workflow = renewalWorkflow(snapshot);
        assertThat(workflow.kind()).isEqualTo(AutomationKind.FLOW); // the connector maps v4 workflows as flows
        assertThat(workflow.active()).isTrue();
        assertThat(workflow.creates()).containsExactly("deals");
        assertThat(workflow.schedule()).singleElement().satisfies(wait -> {
            assertThat(wait.days()).isEqualByComparingTo("-120");
            assertThat(wait.field()).isEqualTo("contract_end_date");
        });
        assertThat(workflow.fieldsReferenced()).contains("dealstage");
    }

    @Test
    void theSameSeedGivesTheSameWorkflowAndADescriptionFileKeepsIt() {
        // given
        PortalDescription generated = PortalDescription.generate(7, 5);

        // when
        Automation first = renewalWorkflow(fetch(generated));
        Automation again = renewalWorkflow(fetch(PortalDescription.generate(7, 5)));
        Automation written = renewalWorkflow(fetch(PortalDescription.parse(generated.toJson(), "generated.json")));

        // then
        assertThat(again).isEqualTo(first);
        assertThat(written).isEqualTo(first);
    }
}
