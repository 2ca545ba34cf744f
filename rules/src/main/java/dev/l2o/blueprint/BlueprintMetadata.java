package dev.l2o.blueprint;

/** {@code metadata}: who owns the blueprint and what it describes. {@code name} is required. */
public record BlueprintMetadata(String name, String owner, String description) {}
