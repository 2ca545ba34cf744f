package dev.l2o.connector;

/**
 * Told about long fetches so a terminal can show progress. Implementations must be cheap and thread-safe;
 * connectors call them from the fetching thread.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(String task, long total) {}

        @Override
        public void advanced(long done) {}

        @Override
        public void finished() {}
    };

    /** A task started; {@code total} is the expected number of units, or -1 when unknown. */
    void started(String task, long total);

    /** {@code done} more units of the current task are done. */
    void advanced(long done);

    /** The current task ended. */
    void finished();
}
