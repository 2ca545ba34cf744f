package dev.l2o.model;

/**
 * Receives the rows of a {@link ByteStageHistory} without an object per row: the record id and stage as bytes of
 * the source (trimmed; {@link ByteStageHistory#decode} decodes them), the other values as primitives. Rows the reader
 * could not take apart that way arrive as {@link StageEvent}s instead, in their place in source order.
 */
public interface StageRowSink {
    /** {@code amount} of a row without one. */
    double NO_AMOUNT = Double.NaN;
    /** {@code closeEpochDay} of a row without a close date. */
    int NO_DATE = Integer.MIN_VALUE;

    /**
     * One row. The arrays are the reader's and are overwritten after the call returns: copy what must be kept.
     *
     * @param bytes holds the record id at {@code [recordIdFrom, recordIdTo)} and the stage at {@code [stageFrom, stageTo)}
     * @param epochMillis when the row was written ({@link StageEvent#at()} in epoch milliseconds)
     * @param amount the amount, or {@link #NO_AMOUNT}
     * @param closeEpochDay the close date as an epoch day, or {@link #NO_DATE}
     */
    void row(byte[] bytes, int recordIdFrom, int recordIdTo, int stageFrom, int stageTo, long epochMillis, double amount,
            int closeEpochDay);

    /** A row read the ordinary way (an unusual field or syntax): the same values {@link StageHistory#forEach} gives. */
    void event(StageEvent event);
}
