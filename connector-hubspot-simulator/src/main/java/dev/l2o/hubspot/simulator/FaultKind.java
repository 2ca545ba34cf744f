package dev.l2o.hubspot.simulator;

/** Faults the simulator can inject, each as a real portal or network would show it. */
public enum FaultKind {
    /** HTTP 500 with a HubSpot error body. */
    SERVER_ERROR,
    /** HTTP 502 from the edge. */
    BAD_GATEWAY,
    /** HTTP 503 with a HubSpot error body. */
    SERVICE_UNAVAILABLE,
    /** The connection is reset before a response. */
    CONNECTION_RESET,
    /** The connection is closed without a response. */
    EMPTY_RESPONSE,
    /** HTTP 200 whose JSON body breaks off half-way (with a matching length: malformed JSON). */
    TRUNCATED_BODY,
    /** HTTP 200 headers, then a broken chunk and a closed connection: a body cut off by the network. */
    BROKEN_CHUNK,
    /** HTTP 200 with an HTML page, as a proxy or a maintenance page answers. */
    HTML_PAGE,
    /** HTTP 403 {@code MISSING_SCOPES}, as when a scope is taken from the private app. */
    MISSING_SCOPE,
    /** The normal response after the rule's delay (long enough for a client timeout). */
    SLOW_RESPONSE,
    /** HTTP 401 {@code INVALID_AUTHENTICATION}, as when a token expires or is revoked mid-run. */
    EXPIRED_TOKEN,
    /** HTTP 429 with {@code policyName: DAILY}. */
    DAILY_LIMIT,
    /** HTTP 429 with {@code policyName: TEN_SECONDLY_ROLLING}, with {@code Retry-After} when the rule has a delay. */
    BURST_LIMIT
}
