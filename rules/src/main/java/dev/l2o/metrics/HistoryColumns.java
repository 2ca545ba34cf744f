package dev.l2o.metrics;

import java.util.Arrays;

/**
 * History rows in source order held as primitive columns (record number, stage slot, epoch millis: 16 bytes
 * a row), with each record's latest amount and close date folded in as the rows arrive (28 bytes a record).
 * {@link #forEachRecord} then orders a row index by (record, time, source position) with a counting sort on the
 * record and a stable sort by time within each record, and hands every record's rows to the walker.
 */
final class HistoryColumns {
    private final StringInterner recordIds = new StringInterner();
    private int[] records = new int[1024];
    private int[] slots = new int[1024];
    private long[] times = new long[1024];
    private int size;

    private double[] amounts = new double[256];
    private long[] amountTimes = new long[256];
    private int[] closeDays = new int[256];
    private long[] closeDayTimes = new long[256];

    /** Appends one row; {@code amount} is NaN and {@code closeDay} {@link RecordBuffer#NO_DATE} when absent. */
    void add(String recordId, int slot, long time, double amount, int closeDay) {
        int known = recordIds.size();
        int record = recordIds.intern(recordId);
        if (size == records.length) {
            int grown = size + (size >> 1);
            records = Arrays.copyOf(records, grown);
            slots = Arrays.copyOf(slots, grown);
            times = Arrays.copyOf(times, grown);
        }
        records[size] = record;
        slots[size] = slot;
        times[size] = time;
        size++;
        if (record == amounts.length) {
            int grown = record + (record >> 1);
            amounts = Arrays.copyOf(amounts, grown);
            amountTimes = Arrays.copyOf(amountTimes, grown);
            closeDays = Arrays.copyOf(closeDays, grown);
            closeDayTimes = Arrays.copyOf(closeDayTimes, grown);
        }
        if (record == known) {
            amounts[record] = Double.NaN;
            amountTimes[record] = Long.MIN_VALUE;
            closeDays[record] = RecordBuffer.NO_DATE;
            closeDayTimes[record] = Long.MIN_VALUE;
        }
        if (!Double.isNaN(amount) && time >= amountTimes[record]) {
            amounts[record] = amount;
            amountTimes[record] = time;
        }
        if (closeDay != RecordBuffer.NO_DATE && time >= closeDayTimes[record]) {
            closeDays[record] = closeDay;
            closeDayTimes[record] = time;
        }
    }

    int rowCount() {
        return size;
    }

    /** The bytes the columns and per-record arrays hold (their capacity, not their use): the whole of its memory. */
    long retainedBytes() {
        return (long) records.length * Integer.BYTES + (long) slots.length * Integer.BYTES + (long) times.length * Long.BYTES
                + (long) amounts.length * (Double.BYTES + Long.BYTES + Integer.BYTES + Long.BYTES)
                + recordIds.retainedBytes();
    }

    /** Hands each record's rows, in time order (ties in source order), to {@code walker}; records in first-seen order. */
    void forEachRecord(HistoryWalker walker) {
        int recordCount = recordIds.size();
        int[] starts = new int[recordCount + 1];
        for (int row = 0; row < size; row++) {
            starts[records[row] + 1]++;
        }
        for (int record = 0; record < recordCount; record++) {
            starts[record + 1] += starts[record];
        }
        int[] order = new int[size];
        int[] fill = Arrays.copyOf(starts, recordCount);
        for (int row = 0; row < size; row++) {
            order[fill[records[row]]++] = row;
        }
        RecordBuffer buffer = new RecordBuffer();
        for (int record = 0; record < recordCount; record++) {
            buffer.clear();
            for (int k = starts[record]; k < starts[record + 1]; k++) {
                int row = order[k];
                buffer.add(slots[row], times[row]);
            }
            buffer.amount = amounts[record];
            buffer.closeDay = closeDays[record];
            buffer.sortByTime();
            walker.walk(recordIds.value(record), buffer);
        }
    }
}
