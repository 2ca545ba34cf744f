package dev.l2o.error;

/** What kind of failure an {@link ErrorCode} is, which decides the exit code and whether the audit is complete. */
public enum ErrorType {
    /** The user's input is wrong (arguments, blueprint, files, credentials): exit 2. */
    USER,
    /** The source could not be read fully (CRM down, limits, network): the audit is incomplete, exit 3. */
    EXTERNAL,
    /** A defect in l2o itself. */
    INTERNAL
}
