package dev.l2o.blueprint;

/** An automation that must exist: {@code kind} is {@code flow|workflow|validation|assignment}. */
public record AutomationSpec(String name, String object, String kind, Boolean mustBeActive) {
    public AutomationSpec {
        mustBeActive = mustBeActive == null || mustBeActive;
    }
}
