package dev.l2o.rules.builtin;

import static dev.l2o.rules.testing.SnapshotBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Finding;
import dev.l2o.rules.testing.ExampleOrg;
import dev.l2o.rules.testing.RuleRunner;
import dev.l2o.rules.testing.SnapshotBuilder;
import dev.l2o.rules.testing.TestBlueprints;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleBlueprintTest {
    private final Blueprint example = TestBlueprints.read(TestBlueprints.EXAMPLE);

    @Test
    void anOrgConfiguredAsTheExampleBlueprintDesignsHasNoConfigurationFindings() {
        // given
        Snapshot org = ExampleOrg.salesforce().build();

        // when
        List<Finding> findings = RuleRunner.run(BuiltinRules.configuration(), example, org);

        // then
        assertThat(findings).isEmpty();
    }

    @Test
    void anOrgWithoutHistoryAndWithoutADeclaredFlowGetsExactlyThoseTwoFindings() {
        // given
        Snapshot org = ExampleOrg.salesforce()
                .withoutHistory()
                .withoutAutomation("Renewal_Kickoff_120_Days")
                .flow("Opportunity", "Unrelated_Flow", true)
                .build();

        // when
        List<Finding> findings = RuleRunner.run(BuiltinRules.configuration(), example, org);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject).containsExactly(
                tuple("L2O-AUTOMATION-MISSING",
                        "salesforce:flow/Opportunity.Renewal_Kickoff_120_Days"),
                tuple("L2O-HISTORY-UNTRACKED", "salesforce:Opportunity/history"));
    }

    @Test
    void aHubSpotPortalConfiguredAsItsBlueprintDesignsHasNoConfigurationFindings() {
        // given
        Blueprint blueprint = TestBlueprints.parse("""
                leadLifecycle:
                  statuses:
                    - key: mql
                      crm: { hubspot: "marketingqualifiedlead" }
                      entry: { requiredFields: [company] }
                    - key: customer
                      converted: true
                opportunityLifecycle:
                  pipeline: Sales Pipeline
                  stages:
                    - key: discovery
                      crm: { hubspot: "appointmentscheduled" }
                      probability: 20
                      entry: { requiredFields: [amount] }
                    - key: won
                      label: Closed Won
                      probability: 100
                      closed: true
                      won: true
                fields:
                  - { object: deals, name: amount, type: Currency }
                  - { object: deals, name: tier, type: Picklist, values: [Gold, Silver] }
                routing:
                  - name: partners
                    object: contacts
                    when: "contact.source == 'partner'"
                    assignTo: { user: "Pat Partner" }
                automation:
                  - { name: Deal won handoff, object: deals, kind: flow }
                """);
        Snapshot portal = SnapshotBuilder.hubspot()
                .pipeline("contacts", "Lifecycle Stage", p -> p
                        .stage("marketingqualifiedlead", s -> s.label("Marketing Qualified Lead"))
                        .stage("customer", s -> s.label("Customer").converted()))
                .pipeline("deals", "Sales Pipeline", p -> p
                        .stage("appointmentscheduled", s -> s.label("Appointment Scheduled").probability(20))
                        .stage("closedwon", s -> s.label("Closed Won").probability(100).closedWon()))
                .requiredField("contacts", "company", "string/text")
                .requiredField("deals", "amount", "number/number")
                .field("deals", "tier", "enumeration/select", false, List.of("gold", "silver"))
                .routingFlow("contacts", "Partner rotation", true, user("81273", "Pat Partner"))
                .flow("deals", "Deal won handoff", true)
                .build();

        // when
        List<Finding> findings = RuleRunner.run(BuiltinRules.configuration(), blueprint, portal);

        // then
        assertThat(findings).isEmpty();
    }
}
