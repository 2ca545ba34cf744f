package dev.l2o.metrics;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Fills {@link HistoryColumns} on a second thread while the caller's thread reads the history: the reader
 * parses rows and resolves stages, the loader interns record ids and appends columns. Rows travel in batches
 * through a bounded queue in source order and one thread appends them, so the columns are exactly what a
 * single thread would build. On two cores this overlaps parsing with the id lookups, whose cache misses are
 * most of the ingestion cost.
 *
 * <p>Use: {@link #add} for each row on one thread, then {@link #finish}; {@link #abandon} when reading failed.
 */
final class ColumnLoader implements UnsortedRows {
    private static final int BATCH = 4096;

    private final HistoryColumns columns;
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(8);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(10);
    private final Thread loader;
    private volatile Throwable failure;
    private Batch current;

    private static final class Batch {
        final String[] recordIds = new String[BATCH];
        final long[] firsts = new long[BATCH];
        final long[] rests = new long[BATCH];
        final int[] slots = new int[BATCH];
        final long[] times = new long[BATCH];
        final double[] amounts = new double[BATCH];
        final int[] closeDays = new int[BATCH];
        int size;
        /** Whether a row came with its id as a string; most are packed, and the batch then has no strings to drop. */
        boolean hasRecordIds;
        final boolean last;

        Batch(boolean last) {
            this.last = last;
        }
    }

    ColumnLoader(HistoryColumns columns) {
        this.columns = columns;
        for (int i = 0; i < 10; i++) {
            free.add(new Batch(false));
        }
        this.loader = new Thread(this::load, "l2o-history-columns");
        loader.setDaemon(true);
        loader.start();
        current = takeFree();
    }

    @Override
    public void add(String recordId, int slot, long time, double amount, int closeDay) {
        current.hasRecordIds = true;
        // Packed here: the reading thread has time to spare, the loading thread waits on cache misses.
        append(recordId, StringInterner.packedFirst(recordId), StringInterner.packedRest(recordId), slot, time, amount,
                closeDay);
    }

    @Override
    public void addPacked(long first, long rest, int slot, long time, double amount, int closeDay) {
        append(null, first, rest, slot, time, amount, closeDay);
    }

    private void append(String recordId, long first, long rest, int slot, long time, double amount, int closeDay) {
        Batch batch = current;
        int i = batch.size++;
        batch.recordIds[i] = recordId;
        batch.firsts[i] = first;
        batch.rests[i] = rest;
        batch.slots[i] = slot;
        batch.times[i] = time;
        batch.amounts[i] = amount;
        batch.closeDays[i] = closeDay;
        if (batch.size == BATCH) {
            put(batch);
            current = takeFree();
        }
    }

    /** Hands over the last rows and waits until every row is in the columns. */
    void finish() {
        put(current);
        put(new Batch(true));
        join();
        if (failure != null) {
            throw new IllegalStateException("loading history columns failed", failure);
        }
    }

    /** Stops the loader after a failed read; the columns are then incomplete and must not be used. */
    @Override
    public void abandon() {
        loader.interrupt();
        join();
    }

    private void load() {
        try {
            while (true) {
                Batch batch = full.take();
                if (batch.last) {
                    return;
                }
                columns.addAll(batch.recordIds, batch.firsts, batch.rests, batch.slots, batch.times, batch.amounts,
                        batch.closeDays, batch.size);
                if (batch.hasRecordIds) {
                    Arrays.fill(batch.recordIds, 0, batch.size, null);
                    batch.hasRecordIds = false;
                }
                batch.size = 0;
                free.put(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private Batch takeFree() {
        while (true) {
            checkLoader();
            try {
                Batch batch = free.poll(100, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    return batch;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading history", e);
            }
        }
    }

    private void put(Batch batch) {
        while (true) {
            checkLoader();
            try {
                if (full.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading history", e);
            }
        }
    }

    /** A loader that died would never drain the queue: fail the reader instead of waiting forever. */
    private void checkLoader() {
        if (failure != null) {
            throw new IllegalStateException("loading history columns failed", failure);
        }
    }

    private void join() {
        try {
            loader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading history", e);
        }
    }
}
