package dev.l2o.blueprint;

/** A designed routing rule: records of {@code object} matching CEL {@code when} go to {@code assignTo}. */
public record RoutingSpec(String name, String object, String when, AssignTo assignTo) {}
