package dev.l2o.maturity;

import dev.l2o.model.CrmRecord;
import dev.l2o.model.Snapshot;

/**
 * How many of a snapshot's records of one object hold a value (not null, not blank) in one field.
 *
 * @param records records of the object in the snapshot
 * @param populated of those, records with a value in the field
 */
public record FieldPopulation(long records, long populated) {
    public FieldPopulation {
        if (populated < 0 || populated > records) {
            throw new IllegalArgumentException("populated must be within 0.." + records + ": " + populated);
        }
    }

    /** The population of {@code object.field} (names ignoring case) in {@code snapshot}'s records. */
    public static FieldPopulation of(Snapshot snapshot, String object, String field) {
        long records = 0;
        long populated = 0;
        for (CrmRecord record : snapshot.records()) {
            if (record.object().equalsIgnoreCase(object)) {
                records++;
                if (record.values().entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase(field)
                        && e.getValue() != null && !(e.getValue() instanceof String s && s.isBlank()))) {
                    populated++;
                }
            }
        }
        return new FieldPopulation(records, populated);
    }

    /** {@code populated / records}, or null when the snapshot holds no such records. */
    public Double rate() {
        return records == 0 ? null : (double) populated / records;
    }
}
