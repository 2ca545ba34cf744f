package dev.l2o.connector;

import dev.l2o.model.Snapshot;

/**
 * Reads one source into a {@link Snapshot}. Read-only: a connector never writes to a CRM. Not thread-safe;
 * one fetch at a time.
 */
public interface CrmConnector extends AutoCloseable {
    /**
     * Reads the source.
     *
     * @return the snapshot; when part of the source could not be read (limits, outages) the snapshot is
     *     returned with {@link dev.l2o.model.Completeness#complete()} false and the reasons, never silently
     *     shortened
     * @throws dev.l2o.error.L2oException with a USER code for bad input or credentials, an EXTERNAL code when
     *     nothing usable could be read
     */
    Snapshot fetch(FetchRequest request);

    /**
     * Reads the source, reusing {@code previous} where the connector can prove it still holds (an incremental
     * fetch): the snapshot returned must equal what {@link #fetch(FetchRequest)} would return now. A connector
     * that cannot prove it (or cannot read incrementally at all) reads everything and says so in the
     * snapshot's {@link IncrementalFetch} source attributes. The default reads everything.
     *
     * @param previous the previous run's snapshot, or why there is none; its history must stay readable
     *     during the call
     */
    default Snapshot fetch(FetchRequest request, PreviousSnapshot previous) {
        Snapshot snapshot = fetch(request);
        return IncrementalFetch.markFull(snapshot, "the " + snapshot.source().type() + " source is always read in full");
    }

    /** Releases connections and temporary files; the snapshot's history may be read until then. */
    @Override
    default void close() {}
}
