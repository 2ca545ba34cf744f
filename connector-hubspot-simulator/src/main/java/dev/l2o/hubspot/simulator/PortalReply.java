package dev.l2o.hubspot.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One response of the simulated portal: status, headers in the order sent, body, or a network fault after an
 * optional delay.
 *
 * @param status the HTTP status; 0 for a fault that sends none
 * @param headers the response headers
 * @param body the body, or null
 * @param fault the fault to inject, or null
 * @param delay the delay before answering
 */
record PortalReply(int status, Map<String, String> headers, String body, FaultKind fault, Duration delay) {
    PortalReply {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        requireNonNull(delay, "delay is null");
    }

    /** A response without fault or delay. */
    static PortalReply of(int status, Map<String, String> headers, String body) {
        return new PortalReply(status, headers, body, null, Duration.ZERO);
    }

    /** This reply with {@code more} headers after its own. */
    PortalReply withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new PortalReply(status, all, body, fault, delay);
    }

    /** This reply with another status. */
    PortalReply withStatus(int value) {
        return new PortalReply(value, headers, body, fault, delay);
    }

    /** This reply, sent with {@code kind} after {@code after}. */
    PortalReply withFault(FaultKind kind, Duration after) {
        return new PortalReply(status, headers, body, kind, after);
    }
}
