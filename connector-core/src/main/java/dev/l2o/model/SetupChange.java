package dev.l2o.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Comparator;

/**
 * One change to a CRM's setup as the CRM recorded it: a row of Salesforce's {@code SetupAuditTrail}, an entry of
 * HubSpot's account activity audit log, or the {@code updatedAt} of a HubSpot pipeline, stage or property.
 *
 * @param at when it was changed
 * @param changedBy who changed it (a user's name or e-mail), or null when the source does not say
 * @param action the CRM's code for what was done ({@code changedValidationActive}, {@code UPDATE}), or null
 * @param section where in the CRM's setup it was done ({@code Validation Rules}, {@code Customize Opportunities},
 *     {@code PIPELINE}), or null
 * @param display what was done, as the CRM describes it in one sentence
 * @param subject the address of the changed thing when the source names it exactly (HubSpot), or null when only
 *     {@code section} and {@code display} tell (Salesforce)
 */
public record SetupChange(Instant at, String changedBy, String action, String section, String display, ResourceRef subject) {
    /** Newest first; equal instants in a fixed order, so that a trail always lists its changes alike. */
    public static final Comparator<SetupChange> NEWEST_FIRST = Comparator.comparing(SetupChange::at).reversed()
            .thenComparing(SetupChange::display)
            .thenComparing(change -> change.changedBy() == null ? "" : change.changedBy())
            .thenComparing(change -> change.section() == null ? "" : change.section())
            .thenComparing(change -> change.action() == null ? "" : change.action())
            .thenComparing(change -> change.subject() == null ? "" : change.subject().address());

    public SetupChange {
        requireNonNull(at, "at is null");
        requireNonNull(display, "display is null");
    }
}
