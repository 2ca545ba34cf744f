package dev.l2o.hubspot;

import dev.l2o.testing.RepositoryFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.hubspot.simulator.HubSpotSimulator;
import dev.l2o.hubspot.simulator.PortalDescription;
import dev.l2o.hubspot.simulator.SimulatorOptions;
import dev.l2o.model.Automation;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamplePortalTest {
    @TempDir
    Path workDirectory;

    @Test
    void theDemoPortalCarriesTheDriftItsDocumentPromises() {
        // given
        PortalDescription portal = PortalDescription.read(RepositoryFiles.file("examples/hubspot/portal.json"));
        ConnectorContext context = new ConnectorContext(Clock.systemUTC(), Map.of(), workDirectory, ProgressListener.NONE);

        // when
        Snapshot snapshot;
        Map<String, Long> firstMql = new HashMap<>();
        Map<String, Long> lastSql = new HashMap<>();
        try (HubSpotSimulator simulator = HubSpotSimulator.start(portal, SimulatorOptions.defaults());
                HubSpotConnector connector = new HubSpotConnector(HubSpotSettings.of(simulator.baseUrl(), "any-token"), context)) {
            snapshot = connector.fetch(new FetchRequest(Set.of("deals", "contacts"), Map.of("deals", Set.of("amount", "closedate")), true));
            // the history is spooled until the connector closes
            snapshot.history().forEach(e -> {
                if (e.object().equals("contacts") && e.stage().equals("marketingqualifiedlead")) {
                    firstMql.merge(e.recordId(), e.at().toEpochMilli(), Math::min);
                } else if (e.object().equals("contacts") && e.stage().equals("salesqualifiedlead")) {
                    lastSql.merge(e.recordId(), e.at().toEpochMilli(), Math::max);
                }
            });
        }

        // then
        assertThat(snapshot.completeness().complete()).isTrue();
        Pipeline newBusiness = snapshot.pipelinesOf("deals").stream().filter(p -> p.label().equals("New Business")).findFirst().orElseThrow();
        assertThat(newBusiness.stage("1073001").orElseThrow().active()).isTrue();
        assertThat(newBusiness.stage("Demo Scheduled").orElseThrow().active()).isFalse();
        assertThat(newBusiness.stage("presentationscheduled").orElseThrow().probability()).isEqualTo(50.0);
        assertThat(snapshot.field("deals", "economic_buyer")).isEmpty();
        assertThat(snapshot.field("deals", "deal_source").orElseThrow().values()).containsExactly("inbound", "outbound", "partner");
        assertThat(snapshot.automations()).filteredOn(a -> a.name().equals("Rotate inbound deals"))
                .singleElement().extracting(Automation::active).isEqualTo(false);
        assertThat(snapshot.automations()).filteredOn(a -> a.name().equals("Enterprise deals to Sofia"))
                .singleElement().satisfies(a -> assertThat(a.routes()).isTrue());
        assertThat(snapshot.records()).hasSize(403);
        long converted = firstMql.entrySet().stream().filter(m -> lastSql.getOrDefault(m.getKey(), Long.MIN_VALUE) > m.getValue()).count();
        assertThat((double) converted / firstMql.size()).as("%d of %d MQLs became SQLs", converted, firstMql.size()).isBetween(0.25, 0.30);
    }
}
