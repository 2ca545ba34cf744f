package dev.l2o.rules.builtin.routing;

import static dev.l2o.rules.testing.SnapshotBuilder.criterion;
import static dev.l2o.rules.testing.SnapshotBuilder.entry;
import static dev.l2o.rules.testing.SnapshotBuilder.queue;
import static dev.l2o.rules.testing.SnapshotBuilder.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.model.Assignee;
import dev.l2o.model.AssigneeKind;
import dev.l2o.model.RuleEntry;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Rule;
import dev.l2o.rules.Severity;
import dev.l2o.rules.testing.RuleRunner;
import dev.l2o.rules.testing.SnapshotBuilder;
import dev.l2o.rules.testing.TestBlueprints;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {
    private static final List<Rule> RULES = List.of(new RoutingUnimplementedRule(), new RoutingUndeclaredRule());

    private static final String BLUEPRINT = """
            opportunityLifecycle:
              stages: []
            routing:
              - name: enterprise-inbound
                object: Lead
                when: "lead.NumberOfEmployees >= 1000 && lead.Country in ['DE', 'AT']"
                assignTo: { queue: "Enterprise SDR" }
              - name: partner-leads
                object: Lead
                when: "lead.LeadSource == 'Partner'"
                assignTo: { user: "Pat Partner" }
            """;

    private static final Assignee ENTERPRISE = new Assignee(AssigneeKind.QUEUE, "Enterprise_SDR", "Enterprise SDR");
    private static final Assignee PAT = user("pat@example.com", "Pat Partner");

    private static List<Finding> run(String yaml, Snapshot snapshot) {
        return RuleRunner.run(RULES, TestBlueprints.parse(yaml), snapshot);
    }

    private static Snapshot rule(boolean active, RuleEntry... entries) {
        return SnapshotBuilder.salesforce().assignmentRule("Lead", "Standard", active, entries).build();
    }

    @Test
    void activeEntriesWithTheAssigneeAndEquivalentCriteriaImplementTheRouting() {
        // given
        Snapshot snapshot = rule(true,
                entry(1, queue("enterprise_sdr"),
                        criterion("Country", "equals", "at,de"),
                        criterion("Lead.NumberOfEmployees", "greaterOrEqual", "1000.0")),
                entry(2, PAT, criterion("Lead.LeadSource", "equals", "partner")),
                entry(3, null, criterion("Lead.Status", "equals", "Recycled")));

        // when
        List<Finding> findings = run(BLUEPRINT, snapshot);

        // then
        assertThat(findings).isEmpty();
    }

    @Test
    void anEntryWithOtherCriteriaDoesNotImplementTheRoutingAndIsNamedInTheEvidence() {
        // given
        Snapshot snapshot = rule(true,
                entry(1, ENTERPRISE, criterion("Lead.NumberOfEmployees", "greaterThan", "500")),
                entry(2, PAT, criterion("LeadSource", "equals", "Partner")));

        // when
        List<Finding> findings = run(BLUEPRINT, snapshot);

        // then
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("L2O-ROUTING-UNIMPLEMENTED");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.subject()).isEqualTo("salesforce:Lead/routing/enterprise-inbound");
            assertThat(f.message()).isEqualTo("Routing rule 'enterprise-inbound' (Lead to queue 'Enterprise SDR') has "
                    + "no active assignment rule entry or routing automation implementing it.");
            assertThat(f.evidence()).containsExactly("assignment rule Lead.Standard entry 1 assigns to queue "
                    + "'Enterprise SDR' when NumberOfEmployees greaterThan 500");
        });
    }

    @Test
    void anInactiveAssignmentRuleImplementsNothingAndDeclaresNothing() {
        // given
        Snapshot snapshot = rule(false,
                entry(1, ENTERPRISE, criterion("NumberOfEmployees", "greaterOrEqual", "1000"),
                        criterion("Country", "equals", "DE,AT")),
                entry(2, queue("Unknown_Queue")));

        // when
        List<Finding> findings = run(BLUEPRINT, snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject).containsExactly(
                tuple("L2O-ROUTING-UNIMPLEMENTED", "salesforce:Lead/routing/enterprise-inbound"),
                tuple("L2O-ROUTING-UNIMPLEMENTED", "salesforce:Lead/routing/partner-leads"));
        assertThat(findings.get(0).evidence()).containsExactly(
                "assignment rule Lead.Standard entry 1 assigns to queue 'Enterprise SDR' but the rule is inactive");
    }

    @Test
    void aConditionThatIsNoConjunctionOfComparisonsMatchesOnTheAssigneeAloneAndSaysSo() {
        // given
        String yaml = """
                opportunityLifecycle:
                  stages: []
                routing:
                  - name: scored
                    object: Lead
                    when: "lead.Score__c * 2 > 100"
                    assignTo: { queue: "Enterprise SDR" }
                  - name: vip
                    object: Lead
                    when: "size(lead.Tags__c) > 3"
                    assignTo: { role: "VIP Desk" }
                """;
        Snapshot snapshot = rule(true, entry(1, ENTERPRISE, criterion("Rating", "equals", "Hot")));

        // when
        List<Finding> findings = run(yaml, snapshot);

        // then
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("salesforce:Lead/routing/vip");
            assertThat(f.evidence()).containsExactly("the condition 'size(lead.Tags__c) > 3' is not a conjunction of "
                    + "field comparisons, so assignment rule entries were matched on their assignee alone");
        });
    }

    @Test
    void anActiveFlowThatRoutesToTheAssigneeImplementsTheRouting() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce()
                .routingFlow("Lead", "Enterprise_Routing", true, ENTERPRISE)
                .routingFlow("Lead", "Partner_Routing", false, PAT)
                .build();

        // when
        List<Finding> findings = run(BLUEPRINT, snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject, Finding::evidence).containsExactly(
                tuple("L2O-ROUTING-UNIMPLEMENTED", "salesforce:Lead/routing/partner-leads",
                        List.of("flow Partner_Routing routes there but is inactive")));
    }

    @Test
    void activeEntriesAndRoutingFlowsToUndeclaredAssigneesAreUndeclaredOneFindingEach() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce()
                .assignmentRule("Lead", "Standard", true,
                        entry(1, ENTERPRISE, criterion("NumberOfEmployees", "greaterOrEqual", "1000"),
                                criterion("Country", "equals", "DE,AT")),
                        entry(2, queue("Partner_Overflow"), criterion("LeadSource", "equals", "Partner")),
                        entry(3, PAT, criterion("LeadSource", "equals", "Partner")))
                .assignmentRule("Case", "Support", true, entry(1, queue("Enterprise_SDR")))
                .routingFlow("Lead", "Round_Robin", true, PAT, user("sam@example.com", "Sam Seller"))
                .build();

        // when
        List<Finding> findings = run(BLUEPRINT, snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject, Finding::actual).containsExactly(
                tuple("L2O-ROUTING-UNDECLARED", "salesforce:AssignmentRule/Case.Support#1", "queue 'Enterprise_SDR'"),
                tuple("L2O-ROUTING-UNDECLARED", "salesforce:AssignmentRule/Lead.Standard#2", "queue 'Partner_Overflow'"),
                tuple("L2O-ROUTING-UNDECLARED", "salesforce:Flow/Round_Robin", "user 'Sam Seller'"));
        assertThat(findings.get(1).location().file())
                .isEqualTo("force-app/main/default/assignmentRules/Lead.assignmentRules-meta.xml");
        assertThat(findings.get(1).message()).isEqualTo("Entry 2 of the active assignment rule Lead.Standard assigns "
                + "to queue 'Partner_Overflow', which no blueprint routing rule declares.");
    }
}
