package dev.l2o.salesforce.metadata;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Assignee;
import dev.l2o.model.AssigneeKind;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.Criterion;
import dev.l2o.model.FieldDef;
import dev.l2o.model.FieldRequirement;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.RuleEntry;
import dev.l2o.model.Stage;
import dev.l2o.salesforce.formula.FormulaAnalysis;
import dev.l2o.salesforce.formula.FormulaNode;
import dev.l2o.salesforce.formula.FormulaParser;
import dev.l2o.salesforce.formula.FormulaSyntaxException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps parsed Salesforce metadata documents to the snapshot model. Every function takes the document's root
 * element (as the Metadata API and the SFDX source format both write it, namespace
 * {@value #NAMESPACE}), the component's API fullName and its {@link ResourceRef} (address from
 * {@link SalesforceAddresses}, file and line where there is a file), and knows nothing of file layout, so an
 * SFDX project and a live org's {@code readMetadata} records re-serialised to XML give the same model.
 *
 * <p>fullNames are decoded ({@code %2E} is {@code .}) and, for an object's child components, object-qualified
 * ({@code Opportunity.Pain__c}, {@code Opportunity.Require_Pain}, {@code Opportunity.New Business}). Refs of
 * nested elements (stages, rules inside a workflow or assignment rule file) keep the file and take the
 * element's line. Stateless and thread-safe; functions throw only {@link IllegalArgumentException} for a
 * fullName of the wrong shape.
 */
public final class SalesforceMetadataMapper {
    /** The metadata namespace of every root element. */
    public static final String NAMESPACE = "http://soap.sforce.com/2006/04/metadata";

    private SalesforceMetadataMapper() {}

    /** The object whose stages a standard value set holds: {@code OpportunityStage} → Opportunity, {@code LeadStatus} → Lead. */
    public static Optional<String> stageObject(String valueSetName) {
        return Optional.ofNullable(switch (valueSetName) {
            case "OpportunityStage" -> "Opportunity";
            case "LeadStatus" -> "Lead";
            default -> null;
        });
    }

    /** The field that holds an object's stage: {@code StageName} on Opportunity, {@code Status} on Lead. */
    public static Optional<String> stageField(String object) {
        if (object == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (object) {
            case "Opportunity" -> "StageName";
            case "Lead" -> "Status";
            default -> null;
        });
    }

    /** The standard value set that holds an object's stages. */
    public static Optional<String> stageValueSet(String object) {
        if (object == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (object) {
            case "Opportunity" -> "OpportunityStage";
            case "Lead" -> "LeadStatus";
            default -> null;
        });
    }

    /**
     * Decodes a metadata name: {@code %XX} escapes (UTF-8) are decoded, anything else, {@code +} included, is
     * kept ({@code Global 2%2E0} → {@code Global 2.0}).
     */
    public static String decodeName(String name) {
        if (name.indexOf('%') < 0) {
            return name;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '%' && i + 2 < name.length() && isHex(name.charAt(i + 1)) && isHex(name.charAt(i + 2))) {
                bytes.write(Integer.parseInt(name.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i++;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The default pipeline of a stage value set ({@code OpportunityStage}: id {@code OpportunityStage}, label
     * "All stages"; {@code LeadStatus}: id {@code LeadStatus}, label "All statuses"), every value in order with
     * its semantics; a value without {@code isActive} is active. Empty for other value sets.
     */
    public static Optional<Pipeline> standardValueSet(XmlElement root, String fullName, ResourceRef ref) {
        requireNonNull(root, "root is null");
        Optional<String> object = stageObject(fullName);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        String field = stageField(object.get()).orElseThrow();
        List<Stage> stages = new ArrayList<>();
        for (XmlElement value : root.children("standardValue")) {
            String apiName = value.text("fullName");
            if (apiName == null) {
                continue;
            }
            stages.add(stage(value, apiName, stages.size(), value.flag("isActive", true),
                    SalesforceAddresses.at(SalesforceAddresses.picklistValue(object.get(), field, apiName), ref, value), Map.of()));
        }
        String label = object.get().equals("Opportunity") ? "All stages" : "All statuses";
        return Optional.of(new Pipeline(fullName, label, object.get(), true, stages, ref));
    }

    /** The active values of a picklist value set document ({@code StandardValueSet} or {@code GlobalValueSet}), in order. */
    public static List<String> activeValues(XmlElement root) {
        List<String> values = new ArrayList<>();
        for (String element : List.of("standardValue", "customValue")) {
            for (XmlElement value : root.children(element)) {
                if (value.text("fullName") != null && value.flag("isActive", true)) {
                    values.add(value.text("fullName"));
                }
            }
        }
        return List.copyOf(values);
    }

    /**
     * A business process (sales process, lead process) as a pipeline labelled with its name: its values in
     * the value set's order, with the value set's semantics and refs ({@code valueSet} may be null when the
     * value set was not read; then what the business process itself says is used). An inactive business
     * process is still a pipeline, since records of its record types still move through it; its stages carry
     * the attribute {@code businessProcessActive=false}.
     *
     * @param fullName {@code Object.Name}
     */
    public static Pipeline businessProcess(XmlElement root, String fullName, ResourceRef ref, Pipeline valueSet) {
        requireNonNull(root, "root is null");
        String[] parts = splitQualified(fullName);
        String object = parts[0];
        String field = stageField(object).orElse("StageName");
        boolean processActive = root.flag("isActive", true);
        Map<String, String> attributes = processActive ? Map.of() : Map.of("businessProcessActive", "false");
        List<String> order = valueSet == null ? List.of() : valueSet.stages().stream().map(Stage::apiName).toList();
        List<XmlElement> values = new ArrayList<>(root.children("values"));
        values.removeIf(value -> value.text("fullName") == null);
        values.sort((left, right) -> Integer.compare(rank(order, left.text("fullName")), rank(order, right.text("fullName"))));
        List<Stage> stages = new ArrayList<>();
        for (XmlElement value : values) {
            String apiName = value.text("fullName");
            boolean active = value.flag("isActive", true);
            Optional<Stage> known = valueSet == null ? Optional.empty()
                    : valueSet.stages().stream().filter(stage -> stage.apiName().equals(apiName)).findFirst();
            if (known.isPresent()) {
                Stage base = known.get();
                Map<String, String> merged = new TreeMap<>(base.attributes());
                merged.putAll(attributes);
                stages.add(new Stage(base.apiName(), base.label(), stages.size(), base.probability(), base.forecastCategory(),
                        base.closed(), base.won(), base.converted(), base.active() && active, base.ref(), merged));
            } else {
                stages.add(stage(value, apiName, stages.size(), active,
                        SalesforceAddresses.at(SalesforceAddresses.picklistValue(object, field, apiName), ref, value), attributes));
            }
        }
        return new Pipeline(fullName, parts[1], object, false, stages, ref);
    }

    /**
     * A field definition from a {@code CustomField} document. For a standard field, {@code standard} is its
     * catalog entry (see {@link SalesforceStandardFields}) and the document refines it: what the document says
     * wins, what it leaves out comes from the catalog. Picklist values are the active values of the field's
     * own value set; a field bound to a global value set has its {@code valueSetName} and no values here.
     *
     * @param fullName {@code Object.Field}
     * @param standard the catalog entry of a standard field, or null
     */
    public static FieldDef customField(XmlElement root, String fullName, ResourceRef ref, FieldDef standard) {
        requireNonNull(root, "root is null");
        String[] parts = splitQualified(fullName);
        String type = root.text("type");
        if (type == null) {
            type = standard == null ? "Unknown" : standard.type();
        }
        String label = root.text("label") != null ? root.text("label") : standard == null ? null : standard.label();
        boolean required = root.text("required") != null ? root.flag("required", false) : standard != null && standard.required();
        Optional<XmlElement> valueSet = root.child("valueSet");
        List<String> values = new ArrayList<>();
        String valueSetName = null;
        if (valueSet.isPresent()) {
            valueSetName = valueSet.get().text("valueSetName");
            valueSet.get().child("valueSetDefinition").ifPresent(definition -> {
                for (XmlElement value : definition.children("value")) {
                    if (value.text("fullName") != null && value.flag("isActive", true)) {
                        values.add(value.text("fullName"));
                    }
                }
            });
        } else if (standard != null) {
            values.addAll(standard.values());
            valueSetName = standard.valueSetName();
        }
        String formula = root.text("formula") != null ? root.text("formula") : standard == null ? null : standard.formula();
        return new FieldDef(parts[0], parts[1], label, type, required, parts[1].endsWith("__c"), values, valueSetName, formula,
                root.flag("trackHistory", false), ref);
    }

    /**
     * A validation rule as an automation: its error condition is the expression, the fields it reads are
     * referenced, and {@link FormulaAnalysis#requirements} says which fields it requires in which stages. A
     * condition that does not parse enforces nothing; the rule is still listed, with the attribute
     * {@code formulaError}.
     *
     * @param fullName {@code Object.Rule_Name}
     * @param stageValues every object's stage values (active or not), by object
     */
    public static Automation validationRule(XmlElement root, String fullName, ResourceRef ref,
            Map<String, List<String>> stageValues) {
        requireNonNull(root, "root is null");
        String[] parts = splitQualified(fullName);
        String condition = root.text("errorConditionFormula");
        Map<String, String> attributes = new TreeMap<>();
        putIfPresent(attributes, "errorMessage", root.text("errorMessage"));
        putIfPresent(attributes, "errorDisplayField", root.text("errorDisplayField"));
        Set<String> referenced = Set.of();
        List<FieldRequirement> requirements = List.of();
        if (condition != null) {
            try {
                FormulaNode formula = FormulaParser.parse(condition);
                referenced = FormulaAnalysis.fieldsReferenced(formula);
                requirements = FormulaAnalysis.requirements(formula, stageField(parts[0]).orElse(null),
                        stageValues.getOrDefault(parts[0], List.of()));
            } catch (FormulaSyntaxException e) {
                attributes.put("formulaError", e.getMessage());
            }
        }
        return new Automation(AutomationKind.VALIDATION, parts[1], parts[1], parts[0], root.flag("active", false), null,
                referenced, Set.of(), requirements, List.of(), condition, ref, attributes);
    }

    /**
     * A flow as an automation. Active when {@code status} is {@code Active} (see {@link #flowDefinition} for
     * the legacy override). The object is {@code start/object}, or for Process Builder ({@code processType}
     * {@code Workflow}) the {@code ObjectType} process metadata value. The trigger is
     * {@code triggerType/recordTriggerType} ({@code RecordBeforeSave/CreateAndUpdate}). Fields referenced come
     * from the start filters or filter formula, decision conditions and formulas ({@code $Record.X} → X);
     * fields written from record updates of the triggering record and {@code $Record.X} assignments.
     * Assignees: an owner set to a queue or user (literal, constant, or a {@code Group}/{@code User} lookup) and
     * Omni-Channel {@code routeWork} actions. Requirements: in a record-triggered flow, each decision outcome
     * leading to a custom error blocks saving under its conditions, analysed like a validation rule.
     * Attributes: {@code processType}, {@code status}, {@code triggerType}, {@code recordTriggerType}, and
     * {@code setsOwner}, {@code blocksSave}, {@code formulaError} when they apply.
     *
     * @param stageValues every object's stage values (active or not), by object
     */
    public static Automation flow(XmlElement root, String fullName, ResourceRef ref, Map<String, List<String>> stageValues) {
        requireNonNull(root, "root is null");
        requireNonNull(fullName, "fullName is null");
        return new FlowReader(root, fullName, ref, stageValues).read();
    }

    /**
     * Applies a {@code FlowDefinition}: when one exists its {@code activeVersionNumber} decides, so 0 or absent
     * makes the flow inactive and any other number active (the deployed definition overrides the flow's
     * {@code status}). Adds the attribute {@code activeVersionNumber}.
     */
    public static Automation flowDefinition(XmlElement root, Automation flow) {
        requireNonNull(root, "root is null");
        String version = root.text("activeVersionNumber");
        boolean active = version != null && !version.equals("0");
        Map<String, String> attributes = new TreeMap<>(flow.attributes());
        attributes.put("activeVersionNumber", version == null ? "0" : version);
        return new Automation(flow.kind(), flow.name(), flow.label(), flow.object(), active, flow.trigger(),
                flow.fieldsReferenced(), flow.fieldsWritten(), flow.requirements(), flow.assignees(), flow.expression(),
                flow.ref(), attributes);
    }

    /**
     * The workflow rules of a {@code Workflow} document (one per object): one automation per {@code rules}
     * element; see {@link #workflowRule}.
     *
     * @param fullName the object ({@code Opportunity})
     */
    public static List<Automation> workflow(XmlElement root, String fullName, ResourceRef ref) {
        requireNonNull(root, "root is null");
        Map<String, XmlElement> fieldUpdates = new TreeMap<>();
        for (XmlElement update : root.children("fieldUpdates")) {
            if (update.text("fullName") != null) {
                fieldUpdates.put(decodeName(update.text("fullName")), update);
            }
        }
        List<Automation> rules = new ArrayList<>();
        for (XmlElement rule : root.children("rules")) {
            String name = rule.text("fullName");
            if (name == null) {
                continue;
            }
            String decoded = decodeName(name);
            ResourceRef ruleRef = SalesforceAddresses.at(SalesforceAddresses.child("WorkflowRule", fullName, decoded), ref, rule);
            rules.add(workflowRule(rule, fullName, decoded, fieldUpdates, ruleRef));
        }
        return List.copyOf(rules);
    }

    /**
     * One workflow rule (a {@code rules} element of a {@code Workflow}, or the root of a decomposed
     * {@code WorkflowRule} file). Fields written come from its {@code FieldUpdate} actions; an owner update to a
     * queue or user is an assignee. Workflow rules block nothing, so they have no requirements.
     *
     * @param fieldUpdates the object's field updates by decoded name
     */
    public static Automation workflowRule(XmlElement rule, String object, String name, Map<String, XmlElement> fieldUpdates,
            ResourceRef ref) {
        requireNonNull(rule, "rule is null");
        Set<String> referenced = new TreeSet<>();
        List<String> criteria = new ArrayList<>();
        for (XmlElement item : rule.children("criteriaItems")) {
            String field = item.text("field");
            if (field != null) {
                referenced.add(unqualified(object, field));
                criteria.add((field + " " + item.text("operation") + " " + nullToEmpty(item.text("value"))).strip());
            }
        }
        String formula = rule.text("formula");
        Map<String, String> attributes = new TreeMap<>();
        if (formula != null) {
            try {
                referenced.addAll(FormulaAnalysis.fieldsReferenced(FormulaParser.parse(formula)));
            } catch (FormulaSyntaxException e) {
                attributes.put("formulaError", e.getMessage());
            }
        }
        Set<String> written = new TreeSet<>();
        List<Assignee> assignees = new ArrayList<>();
        for (XmlElement action : rule.children("actions")) {
            XmlElement update = "FieldUpdate".equals(action.text("type")) && action.text("name") != null
                    ? fieldUpdates.get(decodeName(action.text("name")))
                    : null;
            if (update == null || update.text("field") == null) {
                continue;
            }
            String field = unqualified(object, update.text("field"));
            written.add(field);
            if (field.equals("OwnerId") && update.text("lookupValue") != null) {
                AssigneeKind kind = "Queue".equals(update.text("lookupValueType")) ? AssigneeKind.QUEUE : AssigneeKind.USER;
                assignees.add(new Assignee(kind, update.text("lookupValue"), null));
            }
        }
        String expression = formula;
        if (expression == null && !criteria.isEmpty()) {
            String filter = rule.text("booleanFilter");
            expression = filter == null ? String.join(" AND ", criteria) : filter + " where " + numbered(criteria);
        }
        return new Automation(AutomationKind.WORKFLOW, name, name, object, rule.flag("active", false), rule.text("triggerType"),
                referenced, written, List.of(), List.copyOf(new LinkedHashSet<>(assignees)), expression, ref, attributes);
    }

    /**
     * The assignment rules of an {@code AssignmentRules} document (one per object). Entry criteria keep the
     * field as written ({@code Lead.NumberOfEmployees}) and split comma-separated values (an OR list). An
     * entry's assignee is a queue (with its label from {@code queues}, else the developer name) or a user by
     * username; an entry without {@code assignedTo} keeps the owner and has none.
     *
     * @param fullName the object ({@code Lead})
     * @param queues known queues by developer name
     */
    public static List<AssignmentRule> assignmentRules(XmlElement root, String fullName, ResourceRef ref, Map<String, Assignee> queues) {
        requireNonNull(root, "root is null");
        List<AssignmentRule> rules = new ArrayList<>();
        for (XmlElement rule : root.children("assignmentRule")) {
            String name = rule.text("fullName");
            if (name == null) {
                continue;
            }
            String decoded = decodeName(name);
            List<RuleEntry> entries = new ArrayList<>();
            for (XmlElement entry : rule.children("ruleEntry")) {
                List<Criterion> criteria = new ArrayList<>();
                for (XmlElement item : entry.children("criteriaItems")) {
                    String field = item.text("field");
                    if (field == null) {
                        continue;
                    }
                    String value = item.text("value");
                    List<String> values = value == null ? List.of()
                            : Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
                    criteria.add(new Criterion(field, nullToEmpty(item.text("operation")), values));
                }
                entries.add(new RuleEntry(entries.size() + 1, criteria, entry.text("booleanFilter"), entry.text("formula"),
                        assignee(entry, queues)));
            }
            ResourceRef ruleRef = SalesforceAddresses.at(SalesforceAddresses.child("AssignmentRule", fullName, decoded), ref, rule);
            rules.add(new AssignmentRule(fullName, decoded, rule.flag("active", false), entries, ruleRef));
        }
        return List.copyOf(rules);
    }

    /**
     * An assignment rule as an automation of kind ASSIGNMENT: same name, object, activity and ref; its
     * assignees are every entry's assignee in order; it reads the criteria fields and writes {@code OwnerId}.
     */
    public static Automation assignmentAutomation(AssignmentRule rule) {
        Set<String> referenced = new TreeSet<>();
        List<Assignee> assignees = new ArrayList<>();
        for (RuleEntry entry : rule.entries()) {
            entry.criteria().forEach(criterion -> referenced.add(unqualified(rule.object(), criterion.field())));
            if (entry.formula() != null) {
                try {
                    referenced.addAll(FormulaAnalysis.fieldsReferenced(FormulaParser.parse(entry.formula())));
                } catch (FormulaSyntaxException e) {
                    // The entry's own formula is kept on the rule; the automation only loses its field list.
                }
            }
            if (entry.assignee() != null) {
                assignees.add(entry.assignee());
            }
        }
        Set<String> written = assignees.isEmpty() ? Set.of() : Set.of("OwnerId");
        return new Automation(AutomationKind.ASSIGNMENT, rule.name(), rule.name(), rule.object(), rule.active(), null, referenced,
                written, List.of(), List.copyOf(new LinkedHashSet<>(assignees)), null, rule.ref(), Map.of());
    }

    /** A queue: its developer name and the label in {@code <name>}. */
    public static Assignee queue(XmlElement root, String fullName) {
        requireNonNull(root, "root is null");
        return new Assignee(AssigneeKind.QUEUE, fullName, root.text("name"));
    }

    private static Assignee assignee(XmlElement entry, Map<String, Assignee> queues) {
        String assignedTo = entry.text("assignedTo");
        if (assignedTo == null) {
            return null;
        }
        if ("Queue".equals(entry.text("assignedToType"))) {
            Assignee queue = queues.get(assignedTo);
            return queue != null ? queue : new Assignee(AssigneeKind.QUEUE, assignedTo, null);
        }
        return new Assignee(AssigneeKind.USER, assignedTo, null);
    }

    private static Stage stage(XmlElement value, String apiName, int order, boolean active, ResourceRef ref,
            Map<String, String> attributes) {
        String probability = value.text("probability");
        return new Stage(apiName, value.text("label"), order, probability == null ? null : Double.valueOf(probability),
                ForecastCategory.parse(value.text("forecastCategory")).orElse(null), value.flag("closed", false),
                value.flag("won", false), value.flag("converted", false), active, ref, attributes);
    }

    private static int rank(List<String> order, String value) {
        int index = order.indexOf(value);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    /** {@code Object.Name} split at the first dot (object names have none; child names may). */
    static String[] splitQualified(String fullName) {
        requireNonNull(fullName, "fullName is null");
        int dot = fullName.indexOf('.');
        if (dot <= 0 || dot == fullName.length() - 1) {
            throw new IllegalArgumentException("expected Object.Name but got '" + fullName + "'");
        }
        return new String[] {fullName.substring(0, dot), fullName.substring(dot + 1)};
    }

    private static String unqualified(String object, String field) {
        return field.startsWith(object + ".") ? field.substring(object.length() + 1) : field;
    }

    private static String numbered(List<String> criteria) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < criteria.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(i + 1).append(": ").append(criteria.get(i));
        }
        return text.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static void putIfPresent(Map<String, String> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
