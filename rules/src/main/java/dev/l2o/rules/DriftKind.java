package dev.l2o.rules;

/** What sort of difference a finding is. */
public enum DriftKind {
    /** Designed in the blueprint, absent from the CRM. */
    MISSING,
    /** Present in the CRM, not designed. */
    UNDECLARED,
    /** Present in both, but different. */
    MISMATCH,
    /** Measured data beyond a designed limit. */
    THRESHOLD
}
