package dev.l2o.metrics;

import dev.l2o.model.StageRowSink;
import java.util.Arrays;

/**
 * The rows of one record while it is walked: stage slot and time, plus the amount and close date of its latest
 * row that has one. Reused from record to record, so it grows with the longest record, not with the history.
 */
final class RecordBuffer {
    /** A close date that is absent: the value byte-read rows carry ({@link StageRowSink#NO_DATE}). */
    static final int NO_DATE = StageRowSink.NO_DATE;

    int[] slots = new int[16];
    long[] times = new long[16];
    int size;
    double amount;
    long amountTime;
    int closeDay;
    long closeDayTime;

    private int[] slotScratch = new int[16];
    private long[] timeScratch = new long[16];

    void clear() {
        size = 0;
        amount = Double.NaN;
        amountTime = Long.MIN_VALUE;
        closeDay = NO_DATE;
        closeDayTime = Long.MIN_VALUE;
    }

    void add(int slot, long time) {
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, size * 2);
            times = Arrays.copyOf(times, size * 2);
        }
        slots[size] = slot;
        times[size] = time;
        size++;
    }

    /** Offers a row's values; rows come in source order, so a later or equal time is the latest row. */
    void offerValues(long time, double rowAmount, int rowCloseDay) {
        if (!Double.isNaN(rowAmount) && time >= amountTime) {
            amount = rowAmount;
            amountTime = time;
        }
        if (rowCloseDay != NO_DATE && time >= closeDayTime) {
            closeDay = rowCloseDay;
            closeDayTime = time;
        }
    }

    /** Orders the rows by time; a stable sort, so rows with equal times keep their source order. */
    void sortByTime() {
        for (int i = 1; i < size; i++) {
            if (times[i] < times[i - 1]) {
                if (size <= 32) {
                    insertionSort();
                } else {
                    mergeSort();
                }
                return;
            }
        }
    }

    private void insertionSort() {
        for (int i = 1; i < size; i++) {
            int slot = slots[i];
            long time = times[i];
            int j = i - 1;
            while (j >= 0 && times[j] > time) {
                slots[j + 1] = slots[j];
                times[j + 1] = times[j];
                j--;
            }
            slots[j + 1] = slot;
            times[j + 1] = time;
        }
    }

    private void mergeSort() {
        if (slotScratch.length < size) {
            slotScratch = new int[slots.length];
            timeScratch = new long[slots.length];
        }
        for (int width = 1; width < size; width *= 2) {
            for (int low = 0; low < size; low += 2 * width) {
                int middle = Math.min(low + width, size);
                int high = Math.min(low + 2 * width, size);
                int left = low;
                int right = middle;
                for (int out = low; out < high; out++) {
                    // "<=" takes the left row on equal times: that keeps source order.
                    if (left < middle && (right >= high || times[left] <= times[right])) {
                        slotScratch[out] = slots[left];
                        timeScratch[out] = times[left++];
                    } else {
                        slotScratch[out] = slots[right];
                        timeScratch[out] = times[right++];
                    }
                }
            }
            int[] slotSwap = slots;
            slots = slotScratch;
            slotScratch = slotSwap;
            long[] timeSwap = times;
            times = timeScratch;
            timeScratch = timeSwap;
        }
    }
}
