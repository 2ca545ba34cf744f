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
 *     and {@link Kind#REFUSED} (401 or 403), the {@code Retry-After} seconds for {@link Kind#THROTTLED} (negative:
 *     no header)
 * @param operation the one operation of the endpoint it applies to, as the request log names it
 *     ({@code readMetadata}, {@code queryMore}, {@code bulkQueryResults}, …), or null for every operation
 */
public record SimulatedFault(Endpoint endpoint, int after, int times, Kind kind, int value, String operation) {
    public SimulatedFault {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(kind, "kind is null");
        if (after < 0 || times < 1) {
            throw new IllegalArgumentException("after must be >= 0 and times >= 1");
        }
    }

    /** Whether the fault is aimed at a request of {@code requestEndpoint} and {@code requestOperation}. */
    boolean targets(Endpoint requestEndpoint, String requestOperation) {
        return (endpoint == requestEndpoint || endpoint == Endpoint.ANY) && (operation == null || operation.equals(requestOperation));
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
        LIMIT_EXCEEDED,
        /** HTTP 429 from the edge, with {@code Retry-After: value} when {@code value} is not negative. */
        THROTTLED,
        /** HTTP 200 headers, then a broken chunk and a closed connection: a body cut off by the network. */
        BROKEN_CHUNK,
        /** The normal answer with its body cut in half (and a matching length): malformed JSON, XML or CSV. */
        MALFORMED_BODY,
        /** HTTP 200 with an HTML page, as a proxy or a maintenance page answers. */
        HTML_PAGE,
        /** A SOAP fault {@code UNKNOWN_EXCEPTION} (HTTP 500, text/xml) on SOAP endpoints; a REST 500 elsewhere. */
        SOAP_FAULT,
        /**
         * The credentials or permissions refused, as the endpoint refuses them: {@code INVALID_LOGIN} for SOAP
         * login, {@code invalid_grant} for the token endpoint, {@code INVALID_SESSION_ID} (401, without expiring
         * any session) or {@code INSUFFICIENT_ACCESS} (403) elsewhere, as {@code value} says.
         */
        REFUSED
    }

    public static SimulatedFault of(Endpoint endpoint, Kind kind) {
        int value = switch (kind) {
            case SERVER_ERROR -> 503;
            case REFUSED -> 401;
            case THROTTLED -> -1;
            case LATENCY, CONNECTION_RESET, SESSION_EXPIRED, LIMIT_EXCEEDED, BROKEN_CHUNK, MALFORMED_BODY, HTML_PAGE, SOAP_FAULT -> 0;
        };
        return new SimulatedFault(endpoint, 0, 1, kind, value, null);
    }

    public SimulatedFault after(int requests) {
        return new SimulatedFault(endpoint, requests, times, kind, value, operation);
    }

    public SimulatedFault times(int count) {
        return new SimulatedFault(endpoint, after, count, kind, value, operation);
    }

    public SimulatedFault value(int replacement) {
        return new SimulatedFault(endpoint, after, times, kind, replacement, operation);
    }

    /** This fault on one operation of its endpoint only. */
    public SimulatedFault on(String requestOperation) {
        return new SimulatedFault(endpoint, after, times, kind, value, requireNonNull(requestOperation, "requestOperation is null"));
    }
}
