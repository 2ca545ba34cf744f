package dev.l2o.snapshot;

/** What happened to a piece of configuration between two snapshots. */
public enum ChangeKind {
    /** It exists only in the newer snapshot. */
    ADDED,
    /** It exists only in the older snapshot. */
    REMOVED,
    /** It exists in both, with a different value of one property. */
    MODIFIED
}
