package dev.l2o.blueprint;

/** A stage-to-stage conversion target: of records that reach {@code from}, the share that reaches {@code to}. */
public record ConversionTarget(String from, String to, Double rate) {}
