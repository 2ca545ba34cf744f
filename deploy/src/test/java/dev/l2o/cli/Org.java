package dev.l2o.cli;

import dev.l2o.model.Assignee;
import dev.l2o.model.AssigneeKind;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.ChangeTrail;
import dev.l2o.model.Completeness;
import dev.l2o.model.Criterion;
import dev.l2o.model.FieldDef;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.RuleEntry;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import dev.l2o.model.Stage;
import dev.l2o.snapshot.SnapshotWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small Salesforce org built by hand, to change one thing at a time and write as a snapshot file: a sales
 * process of four stages, two fields, a flow, a validation rule, a lead assignment rule and two queues.
 */
final class Org {
    static final Instant AS_OF = Instant.parse("2026-05-04T08:00:00Z");
    private static final String CRM = "salesforce";

    final List<Stage> stages = new ArrayList<>(List.of(
            stage("Prospecting", 0, 10.0, ForecastCategory.PIPELINE, false, false),
            stage("Qualification", 1, 25.0, ForecastCategory.PIPELINE, false, false),
            stage("Closed Won", 2, 100.0, ForecastCategory.CLOSED, true, true),
            stage("Closed Lost", 3, 0.0, ForecastCategory.OMITTED, true, false)));
    final List<FieldDef> fields = new ArrayList<>(List.of(
            field("Opportunity", "Pain__c", "LongTextArea", null),
            field("Lead", "Timeline__c", "Picklist", List.of("0-3 months", "3-6 months"))));
    final List<Automation> automations = new ArrayList<>(List.of(
            flow("Stage_Change_Alert", true),
            validation("Pain_Required", true)));
    final List<AssignmentRule> assignmentRules = new ArrayList<>(List.of(assignmentRule("Enterprise_SDR")));
    final List<Assignee> queues = new ArrayList<>(List.of(queue("Enterprise_SDR"), queue("Partner_Desk")));

    Instant asOf = AS_OF;
    ChangeTrail changeTrail = ChangeTrail.none(Snapshot.NO_CHANGE_TRAIL);

    Snapshot snapshot() {
        Pipeline pipeline = new Pipeline("OpportunityStage", "Sales", "Opportunity", true, stages,
                ResourceRef.of(CRM, "StandardValueSet/OpportunityStage"));
        return new Snapshot(new SourceInfo("snapshot", "org", Map.of()), CRM, asOf, Completeness.full(), List.of(pipeline),
                fields, automations, assignmentRules, queues, List.of(), null, changeTrail);
    }

    Path write(Path file) {
        SnapshotWriter.write(snapshot(), file);
        return file;
    }

    static Stage stage(String name, int order, Double probability, ForecastCategory forecast, boolean closed, boolean won) {
        return new Stage(name, name, order, probability, forecast, closed, won, false, true,
                ResourceRef.of(CRM, "Opportunity.StageName#" + name), Map.of());
    }

    static FieldDef field(String object, String name, String type, List<String> values) {
        return new FieldDef(object, name, name, type, false, true, values, null, null, false, ResourceRef.of(CRM, object + "." + name));
    }

    static Automation flow(String name, boolean active) {
        return new Automation(AutomationKind.FLOW, name, name, "Opportunity", active, "RecordAfterSave", Set.of("StageName"),
                Set.of(), List.of(), List.of(), null, ResourceRef.of(CRM, "Flow/" + name), Map.of());
    }

    static Automation validation(String name, boolean active) {
        return new Automation(AutomationKind.VALIDATION, name, name, "Opportunity", active, null, Set.of("Pain__c"), Set.of(),
                List.of(), List.of(), "ISBLANK(Pain__c)", ResourceRef.of(CRM, "Opportunity.ValidationRule#" + name), Map.of());
    }

    static AssignmentRule assignmentRule(String queue) {
        RuleEntry entry = new RuleEntry(1, List.of(new Criterion("Lead.NumberOfEmployees", "greaterOrEqual", List.of("1000"))),
                null, null, queue(queue));
        return new AssignmentRule("Lead", "Standard", true, List.of(entry), ResourceRef.of(CRM, "AssignmentRule/Lead.Standard"));
    }

    static Assignee queue(String name) {
        return new Assignee(AssigneeKind.QUEUE, name, name.replace('_', ' '));
    }
}
