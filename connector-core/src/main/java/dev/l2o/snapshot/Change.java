package dev.l2o.snapshot;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.ResourceRef;

/**
 * One difference between two snapshots' configuration. A modification of several properties of one thing is
 * several changes, one per property, so that each reads as one sentence.
 *
 * @param kind added, removed or modified
 * @param category what changed: one of the constants of this record ({@code stage}, {@code picklistValue}, …)
 * @param subject where: the changed thing's address in the newer snapshot, or in the older one when removed
 * @param before the old value as text, or null when added (or when the property had no value)
 * @param after the new value as text, or null when removed (or when the property has no value)
 * @param description one sentence without a trailing period, naming the thing and, when modified, the property
 */
public record Change(ChangeKind kind, String category, ResourceRef subject, String before, String after, String description) {
    public static final String PIPELINE = "pipeline";
    public static final String STAGE = "stage";
    public static final String FIELD = "field";
    public static final String PICKLIST_VALUE = "picklistValue";
    /** An automation of kind {@code ASSIGNMENT}; flows, workflows and validation rules have their own category. */
    public static final String AUTOMATION = "automation";
    public static final String VALIDATION_RULE = "validationRule";
    public static final String FLOW = "flow";
    public static final String WORKFLOW = "workflow";
    public static final String ASSIGNMENT_RULE = "assignmentRule";
    public static final String ASSIGNMENT_RULE_ENTRY = "assignmentRuleEntry";
    public static final String QUEUE = "queue";

    public Change {
        requireNonNull(kind, "kind is null");
        requireNonNull(category, "category is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(description, "description is null");
    }
}
