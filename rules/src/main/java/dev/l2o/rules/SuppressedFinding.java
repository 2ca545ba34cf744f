package dev.l2o.rules;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.Suppression;

/**
 * A finding that a blueprint {@code suppress} entry accepted, with the entry that did so (its reason goes
 * into reports).
 */
public record SuppressedFinding(Finding finding, Suppression suppression) {
    public SuppressedFinding {
        requireNonNull(finding, "finding is null");
        requireNonNull(suppression, "suppression is null");
    }
}
