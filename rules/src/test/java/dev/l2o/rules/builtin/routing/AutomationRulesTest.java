package dev.l2o.rules.builtin.routing;

import static dev.l2o.rules.testing.SnapshotBuilder.entry;
import static dev.l2o.rules.testing.SnapshotBuilder.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.model.Snapshot;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Rule;
import dev.l2o.rules.testing.RuleRunner;
import dev.l2o.rules.testing.SnapshotBuilder;
import dev.l2o.rules.testing.TestBlueprints;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutomationRulesTest {
    private static final List<Rule> RULES = List.of(new AutomationMissingRule(), new AutomationInactiveRule());

    private static final String BLUEPRINT = """
            opportunityLifecycle:
              stages: []
            automation:
              - { name: Opportunity_Stage_Change_Alert, object: Opportunity, kind: flow, mustBeActive: true }
              - { name: Require Close Plan, object: Opportunity, kind: validation }
              - { name: Standard, object: Lead, kind: assignment }
              - { name: Draft_Idea, object: Opportunity, kind: flow, mustBeActive: false }
            """;

    private static List<Finding> run(Snapshot snapshot) {
        return RuleRunner.run(RULES, TestBlueprints.parse(BLUEPRINT), snapshot);
    }

    @Test
    void automationsAreFoundByKindObjectAndNameIgnoringCaseSpacesAndObjectPrefix() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce()
                .flow("Opportunity", "opportunity_stage_change_alert", true)
                .validationRule("Opportunity", "Opportunity.Require_Close_Plan", true, "Close_Plan__c")
                .assignmentRule("Lead", "Standard", true, entry(1, queue("Enterprise_SDR")))
                .flow("Opportunity", "Draft_Idea", false)
                .build();

        // when
        List<Finding> findings = run(snapshot);

        // then
        assertThat(findings).isEmpty();
    }

    @Test
    void absentAutomationsAreMissingAndInactiveOnesThatMustRunAreInactive() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce()
                .flow("Opportunity", "Opportunity_Stage_Change_Alert", false)
                .flow("Lead", "Require_Close_Plan", true)
                .assignmentRule("Lead", "Standard", false)
                .build();

        // when
        List<Finding> findings = run(snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject, Finding::expected, Finding::actual)
                .containsExactly(
                        tuple("L2O-AUTOMATION-INACTIVE", "salesforce:AssignmentRule/Lead.Standard", "active", "inactive"),
                        tuple("L2O-AUTOMATION-INACTIVE", "salesforce:Flow/Opportunity_Stage_Change_Alert", "active",
                                "inactive"),
                        tuple("L2O-AUTOMATION-MISSING", "salesforce:flow/Opportunity.Draft_Idea", "flow Draft_Idea", null),
                        tuple("L2O-AUTOMATION-MISSING", "salesforce:validation/Opportunity.Require Close Plan",
                                "validation Require Close Plan", null));
        assertThat(findings.get(0).location().file())
                .isEqualTo("force-app/main/default/assignmentRules/Lead.assignmentRules-meta.xml");
        assertThat(findings.get(3).message()).isEqualTo(
                "The blueprint declares the validation Require Close Plan on Opportunity, which does not exist in the CRM.");
    }
}
