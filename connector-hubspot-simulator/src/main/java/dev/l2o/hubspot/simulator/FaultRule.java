package dev.l2o.hubspot.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Injects {@code kind} into requests whose path matches {@code path}: the first {@code skip} matching
 * requests are served normally, the next {@code times} get the fault ({@code times < 0}: every one after).
 *
 * @param path a regular expression the whole request path must match ({@code /crm/v3/objects/deals})
 * @param kind the fault
 * @param skip matching requests to serve normally first
 * @param times how many matching requests get the fault, negative for all
 * @param delay the delay of {@link FaultKind#SLOW_RESPONSE}, the {@code Retry-After} (whole seconds) of
 *     {@link FaultKind#BURST_LIMIT} when not zero, else ignored
 */
public record FaultRule(Pattern path, FaultKind kind, int skip, int times, Duration delay) {
    public FaultRule {
        requireNonNull(path, "path is null");
        requireNonNull(kind, "kind is null");
        if (skip < 0) {
            throw new IllegalArgumentException("skip is negative");
        }
        delay = delay == null ? Duration.ZERO : delay;
    }

    /** {@code kind} on requests to paths matching {@code pathRegex}, after {@code skip} good ones, {@code times} times. */
    public static FaultRule on(String pathRegex, FaultKind kind, int skip, int times) {
        return new FaultRule(Pattern.compile(pathRegex), kind, skip, times, Duration.ZERO);
    }

    /** This rule with a delay (for {@link FaultKind#SLOW_RESPONSE}, or the {@code Retry-After} of {@link FaultKind#BURST_LIMIT}). */
    public FaultRule delayedBy(Duration value) {
        return new FaultRule(path, kind, skip, times, value);
    }

    boolean appliesTo(int matchIndex) {
        return matchIndex >= skip && (times < 0 || matchIndex < skip + times);
    }
}
