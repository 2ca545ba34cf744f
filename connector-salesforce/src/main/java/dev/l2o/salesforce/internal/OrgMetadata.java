package dev.l2o.salesforce.internal;

import static java.util.Objects.requireNonNull;

import com.sforce.soap.metadata.CustomField;
import com.sforce.soap.metadata.CustomObject;
import com.sforce.soap.metadata.FileProperties;
import com.sforce.soap.metadata.Metadata;
import dev.l2o.salesforce.metadata.SalesforceStandardFields;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The metadata records a live fetch read, by type, as Force WSC parsed them.
 *
 * @param standardValueSets OpportunityStage and LeadStatus
 * @param objects CustomObject records of the requested objects (with their fields, validation rules and
 *     business processes)
 * @param workflows Workflow records of the requested objects (with their rules)
 * @param assignmentRules AssignmentRules records of the requested objects
 * @param flows Flow records
 * @param flowDefinitions FlowDefinition records
 * @param queues Queue records
 * @param globalValueSets GlobalValueSet records that fields of the objects are bound to
 */
public record OrgMetadata(List<Metadata> standardValueSets, List<Metadata> objects, List<Metadata> workflows,
        List<Metadata> assignmentRules, List<Metadata> flows, List<Metadata> flowDefinitions, List<Metadata> queues,
        List<Metadata> globalValueSets) {
    public OrgMetadata {
        globalValueSets = List.copyOf(requireNonNull(globalValueSets, "globalValueSets is null"));
        standardValueSets = List.copyOf(requireNonNull(standardValueSets, "standardValueSets is null"));
        objects = List.copyOf(requireNonNull(objects, "objects is null"));
        workflows = List.copyOf(requireNonNull(workflows, "workflows is null"));
        assignmentRules = List.copyOf(requireNonNull(assignmentRules, "assignmentRules is null"));
        flows = List.copyOf(requireNonNull(flows, "flows is null"));
        flowDefinitions = List.copyOf(requireNonNull(flowDefinitions, "flowDefinitions is null"));
        queues = List.copyOf(requireNonNull(queues, "queues is null"));
    }

    /**
     * Reads what an audit of {@code objects} needs in the fewest calls: one listMetadata for the types whose
     * names are unknown (Flow, FlowDefinition, Queue), then readMetadata in batches of ten per type.
     */
    public static OrgMetadata read(SalesforceMetadataReader reader, List<String> objects) {
        return read(reader, objects, reader.list(LISTED_TYPES), name -> true);
    }

    /**
     * What stage metrics need, without automations: the standard value sets, the objects (their fields, validation rules,
     * business processes and record types come with them) and the global value sets their fields name. No listing.
     */
    public static OrgMetadata readWithoutAutomations(SalesforceMetadataReader reader, List<String> objects) {
        List<Metadata> customObjects = reader.read("CustomObject", objects);
        List<String> globalNames = globalValueSetNames(customObjects);
        return new OrgMetadata(reader.read("StandardValueSet", standardValueSetNames(objects)), customObjects, List.of(),
                List.of(), List.of(), List.of(), List.of(),
                globalNames.isEmpty() ? List.of() : reader.read("GlobalValueSet", globalNames));
    }

    /** The types whose component names only {@code listMetadata} tells: flows, their definitions and queues. */
    public static final List<String> LISTED_TYPES = List.of("Flow", "FlowDefinition", "Queue");

    /**
     * As {@link #read(SalesforceMetadataReader, List)} with the listing already made, reading only the flows (and
     * their definitions) whose names {@code readFlow} accepts; an incremental read keeps the others' automations.
     */
    public static OrgMetadata read(SalesforceMetadataReader reader, List<String> objects, List<FileProperties> listed,
            Predicate<String> readFlow) {
        List<String> flowNames = names(listed, "Flow").stream().filter(readFlow).toList();
        List<String> definitionNames = names(listed, "FlowDefinition").stream().filter(readFlow).toList();
        List<String> queueNames = names(listed, "Queue");
        List<String> assignable = objects.stream().filter(o -> o.equals("Lead") || o.equals("Case")).toList();
        List<Metadata> customObjects = reader.read("CustomObject", objects);
        List<String> globalNames = globalValueSetNames(customObjects);
        return new OrgMetadata(
                reader.read("StandardValueSet", standardValueSetNames(objects)),
                customObjects,
                reader.read("Workflow", objects),
                assignable.isEmpty() ? List.of() : reader.read("AssignmentRules", assignable),
                reader.read("Flow", flowNames),
                reader.read("FlowDefinition", definitionNames),
                reader.read("Queue", queueNames),
                globalNames.isEmpty() ? List.of() : reader.read("GlobalValueSet", globalNames));
    }

    /**
     * Only the flows (and their definitions) listed in {@code listed} whose names {@code readFlow} accepts: what an
     * incremental read needs when it keeps every other component.
     */
    public static OrgMetadata readFlows(SalesforceMetadataReader reader, List<FileProperties> listed, Predicate<String> readFlow) {
        List<String> flowNames = names(listed, "Flow").stream().filter(readFlow).toList();
        List<String> definitionNames = names(listed, "FlowDefinition").stream().filter(readFlow).toList();
        return new OrgMetadata(List.of(), List.of(), List.of(), List.of(),
                flowNames.isEmpty() ? List.of() : reader.read("Flow", flowNames),
                definitionNames.isEmpty() ? List.of() : reader.read("FlowDefinition", definitionNames), List.of(), List.of());
    }

    /**
     * OpportunityStage and LeadStatus, and every standard value set the standard-field catalog binds a
     * picklist of {@code objects} to (LeadSource, Industry, …), sorted. The catalog tells which sets it looks
     * up only by looking them up, so the names are recorded from its lookups.
     */
    static List<String> standardValueSetNames(List<String> objects) {
        SortedSet<String> names = new TreeSet<>(List.of("LeadStatus", "OpportunityStage"));
        Map<String, List<String>> recorder = new AbstractMap<>() {
            @Override
            public Set<Map.Entry<String, List<String>>> entrySet() {
                return Set.of();
            }

            @Override
            public List<String> getOrDefault(Object key, List<String> fallback) {
                names.add((String) key);
                return fallback;
            }

            @Override
            public List<String> get(Object key) {
                names.add((String) key);
                return null;
            }
        };
        for (String object : objects) {
            SalesforceStandardFields.fields(object, recorder);
        }
        return List.copyOf(names);
    }

    /** The global value sets that picklist fields of {@code objects} are bound to, sorted. */
    private static List<String> globalValueSetNames(List<Metadata> objects) {
        SortedSet<String> names = new TreeSet<>();
        for (Metadata object : objects) {
            CustomField[] fields = ((CustomObject) object).getFields();
            if (fields != null) {
                for (CustomField field : fields) {
                    if (field.getValueSet() != null && field.getValueSet().getValueSetName() != null) {
                        names.add(field.getValueSet().getValueSetName());
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    private static List<String> names(List<FileProperties> listed, String type) {
        return listed.stream().filter(p -> p.getType().equals(type)).map(FileProperties::getFullName).toList();
    }

    /** How many readMetadata and listMetadata calls the API needs at least for this content. */
    public static long minimumCalls(List<String> objects, int flows, int flowDefinitions, int queues, int globalValueSets) {
        long assignable = objects.stream().filter(o -> o.equals("Lead") || o.equals("Case")).count();
        return 1 + batches(standardValueSetNames(objects).size()) + batches(objects.size()) * 2 + batches((int) assignable)
                + batches(flows) + batches(flowDefinitions) + batches(queues) + batches(globalValueSets);
    }

    private static long batches(int names) {
        return (names + SalesforceMetadataReader.READ_BATCH - 1) / SalesforceMetadataReader.READ_BATCH;
    }
}
