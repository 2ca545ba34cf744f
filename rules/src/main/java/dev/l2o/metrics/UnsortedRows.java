package dev.l2o.metrics;

/** Where the rows of unsorted history go while it is read: columns in the heap, or partitions on disk. */
interface UnsortedRows {
    /** Appends one row; {@code amount} is NaN and {@code closeDay} {@link RecordBuffer#NO_DATE} when absent. */
    void add(String recordId, int slot, long time, double amount, int closeDay);

    /** Releases what the rows hold after a failed read; they must not be used afterwards. */
    void abandon();
}
