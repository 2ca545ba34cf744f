package dev.l2o.store;

import static java.util.Objects.requireNonNull;

import dev.l2o.rules.Severity;
import java.util.Comparator;

/**
 * One finding of a run as the history keeps it. Two findings are the same finding across runs when their
 * {@link #key()} is equal: the message (which may carry counts) is not part of the identity.
 */
public record FindingSummary(String ruleId, Severity severity, String subject, String message) {
    /** Most severe first, then by rule id and subject. */
    public static final Comparator<FindingSummary> ORDER = Comparator.comparing(FindingSummary::severity)
            .thenComparing(FindingSummary::ruleId)
            .thenComparing(FindingSummary::subject);

    public FindingSummary {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(message, "message is null");
    }

    /** The identity of the finding across runs: rule id and subject. */
    public String key() {
        return ruleId + " " + subject;
    }
}
