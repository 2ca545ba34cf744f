package dev.l2o.blueprint;

import java.time.LocalDate;

/** An accepted finding: {@code reason} is required; an {@code until} in the past stops suppressing. */
public record Suppression(String ruleId, String subject, String reason, LocalDate until) {}
