package dev.l2o.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A flow, workflow rule, validation rule or assignment rule, reduced to what an audit needs.
 *
 * @param kind what it is
 * @param name the CRM's API name (flow API name, {@code Rule_Name} of a validation rule)
 * @param label the display label
 * @param object the object it runs on, or null when unknown (screen flows)
 * @param active whether it runs
 * @param trigger when it runs ({@code RecordBeforeSave/CreateAndUpdate}, {@code onAllChanges}, …), or null
 * @param fieldsReferenced fields it reads (criteria, formulas)
 * @param fieldsWritten fields it sets
 * @param requirements what it enforces (validation rules and flows that block a save)
 * @param assignees who it assigns records to (routing flows, owner rotation)
 * @param expression the criteria as the CRM writes them (formula, filter logic), or null
 * @param ref where it is defined
 * @param attributes CRM-specific detail ({@code processType}, {@code flowType}, …)
 */
public record Automation(
        AutomationKind kind,
        String name,
        String label,
        String object,
        boolean active,
        String trigger,
        Set<String> fieldsReferenced,
        Set<String> fieldsWritten,
        List<FieldRequirement> requirements,
        List<Assignee> assignees,
        String expression,
        ResourceRef ref,
        Map<String, String> attributes) {
    /** The attribute naming the objects the automation creates records of, comma-separated ({@code Opportunity}). */
    public static final String CREATES = "creates";

    /** The attribute holding when its delayed parts run, as {@link ScheduledOffset#format} writes it. */
    public static final String SCHEDULE = "schedule";

    public Automation {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        label = label == null ? name : label;
        fieldsReferenced = Collections.unmodifiableSortedSet(new TreeSet<>(fieldsReferenced == null ? Set.of() : fieldsReferenced));
        fieldsWritten = Collections.unmodifiableSortedSet(new TreeSet<>(fieldsWritten == null ? Set.of() : fieldsWritten));
        requirements = List.copyOf(requirements == null ? List.of() : requirements);
        assignees = List.copyOf(assignees == null ? List.of() : assignees);
        requireNonNull(ref, "ref is null");
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes == null ? Map.of() : attributes));
    }

    /** The objects it creates records of ({@link #CREATES}), in the order the attribute lists them. */
    public List<String> creates() {
        String objects = attributes.get(CREATES);
        return objects == null || objects.isBlank() ? List.of() : List.of(objects.split(","));
    }

    /** When its delayed parts run ({@link #SCHEDULE}); empty when nothing in it waits. */
    public List<ScheduledOffset> schedule() {
        return List.copyOf(ScheduledOffset.parse(attributes.get(SCHEDULE)));
    }

    /** Whether it assigns owners, i.e. implements routing. */
    public boolean routes() {
        return !assignees.isEmpty();
    }
}
