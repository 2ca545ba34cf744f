package dev.l2o.blueprint;

/**
 * A custom rule in CEL. For {@code on: opportunity|lead} the rule applies to every record for which
 * {@code when} holds and fails where {@code require} does not; for {@code on: config} the variables are the
 * snapshot's configuration.
 */
public record CustomRuleSpec(String id, String description, String severity, String dimension, String on, String when, String require) {}
