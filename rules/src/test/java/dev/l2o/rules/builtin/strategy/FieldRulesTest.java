package dev.l2o.rules.builtin.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.model.Snapshot;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Rule;
import dev.l2o.rules.Severity;
import dev.l2o.rules.testing.RuleRunner;
import dev.l2o.rules.testing.SnapshotBuilder;
import dev.l2o.rules.testing.TestBlueprints;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldRulesTest {
    private static final List<Rule> RULES = List.of(new FieldMissingRule(), new FieldTypeRule(), new FieldPicklistRule());

    private static final String BLUEPRINT = """
            opportunityLifecycle:
              stages:
                - key: discovery
                  crm: { salesforce: "Qualification" }
                  entry: { requiredFields: [Amount, CloseDate] }
                  exit: { requiredFields: [Pain__c] }
            fields:
              - { object: Opportunity, name: Pain__c, type: LongTextArea }
              - { object: Lead, name: Budget__c, type: Currency }
              - { object: Lead, name: Timeline__c, type: Picklist, values: ["0-3 months", "3-6 months", "6-12 months"] }
            """;

    private static List<Finding> run(Snapshot snapshot) {
        return RuleRunner.run(RULES, TestBlueprints.parse(BLUEPRINT), snapshot);
    }

    private static SnapshotBuilder org() {
        return SnapshotBuilder.salesforce().pipeline("Opportunity", "All", p -> p.stage("Qualification"));
    }

    @Test
    void requiredAmountAndCloseDateAreNotMissingWhenTheSnapshotHasThem() {
        // given
        Snapshot snapshot = org()
                .field("Opportunity", "Amount", "Currency")
                .requiredField("Opportunity", "CloseDate", "Date")
                .field("Opportunity", "pain__c", "longtextarea")
                .field("Lead", "Budget__c", "Currency")
                .picklist("Lead", "Timeline__c", "6-12 MONTHS", "0-3 months", "3-6 months")
                .build();

        // when
        List<Finding> findings = run(snapshot);

        // then
        assertThat(findings).isEmpty();
    }

    @Test
    void declaredAndStageRequiredFieldsThatDoNotExistAreMissingOnce() {
        // given
        Snapshot snapshot = org()
                .field("Opportunity", "CloseDate", "Date")
                .picklist("Lead", "Timeline__c", "0-3 months", "3-6 months", "6-12 months")
                .build();

        // when
        List<Finding> findings = run(snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject, Finding::severity, Finding::dimension)
                .containsExactly(
                        tuple("L2O-FIELD-MISSING", "salesforce:Lead.Budget__c", Severity.ERROR, Dimension.STRATEGY),
                        tuple("L2O-FIELD-MISSING", "salesforce:Opportunity.Amount", Severity.ERROR, Dimension.STRATEGY),
                        tuple("L2O-FIELD-MISSING", "salesforce:Opportunity.Pain__c", Severity.ERROR, Dimension.STRATEGY));
        assertThat(findings).extracting(Finding::message).containsExactly(
                "Field Lead.Budget__c, which the blueprint declares, does not exist in the CRM.",
                "Field Opportunity.Amount, which blueprint stage 'discovery' requires to enter, does not exist in the CRM.",
                "Field Opportunity.Pain__c, which the blueprint declares, does not exist in the CRM.");
    }

    @Test
    void aFieldOfAnotherTypeIsReportedWithBothTypesAndItsSourceLocation() {
        // given
        Snapshot snapshot = org()
                .field("Opportunity", "Amount", "Currency")
                .field("Opportunity", "CloseDate", "Date")
                .field("Opportunity", "Pain__c", "Text")
                .field("Lead", "Budget__c", "Number")
                .picklist("Lead", "Timeline__c", "0-3 months", "3-6 months", "6-12 months")
                .build();

        // when
        List<Finding> findings = run(snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject, Finding::expected, Finding::actual)
                .containsExactly(
                        tuple("L2O-FIELD-TYPE", "salesforce:Lead.Budget__c", "Currency", "Number"),
                        tuple("L2O-FIELD-TYPE", "salesforce:Opportunity.Pain__c", "LongTextArea", "Text"));
        assertThat(findings.get(1).location().file())
                .isEqualTo("force-app/main/default/objects/Opportunity/fields/Pain__c.field-meta.xml");
    }

    @Test
    void picklistFindingsSayWhichValuesAreMissingAndWhichAreExtra() {
        // given
        Snapshot snapshot = org()
                .field("Opportunity", "Amount", "Currency")
                .field("Opportunity", "CloseDate", "Date")
                .field("Opportunity", "Pain__c", "LongTextArea")
                .field("Lead", "Budget__c", "Currency")
                .picklist("Lead", "Timeline__c", "0-3 months", "Someday", "6-12 months", "Never")
                .build();

        // when
        List<Finding> findings = run(snapshot);

        // then
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("L2O-FIELD-PICKLIST");
            assertThat(f.message()).isEqualTo("Picklist Lead.Timeline__c lacks '3-6 months' and has undeclared "
                    + "'Someday', 'Never'.");
            assertThat(f.expected()).isEqualTo("0-3 months, 3-6 months, 6-12 months");
            assertThat(f.actual()).isEqualTo("0-3 months, Someday, 6-12 months, Never");
        });
    }

    @Test
    void hubSpotPropertyTypesSatisfyTheEquivalentSalesforceTypes() {
        // given
        String yaml = """
                opportunityLifecycle:
                  object: deals
                fields:
                  - { object: deals, name: pain, type: LongTextArea }
                  - { object: deals, name: budget, type: Currency }
                  - { object: deals, name: tier, type: Picklist, values: [one, two] }
                  - { object: deals, name: signed, type: Checkbox }
                  - { object: deals, name: kickoff, type: Date }
                  - { object: deals, name: renewal_at, type: DateTime }
                  - { object: deals, name: discount, type: Percent }
                  - { object: deals, name: notes, type: Picklist }
                """;
        Snapshot snapshot = SnapshotBuilder.hubspot()
                .field("deals", "pain", "string/textarea")
                .field("deals", "budget", "number/number")
                .field("deals", "tier", "enumeration/select", false, List.of("one", "two"))
                .field("deals", "signed", "bool/booleancheckbox")
                .field("deals", "kickoff", "date/date")
                .field("deals", "renewal_at", "datetime/date")
                .field("deals", "discount", "number/number")
                .field("deals", "notes", "string/textarea")
                .build();

        // when
        List<Finding> findings = RuleRunner.run(RULES, TestBlueprints.parse(yaml), snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject, Finding::expected, Finding::actual)
                .containsExactly(tuple("L2O-FIELD-TYPE", "hubspot:deals.notes", "Picklist", "string/textarea"));
    }
}
