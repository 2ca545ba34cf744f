package dev.l2o.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an automation enforces: a save of a record of the automation's object fails (or is corrected) unless
 * {@code field} is populated, while the record's stage is one of {@code stages}.
 *
 * @param field the field API name that must be populated
 * @param stages the stage values (API names) in which the requirement holds; empty means in every stage
 */
public record FieldRequirement(String field, Set<String> stages) {
    public FieldRequirement {
        requireNonNull(field, "field is null");
        stages = Collections.unmodifiableSortedSet(new TreeSet<>(stages == null ? Set.of() : stages));
    }

    public boolean appliesTo(String stage) {
        return stages.isEmpty() || stages.contains(stage);
    }
}
