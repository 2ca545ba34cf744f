package dev.l2o.model;

import java.util.function.Consumer;

/**
 * A re-readable stream of stage-history rows. Implementations do not hold one object per row: they read a
 * file, a spool or compact columns each time {@link #forEach} is called, so history of millions of rows
 * fits a small heap. Rows come in source order; only when {@link #sortedByRecord()} is true are they grouped
 * by record and ordered by time within a record.
 */
public interface StageHistory {
    /**
     * Streams every row to {@code sink}, in source order. May be called more than once; each call reads the
     * rows again. Not thread-safe.
     *
     * @throws dev.l2o.error.L2oException when the rows cannot be read (a malformed file names file and line)
     */
    void forEach(Consumer<StageEvent> sink);

    /** Whether rows of one record are contiguous and in time order, so a reader can process record by record. */
    default boolean sortedByRecord() {
        return false;
    }

    /**
     * The size of the rows' source in bytes (a file's length), or -1 when unknown: lets a reader of unsorted
     * history decide between holding the rows in the heap and spilling them to disk before it reads them.
     */
    default long sizeBytes() {
        return -1;
    }

    /** A human-readable description of where the rows come from, for reports ({@code data/OpportunityHistory.csv}). */
    String description();
}
