package dev.l2o.rules;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.ResourceRef;
import java.util.List;

/**
 * What a rule reports; the {@link RuleContext} stamps rule id, severity and dimension to make a {@link Finding}.
 * Build with {@link #of} and the {@code with…} methods.
 */
public record FindingDraft(
        DriftKind kind,
        String subject,
        ResourceRef location,
        String message,
        String expected,
        String actual,
        long count,
        List<String> evidence) {
    public FindingDraft {
        requireNonNull(kind, "kind is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(message, "message is null");
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
    }

    public static FindingDraft of(DriftKind kind, String subject, String message) {
        return new FindingDraft(kind, subject, null, message, null, null, 1, List.of());
    }

    public FindingDraft at(ResourceRef where) {
        return new FindingDraft(kind, subject, where, message, expected, actual, count, evidence);
    }

    public FindingDraft expectedActual(String expectedValue, String actualValue) {
        return new FindingDraft(kind, subject, location, message, expectedValue, actualValue, count, evidence);
    }

    public FindingDraft counted(long n, List<String> examples) {
        return new FindingDraft(kind, subject, location, message, expected, actual, n, examples);
    }
}
