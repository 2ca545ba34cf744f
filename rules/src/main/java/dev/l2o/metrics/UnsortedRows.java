package dev.l2o.metrics;

/** Where the rows of unsorted history go while it is read: columns in the heap, or partitions on disk. */
interface UnsortedRows {
    /** Appends one row; {@code amount} is NaN and {@code closeDay} {@link RecordBuffer#NO_DATE} when absent. */
    void add(String recordId, int slot, long time, double amount, int closeDay);

    /**
     * Appends one row whose record id is packed ({@link StringInterner#packedFirst}, {@link StringInterner#packedRest},
     * both non-negative): the same row as {@link #add} with the id, without the id as a string.
     */
    void addPacked(long first, long rest, int slot, long time, double amount, int closeDay);

    /** Releases what the rows hold after a failed read; they must not be used afterwards. */
    void abandon();
}
