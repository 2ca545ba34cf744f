package dev.l2o.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A Salesforce lead or case assignment rule (HubSpot has none: its routing lives in workflows).
 *
 * @param object the object it assigns ({@code Lead})
 * @param name the rule name
 * @param active whether it is the object's active rule
 * @param entries its entries in evaluation order
 * @param ref where it is defined
 */
public record AssignmentRule(String object, String name, boolean active, List<RuleEntry> entries, ResourceRef ref) {
    public AssignmentRule {
        requireNonNull(object, "object is null");
        requireNonNull(name, "name is null");
        entries = List.copyOf(entries);
        requireNonNull(ref, "ref is null");
    }
}
