package dev.l2o.model;

/** The kinds of automation a blueprint can require; names as in the blueprint's {@code kind}. */
public enum AutomationKind {
    FLOW,
    WORKFLOW,
    VALIDATION,
    ASSIGNMENT
}
