package dev.l2o.snapshot;

import dev.l2o.model.Assignee;
import dev.l2o.model.AssigneeKind;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.ChangeTrail;
import dev.l2o.model.Completeness;
import dev.l2o.model.Criterion;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.FieldDef;
import dev.l2o.model.FieldRequirement;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.RuleEntry;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SetupChange;
import dev.l2o.model.SourceInfo;
import dev.l2o.model.Stage;
import dev.l2o.model.StageEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hand-built Salesforce snapshot that uses every part of the model: nulls wherever the model allows them,
 * text with quotes, control characters, non-ASCII letters and characters outside the Basic Multilingual
 * Plane, non-finite numbers, and instants finer than a millisecond.
 */
public final class SampleSnapshots {
    public static final String CRM = "salesforce";
    public static final Instant AS_OF = Instant.parse("2025-03-31T23:59:59.123456789Z");

    private SampleSnapshots() {}

    public static Snapshot salesforce() {
        return new Snapshot(
                new SourceInfo("sfdx", "force-app", Map.of("apiVersion", "62.0", "sourceApiVersion", "62.0")),
                CRM,
                AS_OF,
                Completeness.incomplete(List.of("Opportunity history ends at row 10 000 (\"Bulk API\" limit) — résumé")),
                List.of(opportunityPipeline(), leadLifecycle()),
                fields(),
                automations(),
                List.of(assignmentRule()),
                List.of(new Assignee(AssigneeKind.QUEUE, "EMEA_Inbound", "EMEA \"Inbound\" Queue"),
                        new Assignee(AssigneeKind.USER, "ana@example.com", null)),
                records(),
                new ListStageHistory(history(), "data/OpportunityHistory.csv", false),
                changeTrail());
    }

    /** Rows as Salesforce words them, one without a user and one with an exact subject, as HubSpot gives them. */
    public static ChangeTrail changeTrail() {
        return ChangeTrail.of("Salesforce SetupAuditTrail", List.of(
                new SetupChange(Instant.parse("2025-03-01T10:15:30Z"), "Ana Díaz", "changedValidationActive", "Validation Rules",
                        "Changed active flag for Opportunity validation \"Require_Economic_Buyer\" from 1 to 0", null),
                new SetupChange(Instant.parse("2025-02-01T08:00:00.000000001Z"), null, null, null,
                        "Stage \"Closed \u2014 Won\" updated \uD83D\uDE80", ResourceRef.of(CRM, "Opportunity.StageName#Closed Won"))));
    }

    public static Pipeline opportunityPipeline() {
        return new Pipeline("OpportunityStage", "Opportunity Stages", "Opportunity", true, List.of(
                stage(0, "Prospecting", "Prospecting", 10.0, ForecastCategory.PIPELINE, false, false),
                stage(1, "Qualification", "Qualifi\"cation\" ✓ / 資格", null, null, false, false),
                stage(2, "Proposal/Price Quote", "Proposal\tPrice\nQuote", 75.5, ForecastCategory.BEST_CASE, false, false),
                stage(3, "Closed Won", "Closed Won 🚀", 100.0, ForecastCategory.CLOSED, true, true),
                stage(4, "Closed Lost", null, 0.0, ForecastCategory.OMITTED, true, false)),
                ResourceRef.of(CRM, "StandardValueSet/OpportunityStage")
                        .inFile("standardValueSets/OpportunityStage.standardValueSet-meta.xml", 1));
    }

    private static Pipeline leadLifecycle() {
        Stage open = new Stage("Open - Not Contacted", null, 0, null, null, false, false, false, true,
                ResourceRef.of(CRM, "Lead.Status#Open - Not Contacted"), Map.of());
        Stage converted = new Stage("Closed - Converted", "Converted", 1, null, null, true, false, true, false,
                ResourceRef.of(CRM, "Lead.Status#Closed - Converted"), Map.of("default", "false"));
        return new Pipeline("LeadStatus", null, "Lead", false, List.of(open, converted), ResourceRef.of(CRM, "StandardValueSet/LeadStatus"));
    }

    private static Stage stage(int order, String apiName, String label, Double probability, ForecastCategory forecast,
            boolean closed, boolean won) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("reverseRole", order == 3 ? "Closed Lost" : null);
        attributes.put("color", "#" + order + "0a0ff");
        return new Stage(apiName, label, order, probability, forecast, closed, won, false, order != 4,
                ResourceRef.of(CRM, "Opportunity.StageName#" + apiName)
                        .inFile("standardValueSets/OpportunityStage.standardValueSet-meta.xml", 10 + order * 12),
                attributes);
    }

    private static List<FieldDef> fields() {
        return List.of(
                new FieldDef("Opportunity", "Pain__c", "Pain \\ Impact", "LongTextArea", true, true, null, null, null, true,
                        ResourceRef.of(CRM, "Opportunity.Pain__c").inFile("objects/Opportunity/fields/Pain__c.field-meta.xml", 1)),
                new FieldDef("Opportunity", "Segment__c", null, "Picklist", false, true,
                        List.of("SMB", "Mid-Market", "Ünïcode", "line\nbreak", "tab\there", "bell\u0007", "🚀"),
                        "Segments", null, false, ResourceRef.of(CRM, "Opportunity.Segment__c")),
                new FieldDef("Opportunity", "Weighted__c", "Weighted", "Currency", false, true, null, null,
                        "Amount * Probability / 100 /* \"percent\" */", false, ResourceRef.of(CRM, "Opportunity.Weighted__c")));
    }

    private static List<Automation> automations() {
        return List.of(
                new Automation(AutomationKind.VALIDATION, "Pain_Required_In_Proposal", "Pain required", "Opportunity", true,
                        null, Set.of("StageName", "Pain__c"), null,
                        List.of(new FieldRequirement("Pain__c", Set.of("Proposal/Price Quote", "Closed Won"))), null,
                        "AND(ISPICKVAL(StageName, \"Proposal/Price Quote\"), ISBLANK(Pain__c))",
                        ResourceRef.of(CRM, "Opportunity.ValidationRule#Pain_Required_In_Proposal"),
                        Map.of("errorConditionFormula", "yes")),
                new Automation(AutomationKind.FLOW, "Lead_Routing", null, "Lead", false, "RecordAfterSave/Create",
                        Set.of("Country"), Set.of("OwnerId"), null,
                        List.of(new Assignee(AssigneeKind.QUEUE, "EMEA_Inbound", null)), null,
                        ResourceRef.of(CRM, "Flow/Lead_Routing"), Map.of("processType", "AutoLaunchedFlow")),
                new Automation(AutomationKind.WORKFLOW, "Notify", null, null, true, null, null, null, null, null, null,
                        ResourceRef.of(CRM, "Workflow/Notify"), null));
    }

    private static AssignmentRule assignmentRule() {
        RuleEntry byCountry = new RuleEntry(1,
                List.of(new Criterion("Lead.Country", "equals", List.of("DE", "FR", "Côte d'Ivoire")),
                        new Criterion("Lead.NumberOfEmployees", "greaterOrEqual", List.of("500"))),
                "1 AND 2", null, new Assignee(AssigneeKind.QUEUE, "EMEA_Inbound", "EMEA Inbound"));
        RuleEntry byFormula = new RuleEntry(2, null, null, "ISPICKVAL(LeadSource, \"Web\")", null);
        return new AssignmentRule("Lead", "Standard", true, List.of(byCountry, byFormula),
                ResourceRef.of(CRM, "AssignmentRules/Lead/Standard").inFile("assignmentRules/Lead.assignmentRules-meta.xml", 3));
    }

    private static List<CrmRecord> records() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Name", "Acme \"Rocket\" — Phase 2 🚀");
        values.put("Amount", 12500.5);
        values.put("NumberOfEmployees", 1200L);
        values.put("IsClosed", false);
        values.put("NextStep", null);
        values.put("Score__c", Double.NaN);
        values.put("Upside__c", Double.NEGATIVE_INFINITY);
        values.put("Big__c", Long.MAX_VALUE);
        values.put("Whole__c", 3.0);
        return List.of(new CrmRecord("Opportunity", "006000000000001AAA", values),
                new CrmRecord("Lead", "00Q000000000001AAA", Map.of()));
    }

    private static List<StageEvent> history() {
        return List.of(
                new StageEvent("Opportunity", "006000000000001AAA", "Prospecting", Instant.parse("2025-01-02T09:00:00Z"),
                        1000.0, LocalDate.parse("2025-03-31"), 10.0, ForecastCategory.PIPELINE),
                new StageEvent("Opportunity", "006000000000001AAA", "Qualification", Instant.parse("2025-01-09T09:00:00.123456Z"),
                        null, null, null, null),
                new StageEvent("Lead", "00Q000000000001AAA", "Open - Not Contacted", Instant.parse("1969-12-31T23:59:59.999Z"),
                        Double.NaN, null, null, ForecastCategory.MOST_LIKELY),
                new StageEvent("Opportunity", "006000000000001AAA", "Closed Won", Instant.parse("2025-02-01T17:30:00.250Z"),
                        12500.5, LocalDate.parse("2025-02-01"), 100.0, ForecastCategory.CLOSED),
                new StageEvent("Opportunity", "006 \"odd\" id ✓", "Closed Won", Instant.parse("2025-02-01T17:30:00Z"),
                        -0.0, LocalDate.parse("0001-01-01"), 0.0, ForecastCategory.COMMIT));
    }
}
