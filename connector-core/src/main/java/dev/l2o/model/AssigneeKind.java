package dev.l2o.model;

/** Who a record can be assigned to. */
public enum AssigneeKind {
    USER,
    QUEUE,
    ROLE,
    TEAM
}
