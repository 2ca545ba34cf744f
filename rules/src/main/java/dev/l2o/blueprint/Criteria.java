package dev.l2o.blueprint;

import java.util.List;

/** {@code entry} / {@code exit}: fields that must be populated to enter or leave a stage. */
public record Criteria(List<String> requiredFields) {
    public Criteria {
        requiredFields = requiredFields == null ? List.of() : List.copyOf(requiredFields);
    }
}
