package dev.l2o.hubspot.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a simulated portal behaves.
 *
 * @param port the loopback port, 0 for any free one
 * @param rateLimit requests allowed per rolling {@code rateWindow} per token (HubSpot Free/Starter: 100 per 10 s)
 * @param rateWindow the rolling window
 * @param dailyLimit requests allowed in the simulator's lifetime (HubSpot Free/Starter: 250,000 a day)
 * @param acceptedTokens the bearer tokens accepted; empty accepts any token (what {@code l2o simulate} does)
 * @param grantedScopes the private-app scopes the token has; null grants every scope
 * @param faults injected faults, first matching rule wins
 * @param stageDateProperties whether deals have the per-stage {@code hs_v2_date_entered_<stageId>} family
 * @param retryAfter whether 429 responses carry {@code Retry-After} (HubSpot does not promise it)
 */
public record SimulatorOptions(
        int port,
        int rateLimit,
        Duration rateWindow,
        long dailyLimit,
        Set<String> acceptedTokens,
        Set<String> grantedScopes,
        List<FaultRule> faults,
        boolean stageDateProperties,
        boolean retryAfter) {
    public SimulatorOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (rateLimit < 1) {
            throw new IllegalArgumentException("rateLimit must be at least 1");
        }
        requireNonNull(rateWindow, "rateWindow is null");
        acceptedTokens = Set.copyOf(acceptedTokens);
        grantedScopes = grantedScopes == null ? null : Collections.unmodifiableSortedSet(new TreeSet<>(grantedScopes));
        faults = List.copyOf(faults);
    }

    /** Any free port, 100 requests per 10 s, 250,000 a day, any token, every scope, no faults, v2 stage-date properties. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(0, 100, Duration.ofSeconds(10), 250_000, Set.of(), null, List.of(), true, false);
    }

    public SimulatorOptions withPort(int value) {
        return new SimulatorOptions(value, rateLimit, rateWindow, dailyLimit, acceptedTokens, grantedScopes, faults, stageDateProperties, retryAfter);
    }

    public SimulatorOptions withRateLimit(int requests, Duration window) {
        return new SimulatorOptions(port, requests, window, dailyLimit, acceptedTokens, grantedScopes, faults, stageDateProperties, retryAfter);
    }

    public SimulatorOptions withDailyLimit(long value) {
        return new SimulatorOptions(port, rateLimit, rateWindow, value, acceptedTokens, grantedScopes, faults, stageDateProperties, retryAfter);
    }

    public SimulatorOptions withAcceptedTokens(Set<String> value) {
        return new SimulatorOptions(port, rateLimit, rateWindow, dailyLimit, value, grantedScopes, faults, stageDateProperties, retryAfter);
    }

    public SimulatorOptions withGrantedScopes(Set<String> value) {
        return new SimulatorOptions(port, rateLimit, rateWindow, dailyLimit, acceptedTokens, value, faults, stageDateProperties, retryAfter);
    }

    public SimulatorOptions withFaults(List<FaultRule> value) {
        return new SimulatorOptions(port, rateLimit, rateWindow, dailyLimit, acceptedTokens, grantedScopes, value, stageDateProperties, retryAfter);
    }

    public SimulatorOptions withStageDateProperties(boolean value) {
        return new SimulatorOptions(port, rateLimit, rateWindow, dailyLimit, acceptedTokens, grantedScopes, faults, value, retryAfter);
    }

    public SimulatorOptions withRetryAfter(boolean value) {
        return new SimulatorOptions(port, rateLimit, rateWindow, dailyLimit, acceptedTokens, grantedScopes, faults, stageDateProperties, value);
    }
}
