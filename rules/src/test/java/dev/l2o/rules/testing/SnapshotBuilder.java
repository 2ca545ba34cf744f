package dev.l2o.rules.testing;

import dev.l2o.model.Assignee;
import dev.l2o.model.AssigneeKind;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.Completeness;
import dev.l2o.model.CrmRecord;
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
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds {@link Snapshot}s for tests in a few lines, with the addresses a real connector gives
 * ({@code salesforce:Opportunity.StageName#Qualification}, {@code hubspot:pipeline/default/stage/closedwon}).
 * A built snapshot has an empty stage history unless {@link #withoutHistory()} is called.
 *
 * <pre>{@code
 * Snapshot snapshot = SnapshotBuilder.salesforce()
 *         .pipeline("Opportunity", "New Business", p -> p
 *                 .stage("Qualification", s -> s.probability(10).forecast(ForecastCategory.PIPELINE))
 *                 .stage("Closed Won", s -> s.closedWon()))
 *         .field("Opportunity", "Pain__c", "LongTextArea")
 *         .validationRule("Opportunity", "Require_Pain", true, "Pain__c", "Needs Analysis")
 *         .build();
 * }</pre>
 */
public final class SnapshotBuilder {
    public static final Instant AS_OF = Instant.parse("2026-03-01T00:00:00Z");

    private final String crm;
    private final List<Pipeline> pipelines = new ArrayList<>();
    private final List<FieldDef> fields = new ArrayList<>();
    private final List<Automation> automations = new ArrayList<>();
    private final List<AssignmentRule> assignmentRules = new ArrayList<>();
    private final List<CrmRecord> records = new ArrayList<>();
    private StageHistory history = new EmptyHistory();

    private SnapshotBuilder(String crm) {
        this.crm = crm;
    }

    public static SnapshotBuilder salesforce() {
        return new SnapshotBuilder("salesforce");
    }

    public static SnapshotBuilder hubspot() {
        return new SnapshotBuilder("hubspot");
    }

    /** A default pipeline of {@code object} (the Salesforce stage value set, HubSpot's {@code default}). */
    public SnapshotBuilder pipeline(String object, String label, Consumer<PipelineBuilder> stages) {
        return pipeline(object, label, true, stages);
    }

    public SnapshotBuilder pipeline(String object, String label, boolean isDefault, Consumer<PipelineBuilder> stages) {
        // the ids the connectors give: HubSpot's default pipeline is "default", a Salesforce sales process Object.Name
        String id = crm.equals("hubspot") ? (isDefault ? "default" : label) : isDefault ? label : object + "." + label;
        ResourceRef ref = crm.equals("hubspot")
                ? ResourceRef.of(crm, "pipeline/" + id)
                : ResourceRef.of(crm, isDefault ? object + "." + stageField(object) : "BusinessProcess/" + object + "." + label);
        PipelineBuilder builder = new PipelineBuilder(object, ref);
        stages.accept(builder);
        pipelines.add(new Pipeline(id, label, object, isDefault, builder.stages, ref));
        return this;
    }

    public SnapshotBuilder field(String object, String name, String type) {
        return field(object, name, type, false, List.of());
    }

    public SnapshotBuilder requiredField(String object, String name, String type) {
        return field(object, name, type, true, List.of());
    }

    public SnapshotBuilder picklist(String object, String name, String... values) {
        return field(object, name, "Picklist", false, Arrays.asList(values));
    }

    /** Adds a field, replacing one of the same object and name added before. */
    public SnapshotBuilder field(String object, String name, String type, boolean required, List<String> values) {
        fields.removeIf(f -> f.object().equals(object) && f.name().equals(name));
        ResourceRef ref = ResourceRef.of(crm, object + "." + name);
        if (crm.equals("salesforce")) {
            ref = ref.inFile("force-app/main/default/objects/" + object + "/fields/" + name + ".field-meta.xml", 2);
        }
        fields.add(new FieldDef(object, name, null, type, required, name.endsWith("__c"), values, null, null, false, ref));
        return this;
    }

    /** A validation rule that requires {@code field} in {@code stages} (every stage when none). */
    public SnapshotBuilder validationRule(String object, String name, boolean active, String field, String... stages) {
        return automation(AutomationKind.VALIDATION, object, name, active,
                List.of(new FieldRequirement(field, Set.of(stages))), List.of());
    }

    /** A record-triggered flow that blocks saves without {@code field} in {@code stages}. */
    public SnapshotBuilder requiringFlow(String object, String name, boolean active, String field, String... stages) {
        return automation(AutomationKind.FLOW, object, name, active,
                List.of(new FieldRequirement(field, Set.of(stages))), List.of());
    }

    /** A flow that assigns records of {@code object} to {@code assignees}. */
    public SnapshotBuilder routingFlow(String object, String name, boolean active, Assignee... assignees) {
        return automation(AutomationKind.FLOW, object, name, active, List.of(), List.of(assignees));
    }

    /** A flow that neither enforces nor routes. */
    public SnapshotBuilder flow(String object, String name, boolean active) {
        return automation(AutomationKind.FLOW, object, name, active, List.of(), List.of());
    }

    public SnapshotBuilder automation(
            AutomationKind kind, String object, String name, boolean active, List<FieldRequirement> requirements,
            List<Assignee> assignees) {
        String path = switch (kind) {
            case VALIDATION -> "ValidationRule/" + object + "." + name;
            case FLOW -> "Flow/" + name;
            case WORKFLOW -> "WorkflowRule/" + object + "." + name;
            case ASSIGNMENT -> "AssignmentRule/" + object + "." + name;
        };
        automations.add(new Automation(kind, name, null, object, active, null, Set.of(), Set.of(), requirements,
                assignees, null, ResourceRef.of(crm, path), Map.of()));
        return this;
    }

    /** A flow on {@code object} that creates {@code creates} records, with its scheduled paths ({@link Automation#SCHEDULE}). */
    public SnapshotBuilder creatingFlow(String object, String name, boolean active, String creates, String schedule) {
        Map<String, String> attributes = new TreeMap<>(Map.of(Automation.CREATES, creates, "status", active ? "Active" : "Draft"));
        if (schedule != null) {
            attributes.put(Automation.SCHEDULE, schedule);
        }
        automations.add(new Automation(AutomationKind.FLOW, name, null, object, active, null, Set.of(), Set.of(), List.of(),
                List.of(), null, ResourceRef.of(crm, "Flow/" + name), attributes));
        return this;
    }

    public SnapshotBuilder assignmentRule(String object, String name, boolean active, RuleEntry... entries) {
        ResourceRef ref = ResourceRef.of(crm, "AssignmentRule/" + object + "." + name)
                .inFile("force-app/main/default/assignmentRules/" + object + ".assignmentRules-meta.xml", 3);
        assignmentRules.add(new AssignmentRule(object, name, active, List.of(entries), ref));
        return this;
    }

    /** Drops the automations named {@code name} added so far. */
    public SnapshotBuilder withoutAutomation(String name) {
        automations.removeIf(a -> a.name().equals(name));
        return this;
    }

    /** The source's stage history is these rows, in this order. */
    public SnapshotBuilder history(List<StageEvent> rows) {
        List<StageEvent> copy = List.copyOf(rows);
        history = new StageHistory() {
            @Override
            public void forEach(Consumer<StageEvent> sink) {
                copy.forEach(sink);
            }

            @Override
            public String description() {
                return "test rows";
            }
        };
        return this;
    }

    /** The source has no stage history. */
    public SnapshotBuilder withoutHistory() {
        history = null;
        return this;
    }

    /** A record's current values, and the pipeline its source names for it (null: none). */
    public SnapshotBuilder record(String object, String id, String pipeline, Map<String, Object> values) {
        records.add(new CrmRecord(object, id, values, pipeline));
        return this;
    }

    public Snapshot build() {
        return new Snapshot(new SourceInfo("test", "memory", Map.of()), crm, AS_OF, Completeness.full(), pipelines,
                fields, automations, assignmentRules, List.of(), records, history);
    }

    public static RuleEntry entry(int order, Assignee assignee, Criterion... criteria) {
        return new RuleEntry(order, List.of(criteria), null, null, assignee);
    }

    public static Criterion criterion(String field, String operation, String... values) {
        return new Criterion(field, operation, List.of(values));
    }

    public static Assignee queue(String name) {
        return new Assignee(AssigneeKind.QUEUE, name, null);
    }

    public static Assignee user(String username, String fullName) {
        return new Assignee(AssigneeKind.USER, username, fullName);
    }

    private static String stageField(String object) {
        return object.equalsIgnoreCase("Lead") ? "Status" : "StageName";
    }

    /** Adds stages in pipeline order. */
    public static final class PipelineBuilder {
        private final String object;
        private final ResourceRef pipelineRef;
        private final List<Stage> stages = new ArrayList<>();

        private PipelineBuilder(String object, ResourceRef pipelineRef) {
            this.object = object;
            this.pipelineRef = pipelineRef;
        }

        public PipelineBuilder stage(String apiName) {
            return stage(apiName, s -> {});
        }

        public PipelineBuilder stage(String apiName, Consumer<StageBuilder> details) {
            StageBuilder builder = new StageBuilder();
            details.accept(builder);
            ResourceRef ref = pipelineRef.crm().equals("hubspot")
                    ? ResourceRef.of("hubspot", pipelineRef.path() + "/stage/" + apiName)
                    : ResourceRef.of("salesforce", object + "." + stageField(object) + "#" + apiName);
            stages.add(new Stage(apiName, builder.label, stages.size(), builder.probability, builder.forecast,
                    builder.closed, builder.won, builder.converted, builder.active, ref,
                    builder.archived ? Map.of("archived", "true") : Map.of()));
            return this;
        }
    }

    /** Stage details; a stage is open, active, without probability or forecast category unless said. */
    public static final class StageBuilder {
        private String label;
        private Double probability;
        private ForecastCategory forecast;
        private boolean closed;
        private boolean won;
        private boolean converted;
        private boolean active = true;
        private boolean archived;

        public StageBuilder label(String value) {
            label = value;
            return this;
        }

        public StageBuilder probability(double value) {
            probability = value;
            return this;
        }

        public StageBuilder forecast(ForecastCategory value) {
            forecast = value;
            return this;
        }

        public StageBuilder closedWon() {
            closed = true;
            won = true;
            return this;
        }

        public StageBuilder closedLost() {
            closed = true;
            won = false;
            return this;
        }

        public StageBuilder converted() {
            converted = true;
            return this;
        }

        public StageBuilder inactive() {
            active = false;
            return this;
        }

        /** An archived HubSpot stage: inactive, with the attribute {@code archived=true} the connector sets. */
        public StageBuilder archived() {
            archived = true;
            return inactive();
        }
    }

    /** History that the source has but that holds no rows. */
    private static final class EmptyHistory implements StageHistory {
        @Override
        public void forEach(Consumer<StageEvent> sink) {
            // no rows
        }

        @Override
        public String description() {
            return "no rows";
        }
    }
}
