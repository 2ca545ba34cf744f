package dev.l2o.model;

import static java.util.Objects.requireNonNull;

/**
 * A user, queue, role or team that records can be assigned to, as far as the source knows it.
 *
 * @param kind what it is
 * @param name the CRM's stable name: queue developer name, username, HubSpot owner id
 * @param label the display label (queue label, user's full name), or the name when unknown
 */
public record Assignee(AssigneeKind kind, String name, String label) {
    public Assignee {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        label = label == null ? name : label;
    }
}
