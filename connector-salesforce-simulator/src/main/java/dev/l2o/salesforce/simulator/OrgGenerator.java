package dev.l2o.salesforce.simulator;

import com.sforce.soap.metadata.AssignToLookupValueType;
import com.sforce.soap.metadata.AssignmentRule;
import com.sforce.soap.metadata.AssignmentRules;
import com.sforce.soap.metadata.BusinessProcess;
import com.sforce.soap.metadata.CustomField;
import com.sforce.soap.metadata.CustomValue;
import com.sforce.soap.metadata.FieldType;
import com.sforce.soap.metadata.FilterItem;
import com.sforce.soap.metadata.FilterOperation;
import com.sforce.soap.metadata.Flow;
import com.sforce.soap.metadata.FlowComparisonOperator;
import com.sforce.soap.metadata.FlowCondition;
import com.sforce.soap.metadata.FlowConnector;
import com.sforce.soap.metadata.FlowDecision;
import com.sforce.soap.metadata.FlowDefinition;
import com.sforce.soap.metadata.FlowElementReferenceOrValue;
import com.sforce.soap.metadata.FlowInputFieldAssignment;
import com.sforce.soap.metadata.FlowProcessType;
import com.sforce.soap.metadata.FlowRecordCreate;
import com.sforce.soap.metadata.FlowRecordFilter;
import com.sforce.soap.metadata.FlowRecordFilterOperator;
import com.sforce.soap.metadata.FlowRecordUpdate;
import com.sforce.soap.metadata.FlowRule;
import com.sforce.soap.metadata.FlowScheduledPath;
import com.sforce.soap.metadata.FlowScheduledPathOffsetUnit;
import com.sforce.soap.metadata.FlowScheduledPathTimeSource;
import com.sforce.soap.metadata.FlowStart;
import com.sforce.soap.metadata.FlowTriggerType;
import com.sforce.soap.metadata.FlowVersionStatus;
import com.sforce.soap.metadata.ForecastCategories;
import com.sforce.soap.metadata.PicklistValue;
import com.sforce.soap.metadata.Queue;
import com.sforce.soap.metadata.QueueSobject;
import com.sforce.soap.metadata.RecordTriggerType;
import com.sforce.soap.metadata.RuleEntry;
import com.sforce.soap.metadata.StandardValue;
import com.sforce.soap.metadata.StandardValueSet;
import com.sforce.soap.metadata.ValidationRule;
import com.sforce.soap.metadata.ValueSet;
import com.sforce.soap.metadata.ValueSetValuesDefinition;
import com.sforce.soap.metadata.Workflow;
import com.sforce.soap.metadata.WorkflowRule;
import com.sforce.soap.metadata.WorkflowTriggerTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builds the metadata of a generated org: realistic shapes at any size, the same for the same seed. */
final class OrgGenerator {
    /** The flow that opens a renewal opportunity ahead of contract end, in every generated org that has flows. */
    static final String RENEWAL_FLOW = "Create_Renewal_Opportunity";
    /** How many days before the contract's {@code EndDate} the renewal flow's scheduled path runs. */
    static final int RENEWAL_DAYS_BEFORE_END = 120;
    private static final String[] OBJECTS = {"Opportunity", "Lead", "Account"};
    private static final String[] QUEUES = {"Inbound_Sales", "EMEA_SDR", "AMER_SDR", "Enterprise_Desk", "Partner_Desk"};

    private OrgGenerator() {}

    /**
     * {@code rows} setup changes over the 180 days before 2026-11-01, a few kinds an admin makes every day (the
     * same seed gives the same trail).
     */
    static List<SimulatedOrg.SetupAuditRow> setupAuditTrail(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        String[] users = {"Priya Raman", "Marco Bianchi", "Lena Hoffmann", "Integration User"};
        Instant end = Instant.parse("2026-11-01T00:00:00Z");
        List<SimulatedOrg.SetupAuditRow> trail = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            Instant at = end.minusSeconds(1 + random.nextInt(180 * 24 * 3600));
            String user = users[random.nextInt(users.length)];
            String object = OBJECTS[random.nextInt(OBJECTS.length)];
            trail.add(switch (random.nextInt(3)) {
                case 0 -> new SimulatedOrg.SetupAuditRow(at, user, "changedValidationActive", "Validation Rules",
                        "Changed active flag for " + object + " validation \"Rule_" + i + "\" from 1 to 0");
                case 1 -> new SimulatedOrg.SetupAuditRow(at, user, "activatedinteractiondefversion", "Flows",
                        "Activated flow with Name \"Flow " + i + "\" and Unique Name \"Flow_" + i + "\"");
                default -> new SimulatedOrg.SetupAuditRow(at, user, "PermSetAssign", "Manage Users",
                        "Permission set Sales_" + i + ": assigned to user " + user);
            });
        }
        return trail;
    }

    static MetadataStore metadata(long seed, OrgSizes sizes) {
        SplittableRandom random = new SplittableRandom(seed);
        MetadataStoreBuilder builder = new MetadataStoreBuilder();
        builder.add("StandardValueSet", "OpportunityStage", MetadataStoreBuilder.fileName("StandardValueSet", "OpportunityStage"),
                opportunityStages());
        builder.add("StandardValueSet", "LeadStatus", MetadataStoreBuilder.fileName("StandardValueSet", "LeadStatus"), leadStatuses());
        builder.addChild("CustomObject", "Opportunity", "fields", "StageName", standardField(FieldType.Picklist));
        builder.addChild("CustomObject", "Opportunity", "fields", "Amount", standardField(FieldType.Currency));
        builder.addChild("CustomObject", "Opportunity", "fields", "CloseDate", standardField(FieldType.Date));
        List<String> opportunityFields = new ArrayList<>();
        for (int i = 0; i < sizes.fields(); i++) {
            String object = i % 2 == 0 ? OBJECTS[0] : OBJECTS[1 + (i / 2) % 2];
            String name = "Field_" + i + "__c";
            builder.addChild("CustomObject", object, "fields", name, customField(i, random));
            if (object.equals("Opportunity")) {
                opportunityFields.add(name);
            }
        }
        for (int rule = 0; rule < sizes.validationRules(); rule++) {
            // every 20th field, then round again with a numbered name: an org of few fields can have many rules
            int index = rule * 20;
            String field = opportunityFields.isEmpty() ? "Amount" : opportunityFields.get(index % opportunityFields.size());
            String name = "Require_" + field.replace("__c", "") + (index < opportunityFields.size() ? "" : "_" + rule);
            builder.addChild("CustomObject", "Opportunity", "validationRules", name,
                    validationRule(field, SimulatedStage.DEFAULTS.get(1 + rule % 7).apiName()));
        }
        builder.addChild("CustomObject", "Opportunity", "businessProcesses", "New Business", businessProcess(SimulatedStage.DEFAULTS));
        // the customer side of the bowtie: renewals negotiate and close, they are not prospected again
        builder.addChild("CustomObject", "Opportunity", "businessProcesses", "Renewal",
                businessProcess(SimulatedStage.DEFAULTS.subList(SimulatedStage.DEFAULTS.size() - 3, SimulatedStage.DEFAULTS.size())));
        for (int i = 0; i < sizes.flows(); i++) {
            String name = "Opportunity_Automation_" + i;
            boolean active = i % 7 != 6;
            String field = opportunityFields.isEmpty() ? "Description" : opportunityFields.get(i % opportunityFields.size());
            builder.add("Flow", name, MetadataStoreBuilder.fileName("Flow", name), flow(name, active, field, i));
            FlowDefinition definition = new FlowDefinition();
            definition.setActiveVersionNumber(active ? 1 : 0);
            builder.add("FlowDefinition", name, MetadataStoreBuilder.fileName("FlowDefinition", name), definition);
        }
        if (sizes.flows() > 0) {
            // the renewal process needs its opportunities opened; an org generated without flows has no automation
            builder.add("Flow", RENEWAL_FLOW, MetadataStoreBuilder.fileName("Flow", RENEWAL_FLOW), renewalFlow());
            FlowDefinition definition = new FlowDefinition();
            definition.setActiveVersionNumber(1);
            builder.add("FlowDefinition", RENEWAL_FLOW, MetadataStoreBuilder.fileName("FlowDefinition", RENEWAL_FLOW), definition);
        }
        builder.add("Workflow", "Opportunity", MetadataStoreBuilder.fileName("Workflow", "Opportunity"), workflow());
        builder.add("AssignmentRules", "Lead", MetadataStoreBuilder.fileName("AssignmentRules", "Lead"), assignmentRules());
        for (String queue : QUEUES) {
            builder.add("Queue", queue, MetadataStoreBuilder.fileName("Queue", queue), queue(queue));
        }
        return builder.build();
    }

    private static StandardValueSet opportunityStages() {
        StandardValueSet set = new StandardValueSet();
        set.setSorted(false);
        List<StandardValue> values = new ArrayList<>();
        for (SimulatedStage stage : SimulatedStage.DEFAULTS) {
            StandardValue value = new StandardValue();
            value.setFullName(stage.apiName());
            value.setDefault(false);
            value.setLabel(stage.apiName());
            value.setClosed(stage.closed());
            value.setWon(stage.won());
            value.setForecastCategory(ForecastCategories.valueOf(stage.forecastCategory()));
            value.setProbability((int) stage.probability());
            values.add(value);
        }
        set.setStandardValue(values.toArray(StandardValue[]::new));
        return set;
    }

    private static StandardValueSet leadStatuses() {
        StandardValueSet set = new StandardValueSet();
        set.setSorted(false);
        String[] names = {"Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted"};
        List<StandardValue> values = new ArrayList<>();
        for (String name : names) {
            StandardValue value = new StandardValue();
            value.setFullName(name);
            value.setDefault(name.startsWith("Open"));
            value.setLabel(name);
            value.setConverted(name.equals("Closed - Converted"));
            values.add(value);
        }
        set.setStandardValue(values.toArray(StandardValue[]::new));
        return set;
    }

    private static CustomField standardField(FieldType type) {
        CustomField field = new CustomField();
        field.setTrackHistory(false);
        field.setType(type);
        return field;
    }

    private static CustomField customField(int index, SplittableRandom random) {
        CustomField field = new CustomField();
        field.setLabel("Field " + index);
        field.setDescription("Generated field " + index + " for load tests.");
        field.setTrackHistory(random.nextInt(10) == 0);
        switch (index % 7) {
            case 0 -> {
                field.setType(FieldType.Text);
                field.setLength(255);
            }
            case 1 -> {
                field.setType(FieldType.Number);
                field.setPrecision(18);
                field.setScale(0);
            }
            case 2 -> {
                field.setType(FieldType.Currency);
                field.setPrecision(18);
                field.setScale(2);
            }
            case 3 -> {
                field.setType(FieldType.Picklist);
                ValueSet valueSet = new ValueSet();
                valueSet.setRestricted(true);
                ValueSetValuesDefinition definition = new ValueSetValuesDefinition();
                definition.setSorted(false);
                List<CustomValue> values = new ArrayList<>();
                for (int v = 0; v < 5; v++) {
                    CustomValue value = new CustomValue();
                    value.setFullName("Option " + v);
                    value.setDefault(false);
                    value.setLabel("Option " + v);
                    values.add(value);
                }
                definition.setValue(values.toArray(CustomValue[]::new));
                valueSet.setValueSetDefinition(definition);
                field.setValueSet(valueSet);
            }
            case 4 -> {
                field.setType(FieldType.Checkbox);
                field.setDefaultValue("false");
            }
            case 5 -> field.setType(FieldType.Date);
            case 6 -> {
                field.setType(FieldType.Number);
                field.setFormula("Amount * Probability / 100");
                field.setPrecision(18);
                field.setScale(2);
            }
            default -> throw new IllegalStateException("index % 7 out of range");
        }
        field.setRequired(index % 13 == 0 && index % 7 != 4 && index % 7 != 6);
        return field;
    }

    private static ValidationRule validationRule(String field, String stage) {
        ValidationRule rule = new ValidationRule();
        rule.setActive(true);
        rule.setErrorConditionFormula("AND(ISPICKVAL(StageName, '" + stage + "'), ISBLANK(" + field + "))");
        rule.setErrorDisplayField(field);
        rule.setErrorMessage(field + " is required in " + stage + ".");
        return rule;
    }

    private static BusinessProcess businessProcess(List<SimulatedStage> stages) {
        BusinessProcess process = new BusinessProcess();
        process.setIsActive(true);
        List<PicklistValue> values = new ArrayList<>();
        for (SimulatedStage stage : stages) {
            PicklistValue value = new PicklistValue();
            value.setFullName(stage.apiName());
            value.setDefault(false);
            values.add(value);
        }
        process.setValues(values.toArray(PicklistValue[]::new));
        return process;
    }

    private static Flow flow(String name, boolean active, String field, int index) {
        Flow flow = recordTriggered(name, active);
        FlowStart start = start("Opportunity", FlowTriggerType.RecordBeforeSave);
        start.setConnector(connector("Check_Stage"));
        flow.setStart(start);
        FlowDecision decision = new FlowDecision();
        decision.setName("Check_Stage");
        decision.setLabel("Check Stage");
        decision.setLocationX(50);
        decision.setLocationY(100);
        FlowRule rule = new FlowRule();
        rule.setName("In_Stage");
        rule.setLabel("In Stage");
        rule.setConditionLogic("and");
        FlowCondition condition = new FlowCondition();
        condition.setLeftValueReference("$Record.StageName");
        condition.setOperator(FlowComparisonOperator.EqualTo);
        condition.setRightValue(text(SimulatedStage.DEFAULTS.get(index % 8).apiName()));
        rule.setConditions(new FlowCondition[] {condition});
        rule.setConnector(connector("Stamp"));
        decision.setRules(new FlowRule[] {rule});
        flow.setDecisions(new FlowDecision[] {decision});
        FlowRecordUpdate update = new FlowRecordUpdate();
        update.setName("Stamp");
        update.setLabel("Stamp");
        update.setLocationX(50);
        update.setLocationY(200);
        update.setInputReference("$Record");
        update.setInputAssignments(new FlowInputFieldAssignment[] {assignment(field, reference("$Flow.CurrentDateTime"))});
        flow.setRecordUpdates(new FlowRecordUpdate[] {update});
        return flow;
    }

    /**
     * A record-triggered flow on Contract, as an admin builds it in Flow Builder: when a contract is activated, a
     * scheduled path {@value #RENEWAL_DAYS_BEFORE_END} days before its {@code EndDate} creates the renewal opportunity
     * in the first stage of the Renewal sales process (the shape of the Northwind example's flow).
     */
    private static Flow renewalFlow() {
        Flow flow = recordTriggered(RENEWAL_FLOW, true);
        flow.setDescription("Opens the renewal opportunity of an activated contract " + RENEWAL_DAYS_BEFORE_END
                + " days before the contract ends.");
        FlowRecordCreate create = new FlowRecordCreate();
        create.setName("Create_Renewal");
        create.setLabel("Create Renewal");
        create.setLocationX(308);
        create.setLocationY(288);
        create.setObject("Opportunity");
        create.setInputAssignments(new FlowInputFieldAssignment[] {
            assignment("AccountId", reference("$Record.AccountId")),
            assignment("CloseDate", reference("$Record.EndDate")),
            assignment("ContractId", reference("$Record.Id")),
            assignment("Name", reference("$Record.ContractNumber")),
            assignment("StageName", text(SimulatedStage.DEFAULTS.get(SimulatedStage.DEFAULTS.size() - 3).apiName()))});
        create.setStoreOutputAutomatically(true);
        flow.setRecordCreates(new FlowRecordCreate[] {create});
        FlowStart start = start("Contract", FlowTriggerType.RecordAfterSave);
        start.setDoesRequireRecordChangedToMeetCriteria(true);
        start.setFilterLogic("and");
        FlowRecordFilter activated = new FlowRecordFilter();
        activated.setField("Status");
        activated.setOperator(FlowRecordFilterOperator.EqualTo);
        activated.setValue(text("Activated"));
        start.setFilters(new FlowRecordFilter[] {activated});
        FlowScheduledPath path = new FlowScheduledPath();
        path.setName("X" + RENEWAL_DAYS_BEFORE_END + "_Days_Before_End");
        path.setLabel(RENEWAL_DAYS_BEFORE_END + " Days Before End");
        path.setConnector(connector("Create_Renewal"));
        path.setOffsetNumber(-RENEWAL_DAYS_BEFORE_END);
        path.setOffsetUnit(FlowScheduledPathOffsetUnit.Days);
        path.setRecordField("EndDate");
        path.setTimeSource(FlowScheduledPathTimeSource.RecordField);
        start.setScheduledPaths(new FlowScheduledPath[] {path});
        flow.setStart(start);
        return flow;
    }

    /** A record-triggered flow (an auto-launched one with a record trigger) labelled after its API name. */
    private static Flow recordTriggered(String name, boolean active) {
        Flow flow = new Flow();
        flow.setApiVersion(62.0);
        flow.setLabel(name.replace('_', ' '));
        flow.setProcessType(FlowProcessType.AutoLaunchedFlow);
        flow.setStatus(active ? FlowVersionStatus.Active : FlowVersionStatus.Draft);
        return flow;
    }

    /** The start element of a flow that runs when a record of {@code object} is created or updated. */
    private static FlowStart start(String object, FlowTriggerType when) {
        FlowStart start = new FlowStart();
        start.setLocationX(50);
        start.setLocationY(0);
        start.setObject(object);
        start.setTriggerType(when);
        start.setRecordTriggerType(RecordTriggerType.CreateAndUpdate);
        return start;
    }

    private static FlowInputFieldAssignment assignment(String field, FlowElementReferenceOrValue value) {
        FlowInputFieldAssignment assignment = new FlowInputFieldAssignment();
        assignment.setField(field);
        assignment.setValue(value);
        return assignment;
    }

    /** A reference to a flow element or resource ({@code $Record.EndDate}). */
    private static FlowElementReferenceOrValue reference(String element) {
        return value(element, null);
    }

    /** A literal text value. */
    private static FlowElementReferenceOrValue text(String text) {
        return value(null, text);
    }

    private static FlowElementReferenceOrValue value(String element, String text) {
        FlowElementReferenceOrValue value = new FlowElementReferenceOrValue();
        if (element != null) {
            value.setElementReference(element);
        } else {
            value.setStringValue(text);
        }
        return value;
    }

    private static FlowConnector connector(String target) {
        FlowConnector connector = new FlowConnector();
        connector.setTargetReference(target);
        return connector;
    }

    private static Workflow workflow() {
        Workflow workflow = new Workflow();
        WorkflowRule rule = new WorkflowRule();
        rule.setFullName("Opp%2E Close Date Stamp");
        rule.setActive(true);
        rule.setFormula("ISCHANGED(StageName)");
        rule.setTriggerType(WorkflowTriggerTypes.onAllChanges);
        workflow.setRules(new WorkflowRule[] {rule});
        return workflow;
    }

    private static AssignmentRules assignmentRules() {
        AssignmentRules rules = new AssignmentRules();
        AssignmentRule rule = new AssignmentRule();
        rule.setFullName("Standard");
        rule.setActive(true);
        List<RuleEntry> entries = new ArrayList<>();
        String[][] criteria = {{"Lead.Country", "Germany,France,United Kingdom", "EMEA_SDR"}, {"Lead.Country", "USA,Canada", "AMER_SDR"}};
        for (String[] criterion : criteria) {
            RuleEntry entry = new RuleEntry();
            entry.setAssignedTo(criterion[2]);
            entry.setAssignedToType(AssignToLookupValueType.Queue);
            FilterItem item = new FilterItem();
            item.setField(criterion[0]);
            item.setOperation(FilterOperation.equals);
            item.setValue(criterion[1]);
            entry.setCriteriaItems(new FilterItem[] {item});
            entries.add(entry);
        }
        RuleEntry fallback = new RuleEntry();
        fallback.setAssignedTo("Inbound_Sales");
        fallback.setAssignedToType(AssignToLookupValueType.Queue);
        entries.add(fallback);
        rule.setRuleEntry(entries.toArray(RuleEntry[]::new));
        rules.setAssignmentRule(new AssignmentRule[] {rule});
        return rules;
    }

    private static Queue queue(String name) {
        Queue queue = new Queue();
        queue.setName(name.replace('_', ' '));
        queue.setDoesSendEmailToMembers(false);
        QueueSobject object = new QueueSobject();
        object.setSobjectType("Lead");
        queue.setQueueSobject(new QueueSobject[] {object});
        return queue;
    }
}
