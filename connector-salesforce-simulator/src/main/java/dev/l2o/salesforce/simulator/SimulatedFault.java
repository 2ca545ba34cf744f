package dev.l2o.salesforce.simulator;

import static java.util.Objects.requireNonNull;

/**
 * A fault the simulator injects into requests to one endpoint: it skips {@code after} matching requests,
 * then applies to the next {@code times} ones.
 *
 * @param endpoint which requests it applies to
 * @param after how many matching requests pass untouched first
 * @param times to how many requests it applies
 * @param kind what happens
 * @param value the delay in milliseconds for {@link Kind#LATENCY}, the HTTP status for {@link Kind#SERVER_ERROR}
 */
public record SimulatedFault(Endpoint endpoint, int after, int times, Kind kind, int value) {
    public SimulatedFault {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(kind, "kind is null");
        if (after < 0 || times < 1) {
            throw new IllegalArgumentException("after must be >= 0 and times >= 1");
        }
    }

    /** Groups of simulated endpoints. */
    public enum Endpoint {
        /** SOAP {@code login}. */
        LOGIN,
        /** {@code POST /services/oauth2/token}. */
        OAUTH_TOKEN,
        /** Partner API calls other than login. */
        PARTNER,
        /** Metadata API calls. */
        METADATA,
        /** REST query and limits calls. */
        REST,
        /** Bulk API 2.0 query job calls. */
        BULK,
        /** Every request. */
        ANY
    }

    /** What an injected fault does. */
    public enum Kind {
        /** Answers normally after {@code value} milliseconds. */
        LATENCY,
        /** Answers with HTTP status {@code value} (502, 503, …) and an HTML body, as a load balancer does. */
        SERVER_ERROR,
        /** Resets the connection without an answer. */
        CONNECTION_RESET,
        /** Expires every session issued so far; the request fails with {@code INVALID_SESSION_ID}. */
        SESSION_EXPIRED,
        /** Uses up the org's daily API requests; this and later calls fail with {@code REQUEST_LIMIT_EXCEEDED}. */
        LIMIT_EXCEEDED
    }

    public static SimulatedFault of(Endpoint endpoint, Kind kind) {
        return new SimulatedFault(endpoint, 0, 1, kind, kind == Kind.SERVER_ERROR ? 503 : 0);
    }

    public SimulatedFault after(int requests) {
        return new SimulatedFault(endpoint, requests, times, kind, value);
    }

    public SimulatedFault times(int count) {
        return new SimulatedFault(endpoint, after, count, kind, value);
    }

    public SimulatedFault value(int replacement) {
        return new SimulatedFault(endpoint, after, times, kind, replacement);
    }
}
