package dev.l2o.rules.builtin.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.model.Snapshot;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Severity;
import dev.l2o.rules.testing.RuleRunner;
import dev.l2o.rules.testing.SnapshotBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriteriaUnenforcedRuleTest {
    private static final String BLUEPRINT = """
            opportunityLifecycle:
              stages:
                - key: discovery
                  crm: { salesforce: "Qualification", hubspot: "appointmentscheduled" }
                  entry: { requiredFields: [Amount] }
                  exit: { requiredFields: [Pain__c] }
                - key: evaluation
                  crm: { salesforce: "Needs Analysis", hubspot: "qualifiedtobuy" }
                  entry: { requiredFields: [Economic_Buyer__c] }
                - key: won
                  crm: { salesforce: "Closed Won", hubspot: "closedwon" }
                  closed: true
                  won: true
            leadLifecycle:
              statuses:
                - key: mql
                  crm: { salesforce: "Marketing Qualified", hubspot: "marketingqualifiedlead" }
                  entry: { requiredFields: [LeadSource] }
            """;

    private static List<Finding> run(Snapshot snapshot) {
        return RuleRunner.run(new CriteriaUnenforcedRule(), BLUEPRINT, snapshot);
    }

    private static SnapshotBuilder org() {
        return SnapshotBuilder.salesforce()
                .pipeline("Opportunity", "All", p -> p
                        .stage("Qualification").stage("Needs Analysis").stage("Closed Won", s -> s.closedWon()))
                .pipeline("Lead", "Lead Status", p -> p.stage("Open").stage("Marketing Qualified"))
                .field("Opportunity", "Pain__c", "LongTextArea")
                .field("Opportunity", "Economic_Buyer__c", "Lookup")
                .field("Lead", "LeadSource", "Picklist");
    }

    @Test
    void fieldsRequiredInTheCrmOrCheckedByActiveAutomationsWhereTheyMatterAreEnforced() {
        // given
        Snapshot snapshot = org()
                .requiredField("Opportunity", "Amount", "Currency")
                .validationRule("Opportunity", "Require_Pain", true, "Pain__c", "Closed Won")
                .requiringFlow("Opportunity", "Buyer_Check", true, "Opportunity.Economic_Buyer__c", "Needs Analysis")
                .validationRule("Lead", "Require_Source", true, "LeadSource")
                .build();

        // when
        List<Finding> findings = run(snapshot);

        // then
        assertThat(findings).isEmpty();
    }

    @Test
    void everyUnenforcedStageFieldIsOneFindingAddressedByFieldAndStage() {
        // given
        Snapshot snapshot = org().field("Opportunity", "Amount", "Currency").build();

        // when
        List<Finding> findings = run(snapshot);

        // then
        assertThat(findings).extracting(Finding::subject, Finding::expected).containsExactly(
                tuple("salesforce:Lead.LeadSource@Marketing Qualified", "required to enter Marketing Qualified"),
                tuple("salesforce:Opportunity.Amount@Qualification", "required to enter Qualification"),
                tuple("salesforce:Opportunity.Economic_Buyer__c@Needs Analysis", "required to enter Needs Analysis"),
                tuple("salesforce:Opportunity.Pain__c@Qualification", "required to leave Qualification"));
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("L2O-CRITERIA-UNENFORCED");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.dimension()).isEqualTo(Dimension.QUALIFICATION);
        });
        assertThat(findings.get(2).message()).isEqualTo("Blueprint stage 'evaluation' requires Economic_Buyer__c to "
                + "enter stage 'Needs Analysis', but nothing in the CRM enforces it.");
        assertThat(findings.get(2).location().file())
                .isEqualTo("force-app/main/default/objects/Opportunity/fields/Economic_Buyer__c.field-meta.xml");
    }

    @Test
    void anInactiveValidationRuleEnforcesNothingAndIsNamedInTheEvidence() {
        // given
        Snapshot snapshot = org()
                .requiredField("Opportunity", "Amount", "Currency")
                .validationRule("Opportunity", "Require_Pain", true, "Pain__c")
                .validationRule("Lead", "Require_Source", true, "LeadSource")
                .validationRule("Opportunity", "Require_Buyer", false, "Economic_Buyer__c", "Needs Analysis")
                .build();

        // when
        List<Finding> findings = run(snapshot);

        // then
        assertThat(findings).extracting(Finding::subject, Finding::evidence).containsExactly(tuple(
                "salesforce:Opportunity.Economic_Buyer__c@Needs Analysis",
                List.of("validation Require_Buyer requires it but is inactive")));
    }

    @Test
    void aRequirementOnlyInAnotherStageDoesNotEnforceTheCriterion() {
        // given
        Snapshot snapshot = org()
                .requiredField("Opportunity", "Amount", "Currency")
                .validationRule("Opportunity", "Require_Pain", true, "Pain__c", "Qualification")
                .validationRule("Opportunity", "Require_Buyer", true, "Economic_Buyer__c", "Closed Won")
                .validationRule("Lead", "Require_Source", true, "LeadSource")
                .build();

        // when
        List<Finding> findings = run(snapshot);

        // then
        assertThat(findings).extracting(Finding::subject, Finding::evidence).containsExactly(
                tuple("salesforce:Opportunity.Economic_Buyer__c@Needs Analysis",
                        List.of("validation Require_Buyer requires it only in Closed Won")),
                tuple("salesforce:Opportunity.Pain__c@Qualification",
                        List.of("validation Require_Pain requires it only in Qualification")));
    }

    @Test
    void fieldsThatDoNotExistAreLeftToTheFieldMissingRule() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce()
                .pipeline("Opportunity", "All", p -> p.stage("Qualification").stage("Needs Analysis").stage("Closed Won"))
                .pipeline("Lead", "Lead Status", p -> p.stage("Marketing Qualified"))
                .build();

        // when
        List<Finding> findings = run(snapshot);

        // then
        assertThat(findings).isEmpty();
    }

    @Test
    void hubSpotDealAndContactStagesAreCheckedTheSameWay() {
        // given
        Snapshot snapshot = SnapshotBuilder.hubspot()
                .pipeline("deals", "Sales Pipeline", p -> p
                        .stage("appointmentscheduled").stage("qualifiedtobuy").stage("closedwon", s -> s.closedWon()))
                .pipeline("contacts", "Lifecycle", p -> p.stage("lead").stage("marketingqualifiedlead"))
                .requiredField("deals", "amount", "number/number")
                .field("deals", "pain__c", "string/textarea")
                .requiredField("deals", "economic_buyer__c", "string/text")
                .requiredField("contacts", "leadsource", "enumeration/select")
                .build();

        // when
        List<Finding> findings = run(snapshot);

        // then
        assertThat(findings).extracting(Finding::subject)
                .containsExactly("hubspot:deals.pain__c@appointmentscheduled");
    }
}
