package dev.l2o.rules;

import java.util.List;

/**
 * What {@link Suppressions#apply} leaves.
 *
 * @param kept findings that still count, in their input order
 * @param suppressed findings an active suppression accepted, in their input order
 * @param notices one sentence per expired suppression that would have matched a finding, in blueprint order
 */
public record SuppressionResult(List<Finding> kept, List<SuppressedFinding> suppressed, List<String> notices) {
    public SuppressionResult {
        kept = List.copyOf(kept);
        suppressed = List.copyOf(suppressed);
        notices = List.copyOf(notices);
    }
}
