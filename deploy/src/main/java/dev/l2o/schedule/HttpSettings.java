package dev.l2o.schedule;

import static java.util.Objects.requireNonNull;

/**
 * The health and metrics endpoint ({@code http} in the schedule file).
 *
 * @param bindAddress the address to listen on; loopback unless the file says otherwise
 * @param port the TCP port; 0 picks a free one
 */
public record HttpSettings(String bindAddress, int port) {
    public static final String LOOPBACK = "127.0.0.1";

    public HttpSettings {
        requireNonNull(bindAddress, "bindAddress is null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0–65535: " + port);
        }
    }
}
