package dev.l2o.metrics;

import dev.l2o.model.ByteStageHistory;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageRowSink;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Takes the rows of a {@link dev.l2o.model.ByteStageHistory} of a measured object into {@link UnsortedRows}
 * without a string or an event a row: record ids are packed from their bytes (others decoded), stage names
 * coded ({@link StageCodes}) through a cache keyed by their bytes, so a name is decoded once. Rows later than the
 * as-of time are left out; every row is counted ({@link #rows}), as {@code StageMetricsCalculator} counts events;
 * rows that arrive as events go to {@code events}, the calculator's own handling. Not thread-safe.
 */
final class ByteRows implements StageRowSink {
    private final ByteStageHistory history;
    private final String object;
    private final StageCodes codes;
    private final long asOfMillis;
    private long rows;
    private final UnsortedRows sink;
    private final Consumer<StageEvent> events;

    /** Names cached at most: a history has a handful; beyond, names are coded as strings (a map lookup). */
    private static final int MAX_CACHED = 64;

    /** Stage names met so far, as bytes, and their codes. */
    private byte[][] stageNames = new byte[8][];
    private int[] stageCodes = new int[8];
    private int stageCount;
    private int lastStage = -1;

    /** Rows of {@code object} whose stages {@code codes} codes go to {@code sink}; events to {@code events}. */
    ByteRows(ByteStageHistory history, String object, StageCodes codes, long asOfMillis, UnsortedRows sink,
            Consumer<StageEvent> events) {
        this.history = history;
        this.object = object;
        this.codes = codes;
        this.asOfMillis = asOfMillis;
        this.sink = sink;
        this.events = events;
    }

    /** The rows taken as bytes, later than the as-of time or not (not those handed over as events). */
    long rows() {
        return rows;
    }

    @Override
    public void row(byte[] bytes, int recordIdFrom, int recordIdTo, int stageFrom, int stageTo, long epochMillis,
            double amount, int closeEpochDay) {
        rows++;
        if (epochMillis > asOfMillis) {
            return;
        }
        int code = code(bytes, stageFrom, stageTo);
        long first = StringInterner.packedFirst(bytes, recordIdFrom, recordIdTo);
        long rest = StringInterner.packedRest(bytes, recordIdFrom, recordIdTo);
        if (first >= 0 && rest >= 0) {
            sink.addPacked(first, rest, code, epochMillis, amount, closeEpochDay);
        } else {
            sink.add(history.decode(bytes, recordIdFrom, recordIdTo), code, epochMillis, amount,
                    closeEpochDay);
        }
    }

    @Override
    public void event(StageEvent event) {
        events.accept(event);
    }

    /** The code of the stage named by {@code bytes[from..to)}; the name is decoded and coded once. */
    private int code(byte[] bytes, int from, int to) {
        // Rows of one record usually repeat the stage, and the last name is tried first.
        if (lastStage >= 0 && Arrays.equals(stageNames[lastStage], 0, stageNames[lastStage].length, bytes, from, to)) {
            return stageCodes[lastStage];
        }
        for (int i = 0; i < stageCount; i++) {
            if (Arrays.equals(stageNames[i], 0, stageNames[i].length, bytes, from, to)) {
                lastStage = i;
                return stageCodes[i];
            }
        }
        if (stageCount == MAX_CACHED) {
            return codes.code(object, history.decode(bytes, from, to));
        }
        if (stageCount == stageNames.length) {
            stageNames = Arrays.copyOf(stageNames, stageCount * 2);
            stageCodes = Arrays.copyOf(stageCodes, stageCount * 2);
        }
        stageNames[stageCount] = Arrays.copyOfRange(bytes, from, to);
        stageCodes[stageCount] = codes.code(object, history.decode(bytes, from, to));
        lastStage = stageCount++;
        return stageCodes[lastStage];
    }
}
