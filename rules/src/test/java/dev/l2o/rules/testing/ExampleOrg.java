package dev.l2o.rules.testing;

import static dev.l2o.rules.testing.SnapshotBuilder.criterion;
import static dev.l2o.rules.testing.SnapshotBuilder.entry;

import dev.l2o.model.Assignee;
import dev.l2o.model.AssigneeKind;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.FieldRequirement;
import dev.l2o.model.ForecastCategory;
import java.util.List;
import java.util.Set;

/** A Salesforce org configured exactly as {@link TestBlueprints#EXAMPLE} designs it: an audit finds nothing. */
public final class ExampleOrg {
    private static final String[] AFTER_DISCOVERY = {"Needs Analysis", "Proposal/Price Quote", "Negotiation/Review",
        "Closed Won"};

    private ExampleOrg() {}

    /** The matching org, ready for changes by the caller before {@code build()}. */
    public static SnapshotBuilder salesforce() {
        return SnapshotBuilder.salesforce()
                .pipeline("Lead", "Lead Status", p -> p
                        .stage("Open - Not Contacted")
                        .stage("Marketing Qualified")
                        .stage("Sales Qualified")
                        .stage("Recycled")
                        .stage("Closed - Converted", s -> s.converted()))
                .pipeline("Opportunity", "New Business", false, p -> p
                        .stage("Qualification", s -> s.probability(10).forecast(ForecastCategory.PIPELINE))
                        .stage("Needs Analysis", s -> s.probability(25).forecast(ForecastCategory.PIPELINE))
                        .stage("Proposal/Price Quote", s -> s.probability(50).forecast(ForecastCategory.BEST_CASE))
                        .stage("Negotiation/Review", s -> s.probability(80).forecast(ForecastCategory.COMMIT))
                        .stage("Closed Won", s -> s.probability(100).forecast(ForecastCategory.CLOSED).closedWon())
                        .stage("Closed Lost", s -> s.probability(0).forecast(ForecastCategory.OMITTED).closedLost()))
                .pipeline("Opportunity", "Renewal", false, p -> p
                        .stage("Renewal Review", s -> s.probability(60).forecast(ForecastCategory.PIPELINE))
                        .stage("Negotiation/Review", s -> s.probability(80).forecast(ForecastCategory.COMMIT))
                        .stage("Closed Won", s -> s.probability(100).forecast(ForecastCategory.CLOSED).closedWon())
                        .stage("Closed Lost", s -> s.probability(0).forecast(ForecastCategory.OMITTED).closedLost()))
                .field("Opportunity", "Amount", "Currency")
                .requiredField("Opportunity", "CloseDate", "Date")
                .field("Opportunity", "Pain__c", "LongTextArea")
                .field("Opportunity", "Economic_Buyer__c", "Lookup")
                .field("Opportunity", "Decision_Criteria__c", "LongTextArea")
                .field("Opportunity", "Close_Plan__c", "Url")
                .field("Lead", "LeadSource", "Picklist")
                .requiredField("Lead", "Company", "Text")
                .field("Lead", "Budget__c", "Currency")
                .picklist("Lead", "Timeline__c", "0-3 months", "3-6 months", "6-12 months", "12+ months")
                .picklist("Account", "ICP_Tier__c", "Tier 1", "Tier 2", "Tier 3")
                .validationRule("Opportunity", "Require_Amount", true, "Amount")
                .validationRule("Opportunity", "Require_Pain", true, "Pain__c", AFTER_DISCOVERY)
                .requiringFlow("Opportunity", "Enforce_Economic_Buyer", true, "Opportunity.Economic_Buyer__c", "Needs Analysis")
                .validationRule("Opportunity", "Require_Decision_Criteria", true, "Decision_Criteria__c", "Proposal/Price Quote")
                .validationRule("Opportunity", "Require_Close_Plan", true, "Close_Plan__c", "Negotiation/Review")
                .validationRule("Lead", "Require_Lead_Source", true, "LeadSource", "Marketing Qualified")
                .automation(AutomationKind.VALIDATION, "Lead", "Require_Budget_And_Timeline", true, List.of(
                        new FieldRequirement("Budget__c", Set.of("Sales Qualified")),
                        new FieldRequirement("Timeline__c", Set.of("Sales Qualified"))), List.of())
                .assignmentRule("Lead", "Standard", true,
                        entry(1, new Assignee(AssigneeKind.QUEUE, "Enterprise_SDR", "Enterprise SDR"),
                                criterion("Lead.NumberOfEmployees", "greaterOrEqual", "1000")),
                        entry(2, new Assignee(AssigneeKind.QUEUE, "Mid_Market_SDR", "Mid-Market SDR"),
                                criterion("Lead.NumberOfEmployees", "lessThan", "1000")))
                .flow("Opportunity", "Opportunity_Stage_Change_Alert", true)
                .flow("Opportunity", "Renewal_Kickoff_120_Days", true)
                .creatingFlow("Contract", "Create_Renewal_Opportunity", true, "Opportunity", "-120 days from EndDate");
    }
}
