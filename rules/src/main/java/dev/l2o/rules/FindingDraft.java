package dev.l2o.rules;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.ResourceRef;
import java.util.List;
import java.util.Optional;

/**
 * What a rule reports; the {@link RuleContext} stamps rule id, severity and dimension to make a {@link Finding},
 * and turns {@code declaration} into the blueprint line and column of the finding. Build with {@link #of} and
 * the other methods.
 *
 * @param declaration the JSON Pointer of the blueprint node the finding's subject is designed in
 *     ({@link dev.l2o.blueprint.BlueprintPointers}), or null when the blueprint declares nothing it is about
 */
public record FindingDraft(
        DriftKind kind,
        String subject,
        ResourceRef location,
        String message,
        String expected,
        String actual,
        long count,
        List<String> evidence,
        String declaration) {
    public FindingDraft {
        requireNonNull(kind, "kind is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(message, "message is null");
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
    }

    public static FindingDraft of(DriftKind kind, String subject, String message) {
        return new FindingDraft(kind, subject, null, message, null, null, 1, List.of(), null);
    }

    public FindingDraft at(ResourceRef where) {
        return new FindingDraft(kind, subject, where, message, expected, actual, count, evidence, declaration);
    }

    public FindingDraft expectedActual(String expectedValue, String actualValue) {
        return new FindingDraft(kind, subject, location, message, expectedValue, actualValue, count, evidence, declaration);
    }

    public FindingDraft counted(long n, List<String> examples) {
        return new FindingDraft(kind, subject, location, message, expected, actual, n, examples, declaration);
    }

    /** Declared in the blueprint at {@code pointer} (a JSON Pointer), or nowhere when it is null. */
    public FindingDraft declaredAt(String pointer) {
        return new FindingDraft(kind, subject, location, message, expected, actual, count, evidence, pointer);
    }

    /** Declared at {@code pointer} when there is one. */
    public FindingDraft declaredAt(Optional<String> pointer) {
        return declaredAt(pointer.orElse(null));
    }
}
