package dev.l2o.blueprint;

import java.util.List;

/** {@code leadLifecycle}: the designed lead statuses, in order. */
public record LeadLifecycle(String object, List<LeadStatusSpec> statuses) {
    public LeadLifecycle {
        object = object == null ? "Lead" : object;
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }
}
