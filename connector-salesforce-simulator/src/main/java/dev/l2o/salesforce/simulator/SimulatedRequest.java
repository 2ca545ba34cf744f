package dev.l2o.salesforce.simulator;

import static java.util.Objects.requireNonNull;

/**
 * One request the simulator received, as its request log keeps it.
 *
 * @param method the HTTP method
 * @param path the path without the query string
 * @param operation the SOAP body element ({@code login}, {@code readMetadata}) for SOAP calls, else the
 *     simulator's name for the REST resource ({@code query}, {@code queryMore}, {@code limits},
 *     {@code bulkQueryCreate}, …)
 * @param status the HTTP status answered, or 0 when the connection was reset
 */
public record SimulatedRequest(String method, String path, String operation, int status) {
    public SimulatedRequest {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(operation, "operation is null");
    }
}
