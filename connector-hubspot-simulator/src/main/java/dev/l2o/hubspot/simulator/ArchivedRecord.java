package dev.l2o.hubspot.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A record the portal archived (HubSpot's deletion: restorable for 90 days and listed with {@code archived=true}
 * meanwhile); it is gone from every other answer.
 *
 * @param object {@code deals} or {@code contacts}
 * @param id the record id
 * @param archivedAt when it was archived
 */
public record ArchivedRecord(String object, String id, Instant archivedAt) {
    public ArchivedRecord {
        requireNonNull(object, "object is null");
        requireNonNull(id, "id is null");
        requireNonNull(archivedAt, "archivedAt is null");
    }
}
