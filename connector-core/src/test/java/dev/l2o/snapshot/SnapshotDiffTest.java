package dev.l2o.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.model.Assignee;
import dev.l2o.model.AssigneeKind;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.Completeness;
import dev.l2o.model.Criterion;
import dev.l2o.model.FieldDef;
import dev.l2o.model.FieldRequirement;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.RuleEntry;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import dev.l2o.model.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {
    private static final Instant MONDAY = Instant.parse("2025-03-03T02:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2025-03-04T02:00:00Z");

    @Test
    void equalConfigurationGivesNoChangesWhateverTheHistory() {
        // given
        Snapshot old = SampleSnapshots.salesforce();
        Snapshot neu = SampleSnapshots.salesforce().withHistory(null).withAsOf(TUESDAY);

        // when
        SnapshotDiff diff = SnapshotDiff.between(old, neu);

        // then
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.oldAsOf()).isEqualTo(SampleSnapshots.AS_OF);
        assertThat(diff.newAsOf()).isEqualTo(TUESDAY);
    }

    @Test
    void aStageAddedOrRemovedIsOneChangeWithoutMovingTheOthers() {
        // given
        Snapshot old = config().pipelines(pipeline(stage("Prospecting", 0), stage("Proposal", 1), stage("Closed Won", 2))).build();
        Snapshot neu = config().pipelines(pipeline(stage("Prospecting", 0), stage("Discovery", 1), stage("Closed Won", 2))).build();

        // when
        SnapshotDiff diff = SnapshotDiff.between(old, neu);

        // then
        assertChanges(diff).containsExactly(
                tuple(ChangeKind.ADDED, "stage", "salesforce:Opportunity.StageName#Discovery", null, "Discovery"),
                tuple(ChangeKind.REMOVED, "stage", "salesforce:Opportunity.StageName#Proposal", "Proposal", null));
        assertThat(diff.changes().get(0).description()).isEqualTo("stage 'Discovery' of pipeline 'Sales' was added");
    }

    @Test
    void stagePropertiesThatChangedAreOneChangeEach() {
        // given
        Snapshot old = config().pipelines(pipeline(
                new Stage("Commit", null, 0, 60.0, ForecastCategory.BEST_CASE, false, false, false, true, stageRef("Commit"), null)))
                .build();
        Snapshot neu = config().pipelines(pipeline(
                new Stage("Commit", null, 0, 75.5, ForecastCategory.COMMIT, true, true, false, false, stageRef("Commit"), null)))
                .build();

        // when
        SnapshotDiff diff = SnapshotDiff.between(old, neu);

        // then
        assertChanges(diff).containsExactly(
                tuple(ChangeKind.MODIFIED, "stage", "salesforce:Opportunity.StageName#Commit", "60", "75.5"),
                tuple(ChangeKind.MODIFIED, "stage", "salesforce:Opportunity.StageName#Commit", "BestCase", "Commit"),
                tuple(ChangeKind.MODIFIED, "stage", "salesforce:Opportunity.StageName#Commit", "false", "true"),
                tuple(ChangeKind.MODIFIED, "stage", "salesforce:Opportunity.StageName#Commit", "false", "true"),
                tuple(ChangeKind.MODIFIED, "stage", "salesforce:Opportunity.StageName#Commit", "true", "false"));
        assertThat(diff.changes()).extracting(Change::description).containsExactly(
                "probability of stage 'Commit' of pipeline 'Sales' changed from '60' to '75.5'",
                "forecast category of stage 'Commit' of pipeline 'Sales' changed from 'BestCase' to 'Commit'",
                "closed of stage 'Commit' of pipeline 'Sales' changed from 'false' to 'true'",
                "won of stage 'Commit' of pipeline 'Sales' changed from 'false' to 'true'",
                "active of stage 'Commit' of pipeline 'Sales' changed from 'true' to 'false'");
    }

    @Test
    void aStageMovedForwardIsTheOnlyStageReportedAsMoved() {
        // given
        Snapshot old = config().pipelines(pipeline(stage("A", 0), stage("B", 1), stage("C", 2), stage("D", 3))).build();
        Snapshot neu = config().pipelines(pipeline(stage("D", 0), stage("A", 1), stage("B", 2), stage("C", 3))).build();

        // when
        SnapshotDiff diff = SnapshotDiff.between(old, neu);

        // then
        assertChanges(diff).containsExactly(tuple(ChangeKind.MODIFIED, "stage", "salesforce:Opportunity.StageName#D", "4", "1"));
        assertThat(diff.changes().get(0).description()).isEqualTo("stage 'D' of pipeline 'Sales' moved from position 4 to 1");
    }

    @Test
    void aPipelineAddedRemovedOrRelabelledIsAPipelineChange() {
        // given
        Pipeline deals = new Pipeline("default", "Sales Pipeline", "deals", true, List.of(), ResourceRef.of("hubspot", "pipeline/default"));
        Pipeline renewals = new Pipeline("renewals", null, "deals", false, List.of(), ResourceRef.of("hubspot", "pipeline/renewals"));
        Pipeline relabelled = new Pipeline("default", "New Business", "deals", true, List.of(), ResourceRef.of("hubspot", "pipeline/default"));
        Pipeline partners = new Pipeline("partners", "Partners", "deals", false, List.of(), ResourceRef.of("hubspot", "pipeline/partners"));

        // when
        SnapshotDiff diff = SnapshotDiff.between(config().pipelines(deals, renewals).build(), config().pipelines(relabelled, partners).build());

        // then
        assertChanges(diff).containsExactly(
                tuple(ChangeKind.MODIFIED, "pipeline", "hubspot:pipeline/default", "Sales Pipeline", "New Business"),
                tuple(ChangeKind.ADDED, "pipeline", "hubspot:pipeline/partners", null, "Partners"),
                tuple(ChangeKind.REMOVED, "pipeline", "hubspot:pipeline/renewals", "renewals", null));
    }

    @Test
    void recordTypesThatChangedSalesProcessAreAPipelineChange() {
        // given
        ResourceRef ref = ResourceRef.of("salesforce", "BusinessProcess/Opportunity.Renewal");
        Pipeline before = new Pipeline("Opportunity.Renewal", "Renewal", "Opportunity", false, List.of(), ref, List.of("Renewal"));
        Pipeline after = new Pipeline("Opportunity.Renewal", "Renewal", "Opportunity", false, List.of(), ref,
                List.of("Renewal", "Upsell"));

        // when
        SnapshotDiff diff = SnapshotDiff.between(config().pipelines(before).build(), config().pipelines(after).build());

        // then
        assertChanges(diff).containsExactly(
                tuple(ChangeKind.MODIFIED, "pipeline", "salesforce:BusinessProcess/Opportunity.Renewal", "Renewal", "Renewal, Upsell"));
        assertThat(diff.changes()).extracting(Change::description)
                .containsExactly("record types of pipeline 'Renewal' of Opportunity changed from 'Renewal' to 'Renewal, Upsell'");
    }

    @Test
    void fieldTypeRequiredAndFormulaChangesAreFieldChanges() {
        // given
        FieldDef before = field("Amount__c", "Number", false, List.of(), null);
        FieldDef after = field("Amount__c", "Currency", true, List.of(), "Quantity__c * Price__c");

        // when
        SnapshotDiff diff = SnapshotDiff.between(config().fields(before).build(), config().fields(after).build());

        // then
        assertChanges(diff).containsExactly(
                tuple(ChangeKind.MODIFIED, "field", "salesforce:Opportunity.Amount__c", "Number", "Currency"),
                tuple(ChangeKind.MODIFIED, "field", "salesforce:Opportunity.Amount__c", "false", "true"),
                tuple(ChangeKind.MODIFIED, "field", "salesforce:Opportunity.Amount__c", null, "Quantity__c * Price__c"));
        assertThat(diff.changes().get(2).description())
                .isEqualTo("formula of field Opportunity.Amount__c changed from none to 'Quantity__c * Price__c'");
    }

    @Test
    void picklistValuesAddedAndRemovedAreOneChangeEachAddressedByValue() {
        // given
        FieldDef before = field("Segment__c", "Picklist", false, List.of("SMB", "Mid-Market", "Enterprise"), null);
        FieldDef after = field("Segment__c", "Picklist", false, List.of("SMB", "Enterprise", "Strategic"), null);

        // when
        SnapshotDiff diff = SnapshotDiff.between(config().fields(before).build(), config().fields(after).build());

        // then
        assertChanges(diff).containsExactly(
                tuple(ChangeKind.REMOVED, "picklistValue", "salesforce:Opportunity.Segment__c#Mid-Market", "Mid-Market", null),
                tuple(ChangeKind.ADDED, "picklistValue", "salesforce:Opportunity.Segment__c#Strategic", null, "Strategic"));
    }

    @Test
    void fieldsAddedAndRemovedAreFieldChangesInNameOrder() {
        // given
        FieldDef pain = field("Pain__c", "TextArea", false, List.of(), null);
        FieldDef budget = field("Budget__c", "Currency", false, List.of(), null);
        FieldDef champion = field("Champion__c", "Lookup", false, List.of(), null);

        // when
        SnapshotDiff diff = SnapshotDiff.between(config().fields(pain, budget).build(), config().fields(champion, pain).build());

        // then
        assertChanges(diff).containsExactly(
                tuple(ChangeKind.REMOVED, "field", "salesforce:Opportunity.Budget__c", "Currency", null),
                tuple(ChangeKind.ADDED, "field", "salesforce:Opportunity.Champion__c", null, "Lookup"));
    }

    @Test
    void automationChangesAreCategorisedByKind() {
        // given
        Automation validation = automation(AutomationKind.VALIDATION, "Pain_Required", true, null,
                List.of(new FieldRequirement("Pain__c", Set.of("Proposal"))), Set.of(), "ISBLANK(Pain__c)");
        Automation validationLater = automation(AutomationKind.VALIDATION, "Pain_Required", false, null,
                List.of(new FieldRequirement("Pain__c", Set.of("Proposal", "Negotiation"))), Set.of(), "ISBLANK(Pain__c)");
        Automation flow = automation(AutomationKind.FLOW, "Set_Close_Date", true, "RecordBeforeSave/Create", List.of(),
                Set.of("CloseDate"), null);
        Automation flowLater = automation(AutomationKind.FLOW, "Set_Close_Date", true, "RecordBeforeSave/CreateAndUpdate",
                List.of(), Set.of("CloseDate", "NextStep"), null);
        Automation workflow = automation(AutomationKind.WORKFLOW, "Notify_Manager", true, null, List.of(), Set.of(), "Amount > 100000");
        Automation assignment = automation(AutomationKind.ASSIGNMENT, "Round_Robin", true, null, List.of(), Set.of("OwnerId"), null);

        // when
        SnapshotDiff diff = SnapshotDiff.between(config().automations(validation, flow, workflow).build(),
                config().automations(validationLater, flowLater, assignment).build());

        // then
        assertChanges(diff).containsExactly(
                tuple(ChangeKind.ADDED, "automation", "salesforce:Automation/Round_Robin", null, "active"),
                tuple(ChangeKind.MODIFIED, "flow", "salesforce:Automation/Set_Close_Date", "RecordBeforeSave/Create",
                        "RecordBeforeSave/CreateAndUpdate"),
                tuple(ChangeKind.MODIFIED, "flow", "salesforce:Automation/Set_Close_Date", "CloseDate", "CloseDate, NextStep"),
                tuple(ChangeKind.MODIFIED, "validationRule", "salesforce:Automation/Pain_Required", "true", "false"),
                tuple(ChangeKind.MODIFIED, "validationRule", "salesforce:Automation/Pain_Required", "Pain__c in Proposal",
                        "Pain__c in Negotiation, Proposal"),
                tuple(ChangeKind.REMOVED, "workflow", "salesforce:Automation/Notify_Manager", "active", null));
        assertThat(diff.changes(Change.VALIDATION_RULE)).extracting(Change::description).containsExactly(
                "active of validation rule Opportunity.Pain_Required changed from 'true' to 'false'",
                "requirements of validation rule Opportunity.Pain_Required changed from 'Pain__c in Proposal' to "
                        + "'Pain__c in Negotiation, Proposal'");
    }

    @Test
    void anAutomationExpressionChangeIsReported() {
        // given
        Automation before = automation(AutomationKind.WORKFLOW, "Big_Deal", true, null, List.of(), Set.of(), "Amount > 100000");
        Automation after = automation(AutomationKind.WORKFLOW, "Big_Deal", true, null, List.of(), Set.of(), "Amount > 250000");

        // when
        SnapshotDiff diff = SnapshotDiff.between(config().automations(before).build(), config().automations(after).build());

        // then
        assertChanges(diff).containsExactly(
                tuple(ChangeKind.MODIFIED, "workflow", "salesforce:Automation/Big_Deal", "Amount > 100000", "Amount > 250000"));
    }

    @Test
    void assignmentRuleActivationAndEntriesAreReported() {
        // given
        Assignee emea = new Assignee(AssigneeKind.QUEUE, "EMEA", null);
        Assignee apac = new Assignee(AssigneeKind.QUEUE, "APAC", null);
        RuleEntry germany = new RuleEntry(1, List.of(new Criterion("Lead.Country", "equals", List.of("DE", "AT"))), null, null, emea);
        RuleEntry germanyAndSwiss = new RuleEntry(1, List.of(new Criterion("Lead.Country", "equals", List.of("DE", "AT", "CH"))),
                null, null, emea);
        RuleEntry japan = new RuleEntry(2, List.of(new Criterion("Lead.Country", "equals", List.of("JP"))), null, null, apac);
        RuleEntry fallback = new RuleEntry(3, null, null, null, null);
        Snapshot old = config().assignmentRules(rule(true, germany, japan)).build();
        Snapshot neu = config().assignmentRules(rule(false, germanyAndSwiss, fallback)).build();

        // when
        SnapshotDiff diff = SnapshotDiff.between(old, neu);

        // then
        assertChanges(diff).containsExactly(
                tuple(ChangeKind.MODIFIED, "assignmentRule", "salesforce:AssignmentRules/Lead/Standard", "true", "false"),
                tuple(ChangeKind.MODIFIED, "assignmentRuleEntry", "salesforce:AssignmentRules/Lead/Standard/entry/1",
                        "Lead.Country equals DE, AT -> queue EMEA", "Lead.Country equals DE, AT, CH -> queue EMEA"),
                tuple(ChangeKind.REMOVED, "assignmentRuleEntry", "salesforce:AssignmentRules/Lead/Standard/entry/2",
                        "Lead.Country equals JP -> queue APAC", null),
                tuple(ChangeKind.ADDED, "assignmentRuleEntry", "salesforce:AssignmentRules/Lead/Standard/entry/3", null,
                        "always -> keep owner"));
    }

    @Test
    void assignmentRulesAddedAndRemovedAreReported() {
        // given
        AssignmentRule standard = rule(true);
        AssignmentRule web = new AssignmentRule("Lead", "Web", false, List.of(), ResourceRef.of("salesforce", "AssignmentRules/Lead/Web"));

        // when
        SnapshotDiff diff = SnapshotDiff.between(config().assignmentRules(standard).build(), config().assignmentRules(web).build());

        // then
        assertChanges(diff).containsExactly(
                tuple(ChangeKind.REMOVED, "assignmentRule", "salesforce:AssignmentRules/Lead/Standard", "active", null),
                tuple(ChangeKind.ADDED, "assignmentRule", "salesforce:AssignmentRules/Lead/Web", null, "inactive"));
    }

    @Test
    void queuesAddedRemovedAndRelabelledAreReportedAndUsersAreNot() {
        // given
        Snapshot old = config().assignees(new Assignee(AssigneeKind.QUEUE, "EMEA", "EMEA"),
                new Assignee(AssigneeKind.QUEUE, "APAC", "APAC"), new Assignee(AssigneeKind.USER, "ana@example.com", null)).build();
        Snapshot neu = config().assignees(new Assignee(AssigneeKind.QUEUE, "EMEA", "Europe"),
                new Assignee(AssigneeKind.QUEUE, "AMER", "Americas"), new Assignee(AssigneeKind.USER, "bo@example.com", null)).build();

        // when
        SnapshotDiff diff = SnapshotDiff.between(old, neu);

        // then
        assertChanges(diff).containsExactly(
                tuple(ChangeKind.ADDED, "queue", "salesforce:Queue/AMER", null, "Americas"),
                tuple(ChangeKind.REMOVED, "queue", "salesforce:Queue/APAC", "APAC", null),
                tuple(ChangeKind.MODIFIED, "queue", "salesforce:Queue/EMEA", "EMEA", "Europe"));
    }

    @Test
    void changesComeInCategoryOrderWhateverTheInputOrder() {
        // given
        Snapshot old = config().build();
        Snapshot neu = config()
                .assignees(new Assignee(AssigneeKind.QUEUE, "EMEA", null))
                .assignmentRules(rule(true))
                .automations(automation(AutomationKind.FLOW, "Route", true, null, List.of(), Set.of(), null))
                .fields(field("Pain__c", "TextArea", false, List.of(), null))
                .pipelines(pipeline(stage("Prospecting", 0)))
                .build();

        // when
        SnapshotDiff diff = SnapshotDiff.between(old, neu);

        // then
        assertThat(diff.changes()).extracting(Change::category)
                .containsExactly("pipeline", "field", "flow", "assignmentRule", "queue");
        assertThat(SnapshotDiff.between(old, neu)).isEqualTo(diff);
    }

    private static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertChanges(SnapshotDiff diff) {
        return assertThat(diff.changes()).extracting(Change::kind, Change::category, change -> change.subject().address(),
                Change::before, Change::after);
    }

    private static Stage stage(String apiName, int order) {
        return new Stage(apiName, null, order, null, null, false, false, false, true, stageRef(apiName), null);
    }

    private static ResourceRef stageRef(String apiName) {
        return ResourceRef.of("salesforce", "Opportunity.StageName#" + apiName);
    }

    private static Pipeline pipeline(Stage... stages) {
        return new Pipeline("OpportunityStage", "Sales", "Opportunity", true, List.of(stages),
                ResourceRef.of("salesforce", "StandardValueSet/OpportunityStage"));
    }

    private static FieldDef field(String name, String type, boolean required, List<String> values, String formula) {
        return new FieldDef("Opportunity", name, null, type, required, true, values, null, formula, false,
                ResourceRef.of("salesforce", "Opportunity." + name));
    }

    private static Automation automation(AutomationKind kind, String name, boolean active, String trigger,
            List<FieldRequirement> requirements, Set<String> fieldsWritten, String expression) {
        return new Automation(kind, name, null, "Opportunity", active, trigger, Set.of(), fieldsWritten, requirements, List.of(),
                expression, ResourceRef.of("salesforce", "Automation/" + name), Map.of());
    }

    private static AssignmentRule rule(boolean active, RuleEntry... entries) {
        return new AssignmentRule("Lead", "Standard", active, List.of(entries), ResourceRef.of("salesforce", "AssignmentRules/Lead/Standard"));
    }

    private static Config config() {
        return new Config();
    }

    /** The configuration parts of a snapshot, each empty unless set. */
    private static final class Config {
        private final List<Pipeline> pipelines = new ArrayList<>();
        private final List<FieldDef> fields = new ArrayList<>();
        private final List<Automation> automations = new ArrayList<>();
        private final List<AssignmentRule> assignmentRules = new ArrayList<>();
        private final List<Assignee> assignees = new ArrayList<>();

        Config pipelines(Pipeline... values) {
            pipelines.addAll(List.of(values));
            return this;
        }

        Config fields(FieldDef... values) {
            fields.addAll(List.of(values));
            return this;
        }

        Config automations(Automation... values) {
            automations.addAll(List.of(values));
            return this;
        }

        Config assignmentRules(AssignmentRule... values) {
            assignmentRules.addAll(List.of(values));
            return this;
        }

        Config assignees(Assignee... values) {
            assignees.addAll(List.of(values));
            return this;
        }

        Snapshot build() {
            return new Snapshot(new SourceInfo("salesforce", "https://example.my.salesforce.com", null), "salesforce", MONDAY,
                    Completeness.full(), pipelines, fields, automations, assignmentRules, assignees, List.of(), null);
        }
    }
}
