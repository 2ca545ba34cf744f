package dev.l2o.metrics;

import dev.l2o.model.StageEvent;
import dev.l2o.model.StageRowSink;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Takes the rows of a {@link dev.l2o.model.ByteStageHistory} of the measured object into {@link UnsortedRows}
 * without a string or an event a row: record ids are packed from their bytes (others decoded), stage names
 * resolved through a cache keyed by their bytes, so a name is decoded once. Rows later than the as-of time are
 * counted as ignored, the others as used, as {@code StageMetricsCalculator} counts events; rows that arrive as
 * events go to {@code events}, the calculator's own handling. Not thread-safe.
 */
final class ByteRows implements StageRowSink {
    private final Charset charset;
    private final StageSlots slots;
    private final long asOfMillis;
    private final long[] usedAndIgnored;
    private final UnsortedRows rows;
    private final Consumer<StageEvent> events;

    /** Names cached at most: a history has a handful; beyond, names are resolved as strings (a map lookup). */
    private static final int MAX_CACHED = 64;

    /** Stage names met so far, as bytes, and their slots. */
    private byte[][] stageNames = new byte[8][];
    private int[] stageSlots = new int[8];
    private int stageCount;
    private int lastStage = -1;

    ByteRows(Charset charset, StageSlots slots, long asOfMillis, long[] usedAndIgnored, UnsortedRows rows,
            Consumer<StageEvent> events) {
        this.charset = charset;
        this.slots = slots;
        this.asOfMillis = asOfMillis;
        this.usedAndIgnored = usedAndIgnored;
        this.rows = rows;
        this.events = events;
    }

    @Override
    public void row(byte[] bytes, int recordIdFrom, int recordIdTo, int stageFrom, int stageTo, long epochMillis,
            double amount, int closeEpochDay) {
        if (epochMillis > asOfMillis) {
            usedAndIgnored[1]++;
            return;
        }
        usedAndIgnored[0]++;
        int slot = slot(bytes, stageFrom, stageTo);
        long first = StringInterner.packedFirst(bytes, recordIdFrom, recordIdTo);
        long rest = StringInterner.packedRest(bytes, recordIdFrom, recordIdTo);
        if (first >= 0 && rest >= 0) {
            rows.addPacked(first, rest, slot, epochMillis, amount, closeEpochDay);
        } else {
            rows.add(new String(bytes, recordIdFrom, recordIdTo - recordIdFrom, charset), slot, epochMillis, amount,
                    closeEpochDay);
        }
    }

    @Override
    public void event(StageEvent event) {
        events.accept(event);
    }

    /** The slot of the stage named by {@code bytes[from..to)}; the name is decoded and resolved once. */
    private int slot(byte[] bytes, int from, int to) {
        // Rows of one record usually repeat the stage, and the last name is tried first.
        if (lastStage >= 0 && Arrays.equals(stageNames[lastStage], 0, stageNames[lastStage].length, bytes, from, to)) {
            return stageSlots[lastStage];
        }
        for (int i = 0; i < stageCount; i++) {
            if (Arrays.equals(stageNames[i], 0, stageNames[i].length, bytes, from, to)) {
                lastStage = i;
                return stageSlots[i];
            }
        }
        if (stageCount == MAX_CACHED) {
            return slots.resolve(new String(bytes, from, to - from, charset));
        }
        if (stageCount == stageNames.length) {
            stageNames = Arrays.copyOf(stageNames, stageCount * 2);
            stageSlots = Arrays.copyOf(stageSlots, stageCount * 2);
        }
        stageNames[stageCount] = Arrays.copyOfRange(bytes, from, to);
        stageSlots[stageCount] = slots.resolve(new String(bytes, from, to - from, charset));
        lastStage = stageCount++;
        return stageSlots[lastStage];
    }
}
