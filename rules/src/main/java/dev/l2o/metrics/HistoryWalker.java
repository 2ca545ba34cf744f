package dev.l2o.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Walks one record at a time (its rows in time order) and folds it into the running figures: stays per stage,
 * conversions, skips and regressions, win rate, sales cycle, close dates. Keeps nothing per row and, besides
 * durations per stage and the sales cycles, nothing per record.
 */
final class HistoryWalker {
    private final StageSlots slots;
    private final long asOfMillis;
    private final long asOfDay;
    private final Map<String, Integer> currentCloseDays;
    private final int[] conversionFrom;
    private final int[] conversionTo;
    private final long[] conversionReached;
    private final long[] conversionConverted;
    private final ExampleIds[] conversionMissed;
    private final int blueprintStages;
    private final ExampleIds[] skips;
    private final ExampleIds[] regressions;
    private int[] movesOfRecord = new int[8];
    private int moveCount;

    private int recordSequence;
    private long records;
    private long openRecords;
    private long closedRecords;
    private long wonRecords;
    private final LongList salesCycles = new LongList();
    private final LongList wonSalesCycles = new LongList();
    private final ExactSum wonAmountSum = new ExactSum();
    private long wonWithAmount;
    private final ExampleIds pastCloseDates = new ExampleIds();
    private long openStaleOrPastDue;

    HistoryWalker(StageSlots slots, long asOfMillis, Map<String, Integer> currentCloseDays, int[] conversionFrom,
            int[] conversionTo) {
        this.slots = slots;
        this.asOfMillis = asOfMillis;
        this.asOfDay = Math.floorDiv(asOfMillis, StageMetricsCalculator.MILLIS_PER_DAY);
        this.currentCloseDays = currentCloseDays;
        this.conversionFrom = conversionFrom.clone();
        this.conversionTo = conversionTo.clone();
        this.conversionReached = new long[conversionFrom.length];
        this.conversionConverted = new long[conversionFrom.length];
        this.conversionMissed = new ExampleIds[conversionFrom.length];
        for (int c = 0; c < conversionFrom.length; c++) {
            conversionMissed[c] = new ExampleIds();
        }
        this.blueprintStages = slots.blueprintStageCount();
        this.skips = new ExampleIds[blueprintStages * blueprintStages];
        this.regressions = new ExampleIds[blueprintStages * blueprintStages];
    }

    /** Sales cycles (one a closed record) keep one chunk in memory and the rest in {@code directory}. */
    void spillTo(SpillDirectory directory) {
        salesCycles.spillTo(directory);
        wonSalesCycles.spillTo(directory);
    }

    /**
     * Adds the figures of {@code other}, which walked other records of the same lifecycle with slots of its own (a
     * walk split over threads): the figures are those of one walk over all the records, since none depends on the
     * order of records (examples are the smallest ids, sums are exact, quantiles sort).
     */
    void add(HistoryWalker other) {
        slots.add(other.slots);
        records += other.records;
        openRecords += other.openRecords;
        closedRecords += other.closedRecords;
        wonRecords += other.wonRecords;
        for (int c = 0; c < conversionFrom.length; c++) {
            conversionReached[c] += other.conversionReached[c];
            conversionConverted[c] += other.conversionConverted[c];
            conversionMissed[c].addAll(other.conversionMissed[c]);
        }
        addCells(skips, other.skips);
        addCells(regressions, other.regressions);
        salesCycles.addAll(other.salesCycles);
        wonSalesCycles.addAll(other.wonSalesCycles);
        wonAmountSum.add(other.wonAmountSum);
        wonWithAmount += other.wonWithAmount;
        pastCloseDates.addAll(other.pastCloseDates);
        openStaleOrPastDue += other.openStaleOrPastDue;
    }

    /**
     * Sorts the durations and sales cycles walked so far (on the walking thread, before {@link #add} merges them), with
     * {@code scratch} (at least {@link #largestList} longs) as the sorts' working space.
     */
    void sortLists(long[] scratch) {
        slots.sortDurations(scratch);
        salesCycles.sort(scratch);
        wonSalesCycles.sort(scratch);
    }

    /** The number of values of the longest list {@link #sortLists} sorts. */
    int largestList() {
        return Math.max(slots.largestDurations(), Math.max(salesCycles.size(), wonSalesCycles.size()));
    }

    private static void addCells(ExampleIds[] cells, ExampleIds[] others) {
        for (int cell = 0; cell < cells.length; cell++) {
            if (others[cell] != null) {
                if (cells[cell] == null) {
                    cells[cell] = new ExampleIds();
                }
                cells[cell].addAll(others[cell]);
            }
        }
    }

    /** Folds in record {@code id}, whose rows {@code rows} holds in time order. */
    void walk(String id, RecordBuffer rows) {
        if (rows.size == 0) {
            return;
        }
        int sequence = recordSequence++;
        records++;
        moveCount = 0;
        long firstTime = rows.times[0];
        long firstClosedTime = Long.MIN_VALUE;
        boolean reachedClosed = false;
        boolean stale = false;
        int previousRanked = -1;
        int stay = 0;
        StageSlot current = null;
        for (int i = 0; i < rows.size; ) {
            int slotIndex = rows.slots[i];
            long start = rows.times[i];
            int next = i + 1;
            while (next < rows.size && rows.slots[next] == slotIndex) {
                next++;
            }
            current = slots.get(slotIndex);
            if (!current.enteredBy(sequence)) {
                current.recordStamp = sequence;
                current.entered++;
                current.firstStay = stay;
            }
            current.lastStay = stay;
            if (next < rows.size) {
                current.durations.add(rows.times[next] - start);
            } else {
                current.openStays++;
                if (!current.closed && current.maxMillis >= 0 && asOfMillis - start > current.maxMillis) {
                    current.stale.add(id);
                    stale = true;
                }
            }
            if (current.closed && !reachedClosed) {
                reachedClosed = true;
                firstClosedTime = start;
            }
            if (current.rank != StageSlot.UNRANKED) {
                if (previousRanked >= 0) {
                    move(id, previousRanked, slotIndex);
                }
                previousRanked = slotIndex;
            }
            stay++;
            i = next;
        }
        for (int c = 0; c < conversionFrom.length; c++) {
            StageSlot from = slots.get(conversionFrom[c]);
            if (from.enteredBy(sequence)) {
                conversionReached[c]++;
                StageSlot to = slots.get(conversionTo[c]);
                if (to.enteredBy(sequence) && to.lastStay > from.firstStay) {
                    conversionConverted[c]++;
                } else {
                    conversionMissed[c].add(id);
                }
            }
        }
        if (reachedClosed) {
            salesCycles.add(firstClosedTime - firstTime);
        }
        if (current.closed) {
            closedRecords++;
            if (current.won) {
                wonRecords++;
                wonSalesCycles.add(firstClosedTime - firstTime);
                if (!Double.isNaN(rows.amount)) {
                    wonAmountSum.add(rows.amount);
                    wonWithAmount++;
                }
            }
        } else {
            openRecords++;
            int closeDay = currentCloseDays.getOrDefault(id, rows.closeDay);
            boolean pastDue = closeDay != RecordBuffer.NO_DATE && closeDay < asOfDay;
            if (pastDue) {
                pastCloseDates.add(id);
            }
            if (pastDue || stale) {
                openStaleOrPastDue++;
            }
        }
    }

    private void move(String id, int from, int to) {
        StageSlot source = slots.get(from);
        StageSlot target = slots.get(to);
        ExampleIds[] kind;
        if (target.rank < source.rank) {
            kind = regressions;
        } else if (target.rank > source.rank + 1 && !(target.closed && !target.won)) {
            kind = skips;
        } else {
            return;
        }
        int code = (kind == skips ? 1 : -1) * (from * blueprintStages + to + 1);
        for (int m = 0; m < moveCount; m++) {
            if (movesOfRecord[m] == code) {
                return;
            }
        }
        if (moveCount == movesOfRecord.length) {
            movesOfRecord = Arrays.copyOf(movesOfRecord, moveCount * 2);
        }
        movesOfRecord[moveCount++] = code;
        int cell = from * blueprintStages + to;
        if (kind[cell] == null) {
            kind[cell] = new ExampleIds();
        }
        kind[cell].add(id);
    }

    long records() {
        return records;
    }

    long openRecords() {
        return openRecords;
    }

    long closedRecords() {
        return closedRecords;
    }

    long wonRecords() {
        return wonRecords;
    }

    long conversionReached(int conversion) {
        return conversionReached[conversion];
    }

    long conversionConverted(int conversion) {
        return conversionConverted[conversion];
    }

    List<String> conversionMissedExamples(int conversion) {
        return conversionMissed[conversion].examples();
    }

    Double winRate() {
        return closedRecords == 0 ? null : (double) wonRecords / closedRecords;
    }

    Double salesCycleMedianDays() {
        return salesCycles.size() == 0
                ? null
                : salesCycles.quantiles(0.5)[0] / StageMetricsCalculator.MILLIS_PER_DAY;
    }

    Double meanWonAmount() {
        return wonWithAmount == 0 ? null : wonAmountSum.value().doubleValue() / wonWithAmount;
    }

    Double meanWonSalesCycleDays() {
        return wonSalesCycles.size() == 0
                ? null
                : (double) wonSalesCycles.sum() / wonSalesCycles.size() / StageMetricsCalculator.MILLIS_PER_DAY;
    }

    Double dealVelocityPerDay() {
        Double amount = meanWonAmount();
        Double rate = winRate();
        Double cycle = meanWonSalesCycleDays();
        if (amount == null || rate == null || cycle == null || cycle == 0) {
            return null;
        }
        return openRecords * amount * rate / cycle;
    }

    RecordSample pastCloseDates() {
        return pastCloseDates.sample();
    }

    long openStaleOrPastDue() {
        return openStaleOrPastDue;
    }

    List<StageTransition> skips() {
        return transitions(skips);
    }

    List<StageTransition> regressions() {
        return transitions(regressions);
    }

    /** In blueprint order of the stage moved from, then of the stage moved to. */
    private List<StageTransition> transitions(ExampleIds[] cells) {
        List<StageTransition> result = new ArrayList<>();
        for (int cell = 0; cell < cells.length; cell++) {
            if (cells[cell] != null) {
                result.add(new StageTransition(slots.get(cell / blueprintStages).name,
                        slots.get(cell % blueprintStages).name, cells[cell].count(), cells[cell].examples()));
            }
        }
        return result;
    }
}
