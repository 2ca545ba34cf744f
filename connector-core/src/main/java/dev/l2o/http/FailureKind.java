package dev.l2o.http;

/** How a failed request is treated. */
public enum FailureKind {
    /** Retrying cannot help (bad credentials, missing permission, bad request, exhausted daily limit). */
    PERMANENT,
    /** A transient fault (I/O error, timeout, reset, 5xx): retry after a backoff. */
    RETRYABLE,
    /** The server asked us to slow down (429 for a short window): retry after the delay it asked for. */
    THROTTLED
}
