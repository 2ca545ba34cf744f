package dev.l2o.blueprint;

/** {@code sla}: service levels of a lead status. */
public record Sla(Double maxHoursToFirstTouch) {}
