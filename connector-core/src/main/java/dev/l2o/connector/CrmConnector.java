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

    /** Releases connections and temporary files; the snapshot's history may be read until then. */
    @Override
    default void close() {}
}
