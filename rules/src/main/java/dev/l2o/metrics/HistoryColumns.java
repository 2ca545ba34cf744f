package dev.l2o.metrics;

import java.util.Arrays;

/**
 * History rows in source order held as primitive columns (record number, stage slot, epoch millis: 16 bytes
 * a row), with each record's latest amount and close date folded in as the rows arrive (40 bytes a record,
 * with its row count). {@link #forEachRecord} then orders the rows by (record, time, source position): a
 * counting sort copies them grouped by record (12 bytes a row), a stable sort orders each record's rows by time,
 * and every record's rows go to the walker.
 */
final class HistoryColumns {
    private final StringInterner recordIds = new StringInterner();
    private int[] records;
    private int[] slots;
    private long[] times;
    private int size;

    /**
     * Per record, interleaved so that a row touches one cache line of it: {@code [amount bits, amount time,
     * close day, close-day time, row count]}. Records arrive in random order, so separate arrays cost a cache
     * miss each.
     */
    private long[] perRecord = new long[256 * PER_RECORD];
    private static final int PER_RECORD = 5;
    private static final int AMOUNT = 0;
    private static final int AMOUNT_TIME = 1;
    private static final int CLOSE_DAY = 2;
    private static final int CLOSE_DAY_TIME = 3;
    private static final int ROWS = 4;

    /** Rows appended by {@link #addAll} between cache-miss overlaps; small enough that their lines stay cached. */
    private static final int CHUNK = 32;
    private final int[] chunkRecords = new int[CHUNK];
    private final boolean[] chunkNew = new boolean[CHUNK];
    /** Sums of touched table and column entries; kept so the reads that pull them into the cache are not dropped. */
    long touched;

    HistoryColumns() {
        this(1024);
    }

    /**
     * Columns sized for {@code expectedRows} rows (they grow beyond), so that a history of known size is not copied
     * over and over while the columns grow: at 2 million rows those copies were a third of what a run allocated.
     */
    HistoryColumns(int expectedRows) {
        int capacity = Math.max(1024, expectedRows);
        records = new int[capacity];
        slots = new int[capacity];
        times = new long[capacity];
    }

    /**
     * Rows a history of {@code sizeBytes} bytes has at most about: an export row takes 100 bytes and more (ids, stage,
     * amount, dates), so columns of this size rarely grow and waste little when the rows are longer.
     */
    static int expectedRows(long sizeBytes) {
        return sizeBytes <= 0 ? 0 : (int) Math.min(sizeBytes / 100, 1 << 28);
    }

    /** Appends one row; {@code amount} is NaN and {@code closeDay} {@link RecordBuffer#NO_DATE} when absent. */
    void add(String recordId, int slot, long time, double amount, int closeDay) {
        int known = recordIds.size();
        int record = recordIds.intern(recordId);
        append(record, record == known, slot, time, amount, closeDay);
    }

    /** Appends one row whose id is packed, as {@link UnsortedRows#addPacked}. */
    void addPacked(long first, long rest, int slot, long time, double amount, int closeDay) {
        int known = recordIds.size();
        int record = recordIds.intern(null, first, rest);
        append(record, record == known, slot, time, amount, closeDay);
    }

    /**
     * Appends rows {@code 0..count-1} of a batch, exactly as {@link #add} would one by one; {@code firsts} and
     * {@code rests} are the ids packed by {@link StringInterner#packedFirst}/{@link StringInterner#packedRest}, and
     * {@code recordIds} may hold null for a packed id.
     * Record ids arrive in random order, so each row costs cache misses in the id table and the per-record
     * block; reading the entries of a few dozen rows first lets those misses overlap.
     */
    void addAll(String[] recordIds, long[] firsts, long[] rests, int[] rowSlots, long[] rowTimes, double[] rowAmounts,
            int[] rowCloseDays, int count) {
        long sum = 0;
        for (int start = 0; start < count; start += CHUNK) {
            sum += addChunk(recordIds, firsts, rests, rowSlots, rowTimes, rowAmounts, rowCloseDays, start,
                    Math.min(count, start + CHUNK));
        }
        touched += sum;
    }

    /**
     * Rows {@code start..end-1} of {@link #addAll}'s batch. A method of its own, called once a chunk: its short loops
     * are compiled once as a whole method, where inside {@code addAll}, called a few times with a long batch, each
     * loop was compiled on its own by on-stack replacement (four compiles of 0.2 s of compiler time in all, on
     * the cores the read runs on).
     */
    private long addChunk(String[] recordIds, long[] firsts, long[] rests, int[] rowSlots, long[] rowTimes,
            double[] rowAmounts, int[] rowCloseDays, int start, int end) {
        long sum = 0;
        for (int i = start; i < end; i++) {
            sum += this.recordIds.touch(firsts[i], rests[i]);
        }
        for (int i = start; i < end; i++) {
            int known = this.recordIds.size();
            int record = this.recordIds.intern(recordIds[i], firsts[i], rests[i]);
            chunkRecords[i - start] = record;
            chunkNew[i - start] = record == known;
        }
        // A loop of its own: a few instructions a row, so that the processor has all of the chunk's
        // per-record reads in flight at once (inside the loop above, the interning left room for four or five).
        long[] rowsOfRecords = perRecord;
        for (int i = 0; i < end - start; i++) {
            int at = chunkRecords[i] * PER_RECORD + ROWS;
            if (at < rowsOfRecords.length) {
                sum += rowsOfRecords[at];
            }
        }
        for (int i = start; i < end; i++) {
            append(chunkRecords[i - start], chunkNew[i - start], rowSlots[i], rowTimes[i], rowAmounts[i], rowCloseDays[i]);
        }
        return sum;
    }

    private void append(int record, boolean isNew, int slot, long time, double amount, int closeDay) {
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
        int at = record * PER_RECORD;
        if (at == perRecord.length) {
            perRecord = Arrays.copyOf(perRecord, at + (at >> 1) / PER_RECORD * PER_RECORD);
        }
        if (isNew) {
            perRecord[at + AMOUNT] = Double.doubleToRawLongBits(Double.NaN);
            perRecord[at + AMOUNT_TIME] = Long.MIN_VALUE;
            perRecord[at + CLOSE_DAY] = RecordBuffer.NO_DATE;
            perRecord[at + CLOSE_DAY_TIME] = Long.MIN_VALUE;
            perRecord[at + ROWS] = 0;
        }
        if (!Double.isNaN(amount) && time >= perRecord[at + AMOUNT_TIME]) {
            perRecord[at + AMOUNT] = Double.doubleToRawLongBits(amount);
            perRecord[at + AMOUNT_TIME] = time;
        }
        if (closeDay != RecordBuffer.NO_DATE && time >= perRecord[at + CLOSE_DAY_TIME]) {
            perRecord[at + CLOSE_DAY] = closeDay;
            perRecord[at + CLOSE_DAY_TIME] = time;
        }
        perRecord[at + ROWS]++;
    }

    int rowCount() {
        return size;
    }

    /** The bytes the columns and per-record arrays hold (their capacity, not their use): the whole of its memory. */
    long retainedBytes() {
        if (records == null) {
            return (long) perRecord.length * Long.BYTES + recordIds.retainedBytes();
        }
        return (long) records.length * Integer.BYTES + (long) slots.length * Integer.BYTES + (long) times.length * Long.BYTES
                + (long) perRecord.length * Long.BYTES
                + recordIds.retainedBytes();
    }

    /** Hands each record's rows, in time order (ties in source order), to {@code walker}; records in first-seen order. */
    void forEachRecord(RecordWalk walker) {
        Grouped grouped = grouped();
        grouped.walk(0, grouped.records(), walker);
    }

    /** The latest time of a row held, {@link Long#MIN_VALUE} without rows; before {@link #grouped}. */
    long latestTime() {
        long latest = Long.MIN_VALUE;
        for (int row = 0; row < size; row++) {
            latest = Math.max(latest, times[row]);
        }
        return latest;
    }

    /**
     * The rows grouped by record, ready to be walked a range of records at a time (from several threads at once).
     * Called once: the columns then hold no rows.
     */
    Grouped grouped() {
        int recordCount = recordIds.size();
        int[] starts = new int[recordCount + 1];
        for (int record = 0; record < recordCount; record++) {
            starts[record + 1] = starts[record] + (int) perRecord[record * PER_RECORD + ROWS];
        }
        // Rows are moved to their record's place rather than indexed: scattered writes do not stall the
        // processor the way scattered reads would when the records are walked.
        int[] groupedSlots = new int[size];
        long[] groupedTimes = new long[size];
        int[] fill = Arrays.copyOf(starts, recordCount);
        if (size >= PARALLEL_GROUP_ROWS && Runtime.getRuntime().availableProcessors() >= 2) {
            // Each thread moves the rows of half the records: both read every row, each writes its own places.
            int middle = recordCount / 2;
            InTwoThreads.run("l2o-history-group", () -> group(0, middle, fill, groupedSlots, groupedTimes),
                    () -> group(middle, recordCount, fill, groupedSlots, groupedTimes));
        } else {
            group(0, recordCount, fill, groupedSlots, groupedTimes);
        }
        // The rows in source order are not needed again: let the walk have their 16 bytes a row.
        records = null;
        slots = null;
        times = null;
        return new Grouped(starts, groupedSlots, groupedTimes);
    }

    /** Rows from which {@link #grouped} moves them on two threads. */
    static final int PARALLEL_GROUP_ROWS = 1 << 20;

    /** Moves the rows of records {@code from..to-1} to their places, {@code fill} holding each record's next one. */
    private void group(int from, int to, int[] fill, int[] groupedSlots, long[] groupedTimes) {
        for (int row = 0; row < size; row++) {
            int record = records[row];
            if (record >= from && record < to) {
                int at = fill[record]++;
                groupedSlots[at] = slots[row];
                groupedTimes[at] = times[row];
            }
        }
    }

    /** The columns' rows grouped by record ({@link #grouped}); read-only, so ranges can be walked concurrently. */
    final class Grouped {
        private final int[] starts;
        private final int[] groupedSlots;
        private final long[] groupedTimes;

        private Grouped(int[] starts, int[] groupedSlots, long[] groupedTimes) {
            this.starts = starts;
            this.groupedSlots = groupedSlots;
            this.groupedTimes = groupedTimes;
        }

        int records() {
            return starts.length - 1;
        }

        /** Hands records {@code from..to-1} (first-seen order), their rows in time order, to {@code walker}. */
        void walk(int from, int to, RecordWalk walker) {
            RecordBuffer buffer = new RecordBuffer();
            for (int record = from; record < to; record++) {
                buffer.clear();
                for (int k = starts[record]; k < starts[record + 1]; k++) {
                    buffer.add(groupedSlots[k], groupedTimes[k]);
                }
                buffer.amount = Double.longBitsToDouble(perRecord[record * PER_RECORD + AMOUNT]);
                buffer.closeDay = (int) perRecord[record * PER_RECORD + CLOSE_DAY];
                buffer.sortByTime();
                walker.walk(recordIds.value(record), buffer);
            }
        }
    }
}
