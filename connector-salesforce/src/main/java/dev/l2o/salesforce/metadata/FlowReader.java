package dev.l2o.salesforce.metadata;

import dev.l2o.model.Assignee;
import dev.l2o.model.AssigneeKind;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.FieldRequirement;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.ScheduledOffset;
import dev.l2o.salesforce.formula.FormulaAnalysis;
import dev.l2o.salesforce.formula.FormulaNode;
import dev.l2o.salesforce.formula.FormulaParser;
import dev.l2o.salesforce.formula.FormulaSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reduces one {@code Flow} document to an {@link Automation}; see {@link SalesforceMetadataMapper#flow}. */
final class FlowReader {
    /** Process Builder's names for the record before and after the change. */
    private static final List<String> RECORD_PREFIXES = List.of("$Record.", "$Record__Prior.", "myVariable_current.",
            "myVariable_old.");

    private final XmlElement root;
    private final String name;
    private final ResourceRef ref;
    private final Map<String, List<String>> stageValues;
    private final Map<String, XmlElement> elementsByName = new LinkedHashMap<>();

    FlowReader(XmlElement root, String name, ResourceRef ref, Map<String, List<String>> stageValues) {
        this.root = root;
        this.name = name;
        this.ref = ref;
        this.stageValues = stageValues;
        for (XmlElement child : root.children()) {
            String elementName = child.text("name");
            if (elementName != null) {
                elementsByName.putIfAbsent(elementName, child);
            }
        }
    }

    Automation read() {
        String processType = root.text("processType");
        String status = root.text("status");
        XmlElement start = root.child("start").orElse(null);
        String object = object(processType, start);
        Map<String, String> attributes = new TreeMap<>();
        putIfPresent(attributes, "processType", processType);
        putIfPresent(attributes, "status", status);
        String triggerType = start == null ? null : start.text("triggerType");
        String recordTriggerType = start == null ? null : start.text("recordTriggerType");
        putIfPresent(attributes, "triggerType", triggerType);
        putIfPresent(attributes, "recordTriggerType", recordTriggerType);

        Set<String> referenced = new TreeSet<>();
        Set<String> written = new TreeSet<>();
        List<Assignee> assignees = new ArrayList<>();
        FormulaNode entry = start == null ? null : entryCondition(start, referenced, attributes);
        decisionFields(referenced);
        recordWrites(object, written, assignees, attributes);
        createsAndSchedule(start, attributes);
        routeWork(assignees);
        List<FieldRequirement> requirements = isRecordTriggered(triggerType)
                ? requirements(entry, object, attributes)
                : List.of();
        return new Automation(AutomationKind.FLOW, name, root.text("label"), object, "Active".equals(status),
                trigger(processType, triggerType, recordTriggerType), referenced, written, requirements,
                distinct(assignees), expression(start), ref, attributes);
    }

    private String object(String processType, XmlElement start) {
        String object = start == null ? null : start.text("object");
        if (object == null && "Workflow".equals(processType)) {
            object = processMetadataValue(root, "ObjectType");
        }
        return object;
    }

    private String trigger(String processType, String triggerType, String recordTriggerType) {
        if (triggerType != null) {
            return recordTriggerType == null ? triggerType : triggerType + "/" + recordTriggerType;
        }
        return "Workflow".equals(processType) ? processMetadataValue(root, "TriggerType") : null;
    }

    private static boolean isRecordTriggered(String triggerType) {
        return "RecordBeforeSave".equals(triggerType) || "RecordAfterSave".equals(triggerType);
    }

    /** The start element's entry criteria as a formula; fields it reads go to {@code referenced}. */
    private FormulaNode entryCondition(XmlElement start, Set<String> referenced, Map<String, String> attributes) {
        String filterFormula = start.text("filterFormula");
        if (filterFormula != null) {
            try {
                FormulaNode formula = FormulaParser.parse(filterFormula);
                FormulaAnalysis.references(formula).forEach(reference -> addRecordField(reference, referenced));
                return formula;
            } catch (FormulaSyntaxException e) {
                attributes.put("formulaError", "start filterFormula: " + e.getMessage());
                return opaque("filterFormula");
            }
        }
        List<FormulaNode> filters = new ArrayList<>();
        for (XmlElement filter : start.children("filters")) {
            String field = filter.text("field");
            if (field == null) {
                continue;
            }
            referenced.add(field);
            filters.add(condition(new FormulaNode.Field(field), filter.text("operator"), value(filter.child("value"))));
        }
        return filters.isEmpty() ? null : ConditionLogic.combine(start.text("filterLogic"), filters);
    }

    private void decisionFields(Set<String> referenced) {
        for (XmlElement decision : root.children("decisions")) {
            for (XmlElement rule : decision.children("rules")) {
                for (XmlElement condition : rule.children("conditions")) {
                    addRecordField(condition.text("leftValueReference"), referenced);
                    condition.child("rightValue").map(value -> value.text("elementReference"))
                            .ifPresent(reference -> addRecordField(reference, referenced));
                }
            }
        }
        for (XmlElement formula : root.children("formulas")) {
            String expression = formula.text("expression");
            if (expression == null) {
                continue;
            }
            try {
                FormulaAnalysis.references(FormulaParser.parse(expression)).forEach(reference -> addRecordField(reference, referenced));
            } catch (FormulaSyntaxException e) {
                // Salesforce does not save a flow whose formula is invalid; one this parser cannot read adds no
                // fields rather than failing the whole source.
            }
        }
    }

    private void recordWrites(String object, Set<String> written, List<Assignee> assignees, Map<String, String> attributes) {
        for (XmlElement update : root.children("recordUpdates")) {
            String input = update.text("inputReference");
            boolean onRecord = input != null && (input.equals("$Record") || input.equals("myVariable_current"))
                    || object != null && object.equals(update.text("object"));
            if (!onRecord) {
                continue;
            }
            for (XmlElement assignment : update.children("inputAssignments")) {
                String field = assignment.text("field");
                if (field == null) {
                    continue;
                }
                written.add(field);
                if (field.equals("OwnerId")) {
                    owner(assignment.child("value"), assignees, attributes);
                }
            }
        }
        for (XmlElement assignment : root.children("assignments")) {
            for (XmlElement item : assignment.children("assignmentItems")) {
                String target = item.text("assignToReference");
                String field = recordField(target);
                if (field == null || !"Assign".equals(item.text("operator"))) {
                    continue;
                }
                written.add(field);
                if (field.equals("OwnerId")) {
                    owner(item.child("value"), assignees, attributes);
                }
            }
        }
    }

    /**
     * The objects the flow creates records of ({@code <recordCreates><object>}) and its scheduled paths
     * ({@code <start><scheduledPaths>}), which a renewal rule compares with the blueprint. Salesforce Help, "Scheduled
     * Paths": "Specify a Time Source for the scheduled path. That time can be based on the triggering event or on a
     * specified date or date/time field in the record. To run the scheduled flow path at a specified time before or
     * after the selected Time Source, enter an Offset Number and select an Offset Option." In the metadata the time
     * source is {@code timeSource} ({@code RecordField} with {@code recordField}, or {@code RecordTriggerEvent}), the
     * offset {@code offsetNumber} (negative: before) in {@code offsetUnit} ({@code Days}, {@code Hours}, …).
     */
    private void createsAndSchedule(XmlElement start, Map<String, String> attributes) {
        Set<String> created = new TreeSet<>();
        for (XmlElement create : root.children("recordCreates")) {
            String createdObject = create.text("object");
            if (createdObject != null) {
                created.add(createdObject);
            }
        }
        if (!created.isEmpty()) {
            attributes.put(Automation.CREATES, String.join(",", created));
        }
        List<ScheduledOffset> offsets = new ArrayList<>();
        for (XmlElement path : start == null ? List.<XmlElement>of() : start.children("scheduledPaths")) {
            String field = "RecordField".equals(path.text("timeSource")) ? path.text("recordField") : null;
            ScheduledOffset offset = ScheduledOffset.of(path.text("offsetNumber"), path.text("offsetUnit"), field);
            if (offset != null) {
                offsets.add(offset);
            }
        }
        if (!offsets.isEmpty()) {
            attributes.put(Automation.SCHEDULE, ScheduledOffset.format(offsets));
        }
    }

    /** Omni-Channel routing: {@code routeWork} actions name a queue or an agent. */
    private void routeWork(List<Assignee> assignees) {
        for (XmlElement action : root.children("actionCalls")) {
            if (!"routeWork".equals(action.text("actionType")) && !"routeWork".equals(action.text("actionName"))) {
                continue;
            }
            for (XmlElement parameter : action.children("inputParameters")) {
                String parameterName = parameter.text("name");
                Optional<XmlElement> value = parameter.child("value");
                if ("queueId".equals(parameterName) && value.isPresent()) {
                    resolve(value.get(), AssigneeKind.QUEUE).ifPresent(assignees::add);
                } else if ("agentId".equals(parameterName) && value.isPresent()) {
                    resolve(value.get(), AssigneeKind.USER).ifPresent(assignees::add);
                }
            }
        }
    }

    private void owner(Optional<XmlElement> value, List<Assignee> assignees, Map<String, String> attributes) {
        attributes.put("setsOwner", "true");
        value.flatMap(v -> resolve(v, null)).ifPresent(assignees::add);
    }

    /**
     * Who a flow value names: a literal queue developer name, username or id, a constant, or a lookup of a
     * {@code Group} (queue) or {@code User} by developer name or username.
     */
    private Optional<Assignee> resolve(XmlElement value, AssigneeKind expected) {
        String literal = value.text("stringValue");
        if (literal != null) {
            return Optional.of(new Assignee(expected != null ? expected : literalKind(literal), literal, literal));
        }
        String reference = value.text("elementReference");
        if (reference == null) {
            return Optional.empty();
        }
        String elementName = reference.endsWith(".Id") ? reference.substring(0, reference.length() - 3) : reference;
        XmlElement element = elementsByName.get(elementName);
        if (element == null) {
            return Optional.empty();
        }
        if (element.name().equals("constants")) {
            return element.child("value").flatMap(constant -> resolve(constant, expected));
        }
        if (element.name().equals("recordLookups")) {
            String lookedUp = element.text("object");
            for (XmlElement filter : element.children("filters")) {
                String field = filter.text("field");
                String filterValue = filter.child("value").map(v -> v.text("stringValue")).orElse(null);
                if (filterValue == null) {
                    continue;
                }
                if ("Group".equals(lookedUp) && ("DeveloperName".equals(field) || "Name".equals(field))) {
                    return Optional.of(new Assignee(AssigneeKind.QUEUE, filterValue, null));
                }
                if ("User".equals(lookedUp) && ("Username".equals(field) || "Email".equals(field))) {
                    return Optional.of(new Assignee(AssigneeKind.USER, filterValue, null));
                }
            }
        }
        return Optional.empty();
    }

    /** Queue ids start {@code 00G}, user ids {@code 005}; otherwise a username has an {@code @}. */
    private static AssigneeKind literalKind(String literal) {
        if (literal.startsWith("005") || literal.contains("@")) {
            return AssigneeKind.USER;
        }
        return AssigneeKind.QUEUE;
    }

    /**
     * Requirements of a record-triggered flow: each decision outcome that leads straight to a custom error
     * blocks the save when the entry criteria hold, the earlier outcomes of the decision do not, and the
     * outcome's conditions do.
     */
    private List<FieldRequirement> requirements(FormulaNode entry, String object, Map<String, String> attributes) {
        Set<String> customErrors = new LinkedHashSet<>();
        root.children("customErrors").forEach(error -> {
            String errorName = error.text("name");
            if (errorName != null) {
                customErrors.add(errorName);
            }
        });
        if (customErrors.isEmpty()) {
            return List.of();
        }
        List<FormulaNode> blocking = new ArrayList<>();
        for (XmlElement decision : root.children("decisions")) {
            List<FormulaNode> earlier = new ArrayList<>();
            for (XmlElement rule : decision.children("rules")) {
                FormulaNode outcome = ruleCondition(rule);
                String target = rule.textAt("connector", "targetReference");
                if (target != null && customErrors.contains(target)) {
                    blocking.add(blockingPath(entry, earlier, outcome));
                }
                earlier.add(outcome);
            }
            String fallback = decision.textAt("defaultConnector", "targetReference");
            if (fallback != null && customErrors.contains(fallback)) {
                blocking.add(blockingPath(entry, earlier, null));
            }
        }
        if (blocking.isEmpty()) {
            return List.of();
        }
        String stageField = SalesforceMetadataMapper.stageField(object).orElse(null);
        FormulaNode condition = blocking.size() == 1 ? blocking.get(0) : new FormulaNode.Call("OR", blocking);
        List<FieldRequirement> requirements = FormulaAnalysis.requirements(condition, stageField,
                object == null ? List.of() : stageValues.getOrDefault(object, List.of()));
        if (!requirements.isEmpty()) {
            attributes.put("blocksSave", "true");
        }
        return requirements;
    }

    private static FormulaNode blockingPath(FormulaNode entry, List<FormulaNode> earlier, FormulaNode outcome) {
        List<FormulaNode> parts = new ArrayList<>();
        if (entry != null) {
            parts.add(entry);
        }
        earlier.forEach(previous -> parts.add(new FormulaNode.Call("NOT", List.of(previous))));
        if (outcome != null) {
            parts.add(outcome);
        }
        return parts.isEmpty() ? new FormulaNode.Bool(true) : new FormulaNode.Call("AND", parts);
    }

    private FormulaNode ruleCondition(XmlElement rule) {
        List<FormulaNode> conditions = new ArrayList<>();
        for (XmlElement condition : rule.children("conditions")) {
            String left = condition.text("leftValueReference");
            if (left == null) {
                conditions.add(opaque("condition"));
                continue;
            }
            String field = recordField(left);
            FormulaNode subject = field != null && !left.startsWith("$Record__Prior.") && !left.startsWith("myVariable_old.")
                    ? new FormulaNode.Field(field)
                    : new FormulaNode.Field("$Flow." + left);
            conditions.add(condition(subject, condition.text("operator"), value(condition.child("rightValue"))));
        }
        if (conditions.isEmpty()) {
            return new FormulaNode.Bool(true);
        }
        return ConditionLogic.combine(rule.text("conditionLogic"), conditions);
    }

    /** A flow comparison as the formula an analyst would write for it. */
    private static FormulaNode condition(FormulaNode subject, String operator, FormulaNode value) {
        if (operator == null) {
            return opaque("condition");
        }
        switch (operator) {
            case "EqualTo":
                return new FormulaNode.Binary("=", subject, value);
            case "NotEqualTo":
                return new FormulaNode.Binary("<>", subject, value);
            case "GreaterThan":
                return new FormulaNode.Binary(">", subject, value);
            case "GreaterThanOrEqualTo":
                return new FormulaNode.Binary(">=", subject, value);
            case "LessThan":
                return new FormulaNode.Binary("<", subject, value);
            case "LessThanOrEqualTo":
                return new FormulaNode.Binary("<=", subject, value);
            case "IsNull", "IsBlank", "IsChanged": {
                String function = operator.equals("IsChanged") ? "ISCHANGED" : operator.equals("IsNull") ? "ISNULL" : "ISBLANK";
                FormulaNode test = new FormulaNode.Call(function, List.of(subject));
                boolean negated = value instanceof FormulaNode.Bool bool && !bool.value();
                return negated ? new FormulaNode.Call("NOT", List.of(test)) : test;
            }
            default:
                return new FormulaNode.Call("FLOW_" + operator, List.of(subject, value));
        }
    }

    private static FormulaNode value(Optional<XmlElement> element) {
        if (element.isEmpty()) {
            return new FormulaNode.Null();
        }
        XmlElement value = element.get();
        if (value.child("stringValue").isPresent()) {
            return new FormulaNode.Text(value.child("stringValue").get().text());
        }
        if (value.text("booleanValue") != null) {
            return new FormulaNode.Bool(Boolean.parseBoolean(value.text("booleanValue")));
        }
        if (value.text("numberValue") != null) {
            return new FormulaNode.Number(value.text("numberValue"));
        }
        if (value.text("elementReference") != null) {
            return new FormulaNode.Field("$Flow." + value.text("elementReference"));
        }
        for (String kind : List.of("dateValue", "dateTimeValue")) {
            if (value.text(kind) != null) {
                return new FormulaNode.Text(value.text(kind));
            }
        }
        return new FormulaNode.Null();
    }

    private static FormulaNode opaque(String what) {
        return new FormulaNode.Call("FLOW_UNREADABLE", List.of(new FormulaNode.Text(what)));
    }

    private static String expression(XmlElement start) {
        if (start == null) {
            return null;
        }
        String filterFormula = start.text("filterFormula");
        if (filterFormula != null) {
            return filterFormula;
        }
        List<String> filters = new ArrayList<>();
        for (XmlElement filter : start.children("filters")) {
            FormulaNode value = value(filter.child("value"));
            String shown = value instanceof FormulaNode.Text text ? text.value()
                    : value instanceof FormulaNode.Bool bool ? String.valueOf(bool.value())
                    : value instanceof FormulaNode.Number number ? number.text() : "";
            filters.add((filter.text("field") + " " + filter.text("operator") + " " + shown).strip());
        }
        if (filters.isEmpty()) {
            return null;
        }
        String logic = start.text("filterLogic");
        if (logic == null || logic.equalsIgnoreCase("and") || logic.equalsIgnoreCase("or")) {
            return String.join(logic != null && logic.equalsIgnoreCase("or") ? " OR " : " AND ", filters);
        }
        StringBuilder text = new StringBuilder(logic);
        for (int i = 0; i < filters.size(); i++) {
            text.append(i == 0 ? " where " : "; ").append(i + 1).append(": ").append(filters.get(i));
        }
        return text.toString();
    }

    private static void addRecordField(String reference, Set<String> fields) {
        String field = recordField(reference);
        if (field != null) {
            fields.add(field);
        }
    }

    /** {@code $Record.StageName} → {@code StageName}; null for anything that is not a field of the record. */
    private static String recordField(String reference) {
        if (reference == null) {
            return null;
        }
        for (String prefix : RECORD_PREFIXES) {
            if (reference.startsWith(prefix) && reference.length() > prefix.length()) {
                return reference.substring(prefix.length());
            }
        }
        return null;
    }

    private static String processMetadataValue(XmlElement element, String valueName) {
        for (XmlElement value : element.children("processMetadataValues")) {
            if (valueName.equals(value.text("name"))) {
                return value.textAt("value", "stringValue");
            }
        }
        return null;
    }

    private static List<Assignee> distinct(List<Assignee> assignees) {
        return List.copyOf(new LinkedHashSet<>(assignees));
    }

    private static void putIfPresent(Map<String, String> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
