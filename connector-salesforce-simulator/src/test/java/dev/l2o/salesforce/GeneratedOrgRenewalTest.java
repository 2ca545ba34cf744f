package dev.l2o.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.http.RetryPolicy;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.Snapshot;
import dev.l2o.salesforce.internal.SalesforceCredentials;
import dev.l2o.salesforce.simulator.OrgSizes;
import dev.l2o.salesforce.simulator.SalesforceSimulator;
import dev.l2o.salesforce.simulator.SimulatedOrg;
import dev.l2o.salesforce.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated org opens its renewals as a real one does: a record-triggered flow on Contract whose scheduled path
 * creates the renewal opportunity 120 days before the contract's end, read through the real connector.
 */
class GeneratedOrgRenewalTest {
    private static final FetchRequest REQUEST = new FetchRequest(Set.of("Opportunity"), Map.of(), false);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    private Snapshot fetch(SimulatedOrg org) {
        try (SalesforceSimulator simulator = SalesforceSimulator.start(org, SimulatorOptions.defaults());
                SalesforceConnector connector = new SalesforceConnector(
                        new SalesforceSettings(null, simulator.loginUrl(), "62.0", SalesforceSettings.DEFAULT_BULK_THRESHOLD, 1.0),
                        new SalesforceCredentials.Password("integration@example.com", "any"),
                        new ConnectorContext(CLOCK, Map.of(), work, ProgressListener.NONE), duration -> { },
                        new RetryPolicy(3, Duration.ZERO, 1, Duration.ZERO, Duration.ZERO), null, 1)) {
            return connector.fetch(REQUEST);
        }
    }

    @Test
    void aGeneratedOrgHasAnActiveFlowThatCreatesTheRenewalOpportunity120DaysBeforeContractEnd() {
        // when
        Snapshot snapshot = fetch(SimulatedOrg.generate(12, new OrgSizes(10, 3, 100)));

        // then
        assertThat(snapshot.completeness().complete()).isTrue();
        assertThat(snapshot.automations()).filteredOn(a -> a.name().equals("Create_Renewal_Opportunity")).singleElement()
                .satisfies(flow -> {
                    assertThat(flow.kind()).isEqualTo(AutomationKind.FLOW);
                    assertThat(flow.label()).isEqualTo("Create Renewal Opportunity");
                    assertThat(flow.object()).isEqualTo("Contract");
                    assertThat(flow.active()).isTrue();
                    assertThat(flow.creates()).containsExactly("Opportunity");
                    assertThat(flow.schedule()).singleElement().satisfies(path -> {
                        assertThat(path.days()).isEqualByComparingTo("-120");
                        assertThat(path.field()).isEqualTo("EndDate");
                    });
                });
        // the sized flows on Opportunity are all still there, beside it
        assertThat(snapshot.automations()).filteredOn(a -> a.kind() == AutomationKind.FLOW).extracting(Automation::name)
                .containsExactlyInAnyOrder("Create_Renewal_Opportunity", "Opportunity_Automation_0", "Opportunity_Automation_1",
                        "Opportunity_Automation_2");
    }

    @Test
    void theSameSeedGivesTheSameRenewalFlow() {
        // when
        Automation first = renewalFlow(fetch(SimulatedOrg.generate(5, new OrgSizes(4, 2, 10))));
        Automation second = renewalFlow(fetch(SimulatedOrg.generate(5, new OrgSizes(4, 2, 10))));

        // then
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anOrgGeneratedWithoutFlowsHasNoRenewalFlowEither() {
        // when
        Snapshot snapshot = fetch(SimulatedOrg.generate(3, new OrgSizes(0, 0, 10)));

        // then
        assertThat(snapshot.automations()).noneMatch(a -> a.kind() == AutomationKind.FLOW);
    }

    private static Automation renewalFlow(Snapshot snapshot) {
        return snapshot.automations().stream().filter(a -> a.name().equals("Create_Renewal_Opportunity")).findFirst().orElseThrow();
    }
}
