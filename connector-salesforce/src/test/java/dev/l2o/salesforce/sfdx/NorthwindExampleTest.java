package dev.l2o.salesforce.sfdx;

import dev.l2o.testing.RepositoryFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnectors;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.connector.SourceSpec;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Assignee;
import dev.l2o.model.AssigneeKind;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.Criterion;
import dev.l2o.model.FieldDef;
import dev.l2o.model.FieldRequirement;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import dev.l2o.model.StageEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NorthwindExampleTest {
    private static final Path NORTHWIND = RepositoryFiles.file("examples/northwind");
    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final String STAGE_FILE = "force-app/main/default/standardValueSets/OpportunityStage.standardValueSet-meta.xml";
    private static Snapshot snapshot;

    @BeforeAll
    static void readTheExampleOrg() {
        ConnectorContext context = new ConnectorContext(Clock.fixed(NOW, ZoneOffset.UTC), Map.of(), Path.of("target"),
                ProgressListener.NONE);
        snapshot = CrmConnectors.open(SourceSpec.parse("sfdx:" + NORTHWIND, Map.of()), context).fetch(FetchRequest.everything());
    }

    @Test
    void theSnapshotIsASalesforceSnapshotAsOfTheClock() {
        // then
        assertThat(snapshot.crm()).isEqualTo("salesforce");
        assertThat(snapshot.asOf()).isEqualTo(NOW);
        assertThat(snapshot.completeness().complete()).isTrue();
        assertThat(snapshot.source().type()).isEqualTo("sfdx");
        assertThat(snapshot.source().attributes()).containsEntry("packageDirectories", "force-app, sales-ops")
                .containsEntry("sourceApiVersion", "62.0");
    }

    @Test
    void theOpportunityStageValueSetIsTheDefaultPipelineWithItsSemantics() {
        // when
        Pipeline all = snapshot.pipelinesOf("Opportunity").get(0);

        // then
        assertThat(all.id()).isEqualTo("OpportunityStage");
        assertThat(all.label()).isEqualTo("All stages");
        assertThat(all.isDefault()).isTrue();
        assertThat(all.stages()).extracting(Stage::apiName).containsExactly("Prospecting", "Qualification", "Needs Analysis",
                "Value Proposition", "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote", "Renewal Review",
                "Negotiation/Review", "Closed Won", "Closed Lost");
        assertThat(all.stage("Negotiation/Review").orElseThrow())
                .extracting(Stage::probability, Stage::forecastCategory, Stage::closed, Stage::active)
                .containsExactly(90.0, ForecastCategory.COMMIT, false, true);
        assertThat(all.stage("Closed Won").orElseThrow())
                .extracting(Stage::closed, Stage::won, Stage::order, Stage::ref)
                .containsExactly(true, true, 9, new ResourceRef("salesforce", "Opportunity.StageName#Closed Won", STAGE_FILE, 85));
        assertThat(all.ref()).isEqualTo(new ResourceRef("salesforce", "StandardValueSet/OpportunityStage", STAGE_FILE, 2));
    }

    @Test
    void theNewBusinessSalesProcessIsAPipelineInValueSetOrderWithTheValueSetsSemantics() {
        // when
        Pipeline newBusiness = snapshot.pipelinesOf("Opportunity").get(1);

        // then
        assertThat(newBusiness).extracting(Pipeline::id, Pipeline::label, Pipeline::isDefault)
                .containsExactly("Opportunity.New Business", "New Business", false);
        assertThat(newBusiness.ref().path()).isEqualTo("BusinessProcess/Opportunity.New Business");
        assertThat(newBusiness.ref().file())
                .isEqualTo("force-app/main/default/objects/Opportunity/businessProcesses/New Business.businessProcess-meta.xml");
        assertThat(newBusiness.activeStages()).extracting(Stage::apiName, Stage::order, Stage::probability, Stage::forecastCategory)
                .containsExactly(
                        tuple("Qualification", 0, 10.0, ForecastCategory.PIPELINE),
                        tuple("Needs Analysis", 1, 25.0, ForecastCategory.PIPELINE),
                        tuple("Value Proposition", 2, 50.0, ForecastCategory.PIPELINE),
                        tuple("Proposal/Price Quote", 3, 50.0, ForecastCategory.PIPELINE),
                        tuple("Negotiation/Review", 4, 90.0, ForecastCategory.COMMIT),
                        tuple("Closed Won", 5, 100.0, ForecastCategory.CLOSED),
                        tuple("Closed Lost", 6, 0.0, ForecastCategory.OMITTED));
    }

    @Test
    void theRenewalSalesProcessAndItsFlowAreRead() {
        // when
        Pipeline renewal = snapshot.pipelinesOf("Opportunity").get(2);
        Automation flow = automation(AutomationKind.FLOW, "Create_Renewal_Opportunity");

        // then
        assertThat(renewal.label()).isEqualTo("Renewal");
        assertThat(renewal.activeStages()).extracting(Stage::apiName)
                .containsExactly("Renewal Review", "Negotiation/Review", "Closed Won", "Closed Lost");
        assertThat(flow.active()).isTrue();
        assertThat(flow.object()).isEqualTo("Contract");
        assertThat(flow.creates()).containsExactly("Opportunity");
        assertThat(flow.attributes()).containsEntry(Automation.SCHEDULE, "-120 days from EndDate");
    }

    @Test
    void leadStatusesAreTheLeadPipelineWithConvertedAndInactiveValues() {
        // when
        List<Pipeline> lead = snapshot.pipelinesOf("Lead");

        // then
        assertThat(lead).singleElement().extracting(Pipeline::id, Pipeline::isDefault).containsExactly("LeadStatus", true);
        assertThat(lead.get(0).stages()).extracting(Stage::apiName, Stage::active, Stage::converted).containsExactly(
                tuple("Open - Not Contacted", true, false),
                tuple("Working - Contacted", false, false),
                tuple("Marketing Qualified", true, false),
                tuple("Sales Qualified", true, false),
                tuple("Recycled", true, false),
                tuple("Closed - Converted", true, true),
                tuple("Closed - Not Converted", false, false));
    }

    @Test
    void customFieldsComeFromBothPackageDirectories() {
        // then
        assertThat(field("Opportunity", "Pain__c")).extracting(FieldDef::type, FieldDef::custom, FieldDef::historyTracked)
                .containsExactly("LongTextArea", true, true);
        assertThat(field("Opportunity", "Decision_Criteria__c").type()).isEqualTo("TextArea");
        assertThat(field("Lead", "Timeline__c").values()).containsExactly("Immediate", "0-3 months", "3-6 months", "6+ months");
        FieldDef tier = field("Account", "ICP_Tier__c");
        assertThat(tier).extracting(FieldDef::type, FieldDef::required, FieldDef::values)
                .containsExactly("Picklist", true, List.of("Tier 1", "Tier 2", "Tier 3"));
        assertThat(tier.ref()).isEqualTo(new ResourceRef("salesforce", "Account.ICP_Tier__c",
                "sales-ops/main/default/objects/Account/fields/ICP_Tier__c.field-meta.xml", 2));
        assertThat(snapshot.field("Opportunity", "Close_Plan__c")).isEmpty();
    }

    @Test
    void standardFieldsExistWithoutFilesAndFilesRefineThem() {
        // then
        assertThat(field("Opportunity", "Amount")).extracting(FieldDef::type, FieldDef::required, FieldDef::custom, FieldDef::historyTracked)
                .containsExactly("Currency", false, false, true);
        assertThat(field("Opportunity", "CloseDate")).extracting(FieldDef::type, FieldDef::required, FieldDef::ref)
                .containsExactly("Date", true, ResourceRef.of("salesforce", "Opportunity.CloseDate"));
        assertThat(field("Opportunity", "StageName").values()).containsExactly("Prospecting", "Qualification", "Needs Analysis",
                "Value Proposition", "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote", "Renewal Review",
                "Negotiation/Review", "Closed Won", "Closed Lost");
        assertThat(field("Lead", "Status").values()).containsExactly("Open - Not Contacted", "Marketing Qualified",
                "Sales Qualified", "Recycled", "Closed - Converted");
        assertThat(field("Lead", "LeadSource").values()).containsExactly("Web", "Webinar", "Trade Show", "Partner Referral", "Outbound");
        assertThat(field("Lead", "NumberOfEmployees").type()).isEqualTo("Number");
        assertThat(field("Account", "Industry").type()).isEqualTo("Picklist");
    }

    @Test
    void validationRulesListTheirRequirementsWhetherActiveOrNot() {
        // when
        Automation pain = automation(AutomationKind.VALIDATION, "Require_Pain_After_Discovery");
        Automation buyer = automation(AutomationKind.VALIDATION, "Require_Economic_Buyer");

        // then
        assertThat(pain.active()).isTrue();
        assertThat(pain.requirements()).containsExactly(new FieldRequirement("Pain__c", Set.of("Needs Analysis", "Value Proposition",
                "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review", "Renewal Review", "Closed Won",
                "Closed Lost")));
        assertThat(pain.fieldsReferenced()).containsExactly("Pain__c", "StageName");
        assertThat(pain.ref()).isEqualTo(new ResourceRef("salesforce", "ValidationRule/Opportunity.Require_Pain_After_Discovery",
                "force-app/main/default/objects/Opportunity/validationRules/Require_Pain_After_Discovery.validationRule-meta.xml", 2));
        assertThat(buyer.active()).isFalse();
        assertThat(buyer.requirements()).containsExactly(new FieldRequirement("Economic_Buyer__c",
                Set.of("Needs Analysis", "Value Proposition", "Proposal/Price Quote", "Negotiation/Review", "Closed Won")));
        assertThat(snapshot.automations()).noneMatch(automation -> automation.requirements().stream()
                .anyMatch(requirement -> requirement.field().equals("Amount") || requirement.field().equals("CloseDate")));
    }

    @Test
    void flowsFromTheSecondPackageDirectoryKeepTheirStatus() {
        // when
        Automation alert = automation(AutomationKind.FLOW, "Opportunity_Stage_Change_Alert");
        Automation renewal = automation(AutomationKind.FLOW, "Renewal_Kickoff_120_Days");

        // then
        assertThat(alert).extracting(Automation::active, Automation::object, Automation::trigger, Automation::label)
                .containsExactly(true, "Opportunity", "RecordAfterSave/Update", "Opportunity Stage Change Alert");
        assertThat(alert.fieldsReferenced()).containsExactly("StageName");
        assertThat(alert.ref()).isEqualTo(new ResourceRef("salesforce", "Flow/Opportunity_Stage_Change_Alert",
                "sales-ops/main/default/flows/Opportunity_Stage_Change_Alert.flow-meta.xml", 2));
        assertThat(renewal.active()).isFalse();
        assertThat(renewal.attributes()).containsEntry("status", "Draft").containsEntry("processType", "AutoLaunchedFlow");
        assertThat(renewal.fieldsReferenced()).containsExactly("CloseDate", "Name", "StageName");
    }

    @Test
    void theLegacyWorkflowRuleWritesItsFieldUpdate() {
        // when
        Automation rule = automation(AutomationKind.WORKFLOW, "Won Deal Onboarding Hand-off");

        // then
        assertThat(rule).extracting(Automation::object, Automation::active, Automation::trigger, Automation::expression)
                .containsExactly("Opportunity", true, "onCreateOrTriggeringUpdate", "Opportunity.StageName equals Closed Won");
        assertThat(rule.fieldsWritten()).containsExactly("NextStep");
        assertThat(rule.ref().path()).isEqualTo("WorkflowRule/Opportunity.Won Deal Onboarding Hand-off");
    }

    @Test
    void leadAssignmentRulesResolveQueuesToTheirLabels() {
        // when
        List<AssignmentRule> rules = snapshot.assignmentRules();

        // then
        assertThat(rules).extracting(AssignmentRule::name, AssignmentRule::active)
                .containsExactly(tuple("Round Robin v1.0", false), tuple("Standard", true));
        AssignmentRule standard = rules.get(1);
        assertThat(standard.ref()).isEqualTo(new ResourceRef("salesforce", "AssignmentRule/Lead.Standard",
                "force-app/main/default/assignmentRules/Lead.assignmentRules-meta.xml", 3));
        assertThat(standard.entries()).extracting(entry -> entry.criteria(), entry -> entry.assignee()).containsExactly(
                tuple(List.of(new Criterion("Lead.NumberOfEmployees", "greaterOrEqual", List.of("1000"))),
                        new Assignee(AssigneeKind.QUEUE, "Enterprise_SDR", "Enterprise SDR")),
                tuple(List.of(new Criterion("Lead.Country", "equals", List.of("Partner"))),
                        new Assignee(AssigneeKind.QUEUE, "Partner_Desk", "Partner Desk")));
        assertThat(rules.get(0).entries().get(0).criteria().get(0).values()).containsExactly("United States", "Canada");
        assertThat(rules.get(0).entries().get(1).booleanFilter()).isEqualTo("1 OR 2");
        Automation automation = automation(AutomationKind.ASSIGNMENT, "Standard");
        assertThat(automation.active()).isTrue();
        assertThat(automation.assignees()).extracting(Assignee::label).containsExactly("Enterprise SDR", "Partner Desk");
        assertThat(automation.fieldsWritten()).containsExactly("OwnerId");
    }

    @Test
    void queuesAreAssigneesWithTheirLabels() {
        // then
        assertThat(snapshot.assignees()).contains(
                new Assignee(AssigneeKind.QUEUE, "Enterprise_SDR", "Enterprise SDR"),
                new Assignee(AssigneeKind.QUEUE, "Mid_Market_SDR", "Mid-Market SDR"),
                new Assignee(AssigneeKind.QUEUE, "Partner_Desk", "Partner Desk"),
                new Assignee(AssigneeKind.USER, "revops.admin@northwind.example", "revops.admin@northwind.example"));
    }

    @Test
    void historyAndRecordsAreConsistent() {
        // given
        List<StageEvent> events = new ArrayList<>();
        snapshot.stageHistory().orElseThrow().forEach(events::add);
        List<CrmRecord> opportunities = snapshot.records().stream().filter(r -> r.object().equals("Opportunity")).toList();

        // when
        Set<String> historyIds = new HashSet<>();
        events.stream().filter(event -> event.object().equals("Opportunity")).forEach(event -> historyIds.add(event.recordId()));

        // then
        assertThat(snapshot.stageHistory().orElseThrow().description()).isEqualTo("data/OpportunityHistory.csv + data/LeadHistory.csv");
        assertThat(events).hasSize(2159 + 131 + 617).allMatch(event -> event.at().isBefore(NOW));  // 400 new-business deals + 48 renewals
        assertThat(opportunities).hasSize(400 + 48);
        assertThat(historyIds).hasSize(400 + 48);
        assertThat(opportunities).allMatch(record -> historyIds.contains(record.id()));
        assertThat(opportunities.get(0).values().get("Amount")).isInstanceOf(Double.class);
        assertThat(snapshot.records().stream().filter(r -> r.object().equals("Lead"))).hasSize(300)
                .allMatch(lead -> lead.values().get("NumberOfEmployees") instanceof Double);
    }

    @Test
    void leadStatusHistoryStartsEachChangedLeadAtOpenAndEndsAtItsCurrentStatus() {
        // given
        Map<String, StageEvent> first = new HashMap<>();
        Map<String, StageEvent> last = new HashMap<>();
        snapshot.stageHistory().orElseThrow().forEach(event -> {
            if (event.object().equals("Lead")) {
                first.merge(event.recordId(), event, (a, b) -> b.at().isBefore(a.at()) ? b : a);
                last.merge(event.recordId(), event, (a, b) -> b.at().isBefore(a.at()) ? a : b);
            }
        });

        // when
        List<CrmRecord> leads = snapshot.records().stream().filter(r -> r.object().equals("Lead"))
                .filter(lead -> !lead.values().get("Status").equals("Open - Not Contacted")).toList();

        // then
        assertThat(leads).hasSize(234);
        assertThat(first).hasSize(234).allSatisfy((id, event) -> assertThat(event.stage()).isEqualTo("Open - Not Contacted"));
        assertThat(leads).allSatisfy(lead -> assertThat(last.get(lead.id()))
                .extracting(StageEvent::stage, StageEvent::amount, StageEvent::forecastCategory)
                .containsExactly(lead.values().get("Status"), null, null));
    }

    private static FieldDef field(String object, String name) {
        return snapshot.field(object, name).orElseThrow(() -> new AssertionError("no field " + object + "." + name));
    }

    private static Automation automation(AutomationKind kind, String name) {
        return snapshot.automations().stream()
                .filter(automation -> automation.kind() == kind && automation.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }
}
