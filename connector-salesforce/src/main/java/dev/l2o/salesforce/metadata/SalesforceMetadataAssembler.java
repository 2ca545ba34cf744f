package dev.l2o.salesforce.metadata;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Assignee;
import dev.l2o.model.AssigneeKind;
import dev.l2o.model.Automation;
import dev.l2o.model.FieldDef;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects parsed metadata components in any order and builds the configuration part of a snapshot from
 * them, resolving what one component needs of another: business processes take the stage value set's
 * semantics, validation rules and flows the object's stage values, standard fields the catalog and their
 * value sets, fields bound to a global value set its values, flows their {@code FlowDefinition} override,
 * workflow rules their field updates, assignment rules the queue labels.
 *
 * <p>Components are recognised by their root element: {@code StandardValueSet}, {@code GlobalValueSet},
 * {@code CustomField}, {@code ValidationRule}, {@code BusinessProcess}, {@code RecordType} (the business process it
 * uses becomes one of that pipeline's {@link Pipeline#recordTypes()}), {@code Flow}, {@code FlowDefinition},
 * {@code Workflow}, {@code WorkflowRule}, {@code WorkflowFieldUpdate}, {@code AssignmentRules}, {@code Queue};
 * other roots are ignored. The first component of a type and fullName wins. The SFDX reader feeds it files;
 * a live connector can feed it {@code readMetadata} records re-serialised to the same XML, with no file, and
 * get the same result. Not thread-safe.
 */
public final class SalesforceMetadataAssembler {
    private static final Set<String> TYPES = Set.of("StandardValueSet", "GlobalValueSet", "CustomField", "ValidationRule",
            "BusinessProcess", "RecordType", "Flow", "FlowDefinition", "Workflow", "WorkflowRule", "WorkflowFieldUpdate",
            "AssignmentRules", "Queue");

    /** The types that make automations (and the queues their assignments name): what a request without automations skips. */
    private static final Set<String> AUTOMATION_TYPES = Set.of("Flow", "FlowDefinition", "Workflow", "WorkflowRule",
            "WorkflowFieldUpdate", "AssignmentRules", "Queue");

    /** Whether components of metadata type {@code type} make automations ({@code Flow}, {@code Workflow}, ...). */
    public static boolean isAutomation(String type) {
        return AUTOMATION_TYPES.contains(type);
    }

    /** The order of a configuration's automations: by kind, object and name. */
    public static final Comparator<Automation> AUTOMATION_ORDER = Comparator.comparing(Automation::kind)
            .thenComparing((Automation automation) -> automation.object() == null ? "" : automation.object())
            .thenComparing(Automation::name);

    private final Map<String, Map<String, Component>> byType = new TreeMap<>();

    /**
     * Adds one component.
     *
     * @param root the document's root element
     * @param fullName the decoded API fullName: object-qualified for an object's children
     *     ({@code Opportunity.Pain__c}, {@code Opportunity.Require_Pain}, {@code Opportunity.New Business},
     *     {@code Opportunity.Rule Name} for a decomposed workflow rule or field update); the object for
     *     {@code Workflow} and {@code AssignmentRules}
     * @param file the file it came from, relative to the source root, or null for a live org
     * @return whether the root is a type this assembler reads
     * @throws IllegalArgumentException when an object child's fullName is not {@code Object.Name}
     */
    public boolean add(XmlElement root, String fullName, String file) {
        requireNonNull(root, "root is null");
        requireNonNull(fullName, "fullName is null");
        String type = root.name();
        if (!TYPES.contains(type)) {
            return false;
        }
        ResourceRef address = address(type, fullName);
        ResourceRef ref = file == null ? address : address.inFile(file, root.line());
        byType.computeIfAbsent(type, key -> new LinkedHashMap<>()).putIfAbsent(fullName, new Component(root, fullName, ref));
        return true;
    }

    /**
     * Builds the configuration.
     *
     * @param catalogObjects the objects whose standard fields to include even without a field file (those
     *     outside {@link SalesforceStandardFields#OBJECTS} have none)
     */
    public SalesforceMetadata build(Set<String> catalogObjects) {
        return build(catalogObjects, List.of());
    }

    /**
     * Builds the configuration with {@code carriedOver} automations added as they are: those an incremental read
     * kept from the previous snapshot instead of reading their components again. They take part in the order and
     * in the assignees like the ones built here.
     */
    public SalesforceMetadata build(Set<String> catalogObjects, List<Automation> carriedOver) {
        Map<String, List<String>> activeValueSets = new TreeMap<>();
        components("StandardValueSet").forEach(c -> activeValueSets.put(c.fullName, SalesforceMetadataMapper.activeValues(c.root)));
        Map<String, List<String>> globalValueSets = new TreeMap<>();
        components("GlobalValueSet").forEach(c -> globalValueSets.put(c.fullName, SalesforceMetadataMapper.activeValues(c.root)));

        Map<String, Pipeline> stagePipelines = new TreeMap<>();
        for (Component component : components("StandardValueSet")) {
            SalesforceMetadataMapper.standardValueSet(component.root, component.fullName, component.ref)
                    .ifPresent(pipeline -> stagePipelines.put(pipeline.object(), pipeline));
        }
        Map<String, List<String>> stageValues = new TreeMap<>();
        stagePipelines.forEach((object, pipeline) -> stageValues.put(object, pipeline.stages().stream().map(Stage::apiName).toList()));

        List<Pipeline> pipelines = new ArrayList<>(stagePipelines.values());
        Map<String, List<String>> recordTypes = recordTypesByProcess();
        for (Component component : components("BusinessProcess")) {
            String object = SalesforceMetadataMapper.splitQualified(component.fullName)[0];
            if (SalesforceMetadataMapper.stageField(object).isPresent()) {
                Pipeline process = SalesforceMetadataMapper.businessProcess(component.root, component.fullName, component.ref,
                        stagePipelines.get(object));
                pipelines.add(new Pipeline(process.id(), process.label(), process.object(), process.isDefault(), process.stages(),
                        process.ref(), recordTypes.getOrDefault(component.fullName, List.of())));
            }
        }
        pipelines.sort(Comparator.comparing(Pipeline::object).thenComparing(pipeline -> !pipeline.isDefault())
                .thenComparing(Pipeline::label).thenComparing(Pipeline::id));

        Map<String, Assignee> queues = new TreeMap<>();
        components("Queue").forEach(c -> queues.put(c.fullName, SalesforceMetadataMapper.queue(c.root, c.fullName)));
        List<AssignmentRule> assignmentRules = new ArrayList<>();
        components("AssignmentRules").forEach(c ->
                assignmentRules.addAll(SalesforceMetadataMapper.assignmentRules(c.root, c.fullName, c.ref, queues)));
        assignmentRules.sort(Comparator.comparing(AssignmentRule::object).thenComparing(AssignmentRule::name));

        List<Automation> automations = new ArrayList<>();
        components("ValidationRule").forEach(c ->
                automations.add(SalesforceMetadataMapper.validationRule(c.root, c.fullName, c.ref, stageValues)));
        automations.addAll(flows(stageValues));
        automations.addAll(carriedOver);
        automations.addAll(workflowRules());
        assignmentRules.forEach(rule -> automations.add(SalesforceMetadataMapper.assignmentAutomation(rule)));
        automations.sort(AUTOMATION_ORDER);

        return new SalesforceMetadata(pipelines, fields(catalogObjects, activeValueSets, globalValueSets), automations,
                assignmentRules, assignees(queues, assignmentRules, automations));
    }

    private List<FieldDef> fields(Set<String> catalogObjects, Map<String, List<String>> activeValueSets,
            Map<String, List<String>> globalValueSets) {
        Map<String, FieldDef> fields = new TreeMap<>();
        for (String object : new TreeSet<>(catalogObjects)) {
            SalesforceStandardFields.fields(object, activeValueSets).forEach(field -> fields.put(key(field), field));
        }
        for (Component component : components("CustomField")) {
            String[] parts = SalesforceMetadataMapper.splitQualified(component.fullName);
            FieldDef standard = SalesforceStandardFields.field(parts[0], parts[1], activeValueSets).orElse(null);
            FieldDef field = SalesforceMetadataMapper.customField(component.root, component.fullName, component.ref, standard);
            if (field.valueSetName() != null && field.values().isEmpty() && globalValueSets.containsKey(field.valueSetName())) {
                field = new FieldDef(field.object(), field.name(), field.label(), field.type(), field.required(), field.custom(),
                        globalValueSets.get(field.valueSetName()), field.valueSetName(), field.formula(), field.historyTracked(),
                        field.ref());
            }
            fields.put(key(field), field);
        }
        return List.copyOf(fields.values());
    }

    /**
     * The flows added, each with its {@code FlowDefinition} override, mapped against {@code stageValues} (every stage
     * value of each object's default pipeline): what {@link #build} makes of them, for a reader that knows the stage
     * values without their value sets.
     */
    public List<Automation> flows(Map<String, List<String>> stageValues) {
        requireNonNull(stageValues, "stageValues is null");
        List<Automation> flows = new ArrayList<>();
        Map<String, Component> flowDefinitions = byType.getOrDefault("FlowDefinition", Map.of());
        for (Map.Entry<String, Component> named : flowsByName(flowDefinitions).entrySet()) {
            Component component = named.getValue();
            Automation flow = SalesforceMetadataMapper.flow(component.root, named.getKey(), component.ref, stageValues);
            Component definition = flowDefinitions.get(named.getKey());
            flows.add(definition == null ? flow : SalesforceMetadataMapper.flowDefinition(definition.root, flow));
        }
        return flows;
    }

    /** {@code Old_Process-3}: a flow version as the Metadata API named it before API version 44.0. */
    private static final Pattern FLOW_VERSION = Pattern.compile("(.+)-(\\d{1,9})");

    /**
     * The flows by name. Before API version 44.0 the Metadata API named each version of a flow {@code Name-N}, with the
     * {@code FlowDefinition} named {@code Name} ("You can create a new version of a flow by giving the file a new
     * version number and deploying it"; from 44.0 Salesforce recommends "flow metadata file names without version
     * numbers"); a retrieve of an old package holds such files. A version whose name has no definition but whose
     * {@code Name} has one stands for {@code Name}: the version the definition makes active, else the latest, so that
     * the flow is one automation, named as its definition and as a blueprint names it.
     */
    private Map<String, Component> flowsByName(Map<String, Component> flowDefinitions) {
        Map<String, Component> byName = new LinkedHashMap<>();
        Map<String, Integer> chosenVersion = new TreeMap<>();
        for (Component component : components("Flow")) {
            Matcher version = FLOW_VERSION.matcher(component.fullName);
            if (flowDefinitions.containsKey(component.fullName) || !version.matches()
                    || !flowDefinitions.containsKey(version.group(1))) {
                byName.put(component.fullName, component);
                continue;
            }
            String name = version.group(1);
            int number = Integer.parseInt(version.group(2));
            String active = flowDefinitions.get(name).root.text("activeVersionNumber");
            Integer chosen = chosenVersion.get(name);
            boolean isActive = String.valueOf(number).equals(active == null ? null : active.strip());
            boolean chosenIsActive = chosen != null && String.valueOf(chosen).equals(active == null ? null : active.strip());
            if (chosen == null || isActive || !chosenIsActive && number > chosen) {
                chosenVersion.put(name, number);
                byName.put(name, component);
            }
        }
        return byName;
    }

    /**
     * Per business process fullName ({@code Opportunity.Renewal}), the developer names of the record types that use it,
     * sorted. An inactive record type counts: records created while it was active keep it.
     */
    private Map<String, List<String>> recordTypesByProcess() {
        Map<String, TreeSet<String>> byProcess = new TreeMap<>();
        for (Component component : components("RecordType")) {
            String process = component.root.text("businessProcess");
            if (process != null && !process.isBlank()) {
                String[] parts = SalesforceMetadataMapper.splitQualified(component.fullName);
                byProcess.computeIfAbsent(parts[0] + "." + process.strip(), key -> new TreeSet<>()).add(parts[1]);
            }
        }
        Map<String, List<String>> sorted = new TreeMap<>();
        byProcess.forEach((process, types) -> sorted.put(process, List.copyOf(types)));
        return sorted;
    }

    private List<Automation> workflowRules() {
        Map<String, Map<String, XmlElement>> updatesByObject = new TreeMap<>();
        for (Component workflow : components("Workflow")) {
            for (XmlElement update : workflow.root.children("fieldUpdates")) {
                if (update.text("fullName") != null) {
                    updatesByObject.computeIfAbsent(workflow.fullName, key -> new TreeMap<>())
                            .put(SalesforceMetadataMapper.decodeName(update.text("fullName")), update);
                }
            }
        }
        for (Component update : components("WorkflowFieldUpdate")) {
            String[] parts = SalesforceMetadataMapper.splitQualified(update.fullName);
            updatesByObject.computeIfAbsent(parts[0], key -> new TreeMap<>()).putIfAbsent(parts[1], update.root);
        }
        List<Automation> rules = new ArrayList<>();
        for (Component workflow : components("Workflow")) {
            rules.addAll(SalesforceMetadataMapper.workflow(workflow.root, workflow.fullName, workflow.ref));
        }
        for (Component rule : components("WorkflowRule")) {
            String[] parts = SalesforceMetadataMapper.splitQualified(rule.fullName);
            rules.add(SalesforceMetadataMapper.workflowRule(rule.root, parts[0], parts[1],
                    updatesByObject.getOrDefault(parts[0], Map.of()), rule.ref));
        }
        return rules;
    }

    private static List<Assignee> assignees(Map<String, Assignee> queues, List<AssignmentRule> rules, List<Automation> automations) {
        Map<String, Assignee> all = new TreeMap<>();
        queues.values().forEach(queue -> all.put(AssigneeKind.QUEUE + "/" + queue.name(), queue));
        List<Assignee> named = new ArrayList<>();
        rules.forEach(rule -> rule.entries().forEach(entry -> Optional.ofNullable(entry.assignee()).ifPresent(named::add)));
        automations.forEach(automation -> named.addAll(automation.assignees()));
        for (Assignee assignee : new LinkedHashSet<>(named)) {
            all.putIfAbsent(assignee.kind() + "/" + assignee.name(), assignee);
        }
        return List.copyOf(all.values());
    }

    private List<Component> components(String type) {
        return List.copyOf(byType.getOrDefault(type, Map.of()).values());
    }

    private static String key(FieldDef field) {
        return field.object() + "." + field.name();
    }

    private static ResourceRef address(String type, String fullName) {
        return switch (type) {
            case "CustomField" -> {
                String[] parts = SalesforceMetadataMapper.splitQualified(fullName);
                yield SalesforceAddresses.field(parts[0], parts[1]);
            }
            case "ValidationRule", "BusinessProcess", "RecordType", "WorkflowRule", "WorkflowFieldUpdate" -> {
                String[] parts = SalesforceMetadataMapper.splitQualified(fullName);
                yield SalesforceAddresses.child(type, parts[0], parts[1]);
            }
            default -> SalesforceAddresses.component(type, fullName);
        };
    }

    private record Component(XmlElement root, String fullName, ResourceRef ref) {}
}
