package dev.l2o.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a source says about who changed its setup and when: the setup changes it recorded, and whether the record
 * of who did it could be read. Reading it never makes a snapshot incomplete; a source without one says why.
 *
 * @param source what was read ({@code Salesforce SetupAuditTrail}, {@code HubSpot account activity audit log})
 * @param unavailableReason why the source's record of changes could not be read (one sentence), or null when it was
 * @param changes the changes read, newest first ({@link SetupChange#NEWEST_FIRST}); changes with only a time
 *     (HubSpot {@code updatedAt}) may be there although the audit log itself was not available
 */
public record ChangeTrail(String source, String unavailableReason, List<SetupChange> changes) {
    public ChangeTrail {
        requireNonNull(source, "source is null");
        changes = changes.stream().sorted(SetupChange.NEWEST_FIRST).toList();
    }

    /** A trail read in full. */
    public static ChangeTrail of(String source, List<SetupChange> changes) {
        return new ChangeTrail(source, null, changes);
    }

    /** A source whose record of changes could not be read, with the changes it still gave (maybe none). */
    public static ChangeTrail unavailable(String source, String reason, List<SetupChange> changes) {
        requireNonNull(reason, "reason is null");
        return new ChangeTrail(source, reason, changes);
    }

    /** A source that keeps no record of setup changes at all (a project on disk, a CSV export). */
    public static ChangeTrail none(String reason) {
        return unavailable("none", reason, List.of());
    }

    /** Whether the source's record of who changed what could be read. */
    public boolean available() {
        return unavailableReason == null;
    }
}
