package dev.l2o.snapshot;

import dev.l2o.model.Assignee;
import dev.l2o.model.AssigneeKind;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Automation;
import dev.l2o.model.Criterion;
import dev.l2o.model.FieldDef;
import dev.l2o.model.FieldRequirement;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.RuleEntry;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Computes the changes of {@link SnapshotDiff}; one instance per comparison, not thread-safe. */
final class ConfigurationDiffer {
    private final Snapshot old;
    private final Snapshot neu;
    private final List<Change> changes = new ArrayList<>();

    ConfigurationDiffer(Snapshot old, Snapshot neu) {
        this.old = old;
        this.neu = neu;
    }

    List<Change> changes() {
        compare(old.pipelines(), neu.pipelines(), pipeline -> pipeline.object() + "/" + pipeline.id(), this::pipeline);
        compare(old.fields(), neu.fields(), FieldDef::qualifiedName, this::field);
        compare(old.automations(), neu.automations(),
                automation -> automation.kind() + "/" + Objects.toString(automation.object(), "") + "/" + automation.name(),
                this::automation);
        compare(old.assignmentRules(), neu.assignmentRules(), rule -> rule.object() + "/" + rule.name(), this::assignmentRule);
        compare(queues(old), queues(neu), Assignee::name, this::queue);
        return changes;
    }

    /** Compares two versions of one thing; either may be null (added, removed). */
    private interface Comparison<T> {
        void compare(T before, T after);
    }

    private static <T> void compare(List<T> before, List<T> after, Function<T, String> key, Comparison<T> comparison) {
        SortedMap<String, T> oldByKey = index(before, key);
        SortedMap<String, T> newByKey = index(after, key);
        Set<String> keys = new TreeSet<>(oldByKey.keySet());
        keys.addAll(newByKey.keySet());
        for (String each : keys) {
            comparison.compare(oldByKey.get(each), newByKey.get(each));
        }
    }

    /** The first of each key wins: a CRM cannot hold two with one key, and a broken source must not crash the diff. */
    private static <T> SortedMap<String, T> index(List<T> values, Function<T, String> key) {
        SortedMap<String, T> byKey = new TreeMap<>();
        for (T value : values) {
            byKey.putIfAbsent(key.apply(value), value);
        }
        return byKey;
    }

    private void pipeline(Pipeline before, Pipeline after) {
        String name = "pipeline '" + (after == null ? before : after).label() + "' of " + (after == null ? before : after).object();
        if (before == null || after == null) {
            addedOrRemoved(Change.PIPELINE, before, after, Pipeline::ref, Pipeline::label, name);
            return;
        }
        modified(Change.PIPELINE, after.ref(), name, "label", before.label(), after.label());
        modified(Change.PIPELINE, after.ref(), name, "default", flag(before.isDefault()), flag(after.isDefault()));
        // a record type moved to another sales process moves its records to another lifecycle
        modified(Change.PIPELINE, after.ref(), name, "record types", recordTypes(before), recordTypes(after));
        Set<String> moved = movedStages(before.stages(), after.stages());
        compare(before.stages(), after.stages(), Stage::apiName,
                (oldStage, newStage) -> stage(after, oldStage, newStage, moved));
    }

    private void stage(Pipeline pipeline, Stage before, Stage after, Set<String> moved) {
        String name = "stage '" + (after == null ? before : after).apiName() + "' of pipeline '" + pipeline.label() + "'";
        if (before == null || after == null) {
            addedOrRemoved(Change.STAGE, before, after, Stage::ref, Stage::label, name);
            return;
        }
        ResourceRef at = after.ref();
        modified(Change.STAGE, at, name, "label", before.label(), after.label());
        modified(Change.STAGE, at, name, "probability", number(before.probability()), number(after.probability()));
        modified(Change.STAGE, at, name, "forecast category", category(before.forecastCategory()), category(after.forecastCategory()));
        modified(Change.STAGE, at, name, "closed", flag(before.closed()), flag(after.closed()));
        modified(Change.STAGE, at, name, "won", flag(before.won()), flag(after.won()));
        modified(Change.STAGE, at, name, "converted", flag(before.converted()), flag(after.converted()));
        modified(Change.STAGE, at, name, "active", flag(before.active()), flag(after.active()));
        if (moved.contains(after.apiName())) {
            changes.add(new Change(ChangeKind.MODIFIED, Change.STAGE, at, Integer.toString(before.order() + 1),
                    Integer.toString(after.order() + 1), name + " moved from position " + (before.order() + 1) + " to "
                            + (after.order() + 1)));
        }
    }

    /**
     * The stages in both pipelines whose relative order changed: all but a longest run of stages that kept
     * their relative order, so that moving one stage reports that stage, not every stage it jumped over.
     * Adding or removing stages moves nothing.
     */
    private static Set<String> movedStages(List<Stage> before, List<Stage> after) {
        List<String> newOrder = after.stream().map(Stage::apiName).distinct().toList();
        List<String> common = before.stream().map(Stage::apiName).distinct().filter(newOrder::contains).toList();
        int[] positions = common.stream().mapToInt(newOrder::indexOf).toArray();
        // Longest increasing subsequence by dynamic programming: pipelines have tens of stages.
        int[] length = new int[positions.length];
        int[] previous = new int[positions.length];
        int best = -1;
        for (int i = 0; i < positions.length; i++) {
            length[i] = 1;
            previous[i] = -1;
            for (int j = 0; j < i; j++) {
                if (positions[j] < positions[i] && length[j] + 1 > length[i]) {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
            if (best < 0 || length[i] > length[best]) {
                best = i;
            }
        }
        Set<String> moved = new TreeSet<>(common);
        for (int i = best; i >= 0; i = previous[i]) {
            moved.remove(common.get(i));
        }
        return moved;
    }

    private void field(FieldDef before, FieldDef after) {
        String name = "field " + (after == null ? before : after).qualifiedName();
        if (before == null || after == null) {
            addedOrRemoved(Change.FIELD, before, after, FieldDef::ref, FieldDef::type, name);
            return;
        }
        ResourceRef at = after.ref();
        modified(Change.FIELD, at, name, "type", before.type(), after.type());
        modified(Change.FIELD, at, name, "label", before.label(), after.label());
        modified(Change.FIELD, at, name, "required", flag(before.required()), flag(after.required()));
        modified(Change.FIELD, at, name, "formula", before.formula(), after.formula());
        modified(Change.FIELD, at, name, "value set", before.valueSetName(), after.valueSetName());
        modified(Change.FIELD, at, name, "history tracking", flag(before.historyTracked()), flag(after.historyTracked()));
        for (String value : before.values()) {
            if (!after.values().contains(value)) {
                changes.add(new Change(ChangeKind.REMOVED, Change.PICKLIST_VALUE, valueRef(before.ref(), value), value, null,
                        "picklist value '" + value + "' of " + name + " was removed"));
            }
        }
        for (String value : after.values()) {
            if (!before.values().contains(value)) {
                changes.add(new Change(ChangeKind.ADDED, Change.PICKLIST_VALUE, valueRef(at, value), null, value,
                        "picklist value '" + value + "' of " + name + " was added"));
            }
        }
    }

    /** A picklist value's address: the field's, with the value as fragment, as {@code Opportunity.StageName#Closed Won}. */
    private static ResourceRef valueRef(ResourceRef field, String value) {
        return new ResourceRef(field.crm(), field.path() + "#" + value, field.file(), field.line());
    }

    private void automation(Automation before, Automation after) {
        Automation any = after == null ? before : after;
        String category = switch (any.kind()) {
            case FLOW -> Change.FLOW;
            case WORKFLOW -> Change.WORKFLOW;
            case VALIDATION -> Change.VALIDATION_RULE;
            case ASSIGNMENT -> Change.AUTOMATION;
        };
        String name = switch (any.kind()) {
            case FLOW -> "flow";
            case WORKFLOW -> "workflow rule";
            case VALIDATION -> "validation rule";
            case ASSIGNMENT -> "assignment automation";
        } + " " + (any.object() == null ? "" : any.object() + ".") + any.name();
        if (before == null || after == null) {
            addedOrRemoved(category, before, after, Automation::ref, automation -> automation.active() ? "active" : "inactive", name);
            return;
        }
        ResourceRef at = after.ref();
        modified(category, at, name, "active", flag(before.active()), flag(after.active()));
        modified(category, at, name, "trigger", before.trigger(), after.trigger());
        modified(category, at, name, "requirements", requirements(before.requirements()), requirements(after.requirements()));
        modified(category, at, name, "fields written", joined(before.fieldsWritten()), joined(after.fieldsWritten()));
        modified(category, at, name, "expression", before.expression(), after.expression());
        modified(category, at, name, "assignees", assignees(before.assignees()), assignees(after.assignees()));
    }

    private void assignmentRule(AssignmentRule before, AssignmentRule after) {
        AssignmentRule any = after == null ? before : after;
        String name = "assignment rule " + any.object() + "." + any.name();
        if (before == null || after == null) {
            addedOrRemoved(Change.ASSIGNMENT_RULE, before, after, AssignmentRule::ref, rule -> rule.active() ? "active" : "inactive", name);
            return;
        }
        modified(Change.ASSIGNMENT_RULE, after.ref(), name, "active", flag(before.active()), flag(after.active()));
        SortedMap<Integer, RuleEntry> oldEntries = entriesByOrder(before.entries());
        SortedMap<Integer, RuleEntry> newEntries = entriesByOrder(after.entries());
        Set<Integer> orders = new TreeSet<>(oldEntries.keySet());
        orders.addAll(newEntries.keySet());
        for (int order : orders) {
            RuleEntry oldEntry = oldEntries.get(order);
            RuleEntry newEntry = newEntries.get(order);
            String entryName = "entry " + order + " of " + name;
            // An entry has no address of its own; it is the rule's, in the version the entry exists in.
            ResourceRef rule = (newEntry == null ? before : after).ref();
            ResourceRef at = new ResourceRef(rule.crm(), rule.path() + "/entry/" + order, rule.file(), rule.line());
            if (oldEntry == null || newEntry == null) {
                addedOrRemoved(Change.ASSIGNMENT_RULE_ENTRY, oldEntry, newEntry, entry -> at, ConfigurationDiffer::entry,
                        entryName);
            } else {
                modified(Change.ASSIGNMENT_RULE_ENTRY, at, entryName, "definition", entry(oldEntry), entry(newEntry));
            }
        }
    }

    private static SortedMap<Integer, RuleEntry> entriesByOrder(List<RuleEntry> entries) {
        SortedMap<Integer, RuleEntry> byOrder = new TreeMap<>();
        entries.forEach(entry -> byOrder.putIfAbsent(entry.order(), entry));
        return byOrder;
    }

    /** An entry as one line: {@code Lead.Country equals DE, FR; filter 1 AND 2 -> QUEUE EMEA_Inbound}. */
    private static String entry(RuleEntry entry) {
        List<String> parts = new ArrayList<>();
        for (Criterion criterion : entry.criteria()) {
            parts.add(criterion.field() + " " + criterion.operation() + " " + String.join(", ", criterion.values()));
        }
        if (entry.formula() != null) {
            parts.add("formula " + entry.formula());
        }
        if (entry.booleanFilter() != null) {
            parts.add("filter " + entry.booleanFilter());
        }
        String criteria = parts.isEmpty() ? "always" : String.join("; ", parts);
        return criteria + " -> " + (entry.assignee() == null ? "keep owner" : assignee(entry.assignee()));
    }

    private void queue(Assignee before, Assignee after) {
        Assignee any = after == null ? before : after;
        ResourceRef at = ResourceRef.of((after == null ? old : neu).crm(), "Queue/" + any.name());
        String name = "queue " + any.name();
        if (before == null || after == null) {
            addedOrRemoved(Change.QUEUE, before, after, queue -> at, Assignee::label, name);
            return;
        }
        modified(Change.QUEUE, at, name, "label", before.label(), after.label());
    }

    private static List<Assignee> queues(Snapshot snapshot) {
        return snapshot.assignees().stream().filter(assignee -> assignee.kind() == AssigneeKind.QUEUE).toList();
    }

    /** Records that exactly one of {@code before} and {@code after} exists, addressed where it exists. */
    private <T> void addedOrRemoved(String category, T before, T after, Function<T, ResourceRef> ref,
            Function<T, String> value, String name) {
        if (before == null) {
            changes.add(new Change(ChangeKind.ADDED, category, ref.apply(after), null, value.apply(after), name + " was added"));
        } else {
            changes.add(new Change(ChangeKind.REMOVED, category, ref.apply(before), value.apply(before), null, name + " was removed"));
        }
    }

    private void modified(String category, ResourceRef subject, String name, String property, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(ChangeKind.MODIFIED, category, subject, before, after,
                    property + " of " + name + " changed from " + shown(before) + " to " + shown(after)));
        }
    }

    private static String recordTypes(Pipeline pipeline) {
        return pipeline.recordTypes().isEmpty() ? null : String.join(", ", pipeline.recordTypes());
    }

    private static String shown(String value) {
        return value == null ? "none" : "'" + value + "'";
    }

    private static String flag(boolean value) {
        return Boolean.toString(value);
    }

    /** Probabilities as people write them: {@code 10}, {@code 75.5}. */
    private static String number(Double value) {
        if (value == null) {
            return null;
        }
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : value.toString();
    }

    private static String category(ForecastCategory category) {
        return category == null ? null : category.blueprintName();
    }

    private static String joined(Collection<String> values) {
        return values.isEmpty() ? null : String.join(", ", values);
    }

    private static String requirements(List<FieldRequirement> requirements) {
        if (requirements.isEmpty()) {
            return null;
        }
        return requirements.stream()
                .map(requirement -> requirement.field()
                        + (requirement.stages().isEmpty() ? " in every stage" : " in " + String.join(", ", requirement.stages())))
                .sorted()
                .collect(Collectors.joining("; "));
    }

    private static String assignees(List<Assignee> assignees) {
        return assignees.isEmpty() ? null : assignees.stream().map(ConfigurationDiffer::assignee).collect(Collectors.joining(", "));
    }

    private static String assignee(Assignee assignee) {
        return assignee.kind().name().toLowerCase(Locale.ROOT) + " " + assignee.name();
    }
}
