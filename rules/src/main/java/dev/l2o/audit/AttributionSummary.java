package dev.l2o.audit;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.ChangeTrail;

/**
 * What an audit could say about who changed the CRM's setup: where the changes came from, whether the record of
 * who made them was available and, if not, why. Never a reason for an audit to fail or be incomplete.
 *
 * @param source what was read ({@code Salesforce SetupAuditTrail}), or {@code none}
 * @param available whether the source's record of who changed what could be read
 * @param reason why not (one sentence), or null when available
 * @param changes how many setup changes the source gave
 */
public record AttributionSummary(String source, boolean available, String reason, int changes) {
    public AttributionSummary {
        requireNonNull(source, "source is null");
        if (available != (reason == null)) {
            throw new IllegalArgumentException("an available attribution has no reason, an unavailable one has one");
        }
        if (changes < 0) {
            throw new IllegalArgumentException("changes is negative");
        }
    }

    public static AttributionSummary of(ChangeTrail trail) {
        return new AttributionSummary(trail.source(), trail.available(), trail.unavailableReason(), trail.changes().size());
    }

    /** The summary of a report built without a snapshot's trail (reports made before attribution, test fixtures). */
    public static AttributionSummary notRead() {
        return new AttributionSummary("none", false, "the audit did not read a record of setup changes", 0);
    }
}
