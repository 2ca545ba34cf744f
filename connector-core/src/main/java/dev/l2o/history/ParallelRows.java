package dev.l2o.history;

import dev.l2o.model.StageEvent;
import dev.l2o.model.StageRowSink;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The rows of a large history file taken apart on two threads, handed to the sink on the caller's thread in source
 * order. The file is cut into blocks of {@link #BLOCK_BYTES}; a block's reader starts at the first line after its
 * cut and reads the records that start before the next cut. A line start is a record start unless a quoted field
 * holds a line break across the cut: block k's records are taken only when block k-1 ended exactly where block k
 * started, which proves the start (block k-1 started at a record, inductively); otherwise block k is read again,
 * on the caller's thread, from where block k-1 ended. A record {@link CsvBytes} leaves to FastCSV or a row that
 * needs the event path ends the parallel read there, and the caller reads on sequentially from that record
 * ({@link Resume}), so the rows, their order and every error are those of the sequential reader. At most
 * {@link #IN_FLIGHT} blocks are in memory (about 3 MB each).
 */
final class ParallelRows {
    /** Bytes a block covers. */
    static final int BLOCK_BYTES = 2 << 20;
    private static final int IN_FLIGHT = 4;
    private static final int THREADS = 2;

    /** Where a sequential reader continues: the record at {@code offset}, on {@code line}, after {@code records} data records. */
    record Resume(long offset, long line, long records) {}

    /** Takes one record apart as bytes into a sink; false when it needs the event path. One instance a thread. */
    interface RowReader {
        boolean take(CsvBytes in, StageRowSink sink);
    }

    private ParallelRows() {}

    /** Whether a file of {@code sizeBytes} is worth two threads here, in blocks of {@code blockBytes}. */
    static boolean worthwhile(long sizeBytes, int blockBytes) {
        return sizeBytes > 2L * blockBytes && Runtime.getRuntime().availableProcessors() >= 2;
    }

    /**
     * Reads the records from {@code start} to the end of the file, or to where a sequential reader must take over.
     *
     * @return null when every record was read; else where to continue
     */
    static Resume read(FileChannel channel, FileCharset charset, long fileSize, Resume start, int blockBytes,
            Supplier<RowReader> readers, StageRowSink sink) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "l2o-history-blocks");
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<Block>> pending = new ArrayDeque<>();
        Deque<Block> free = new ArrayDeque<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            free.add(new Block(readers.get(), blockBytes));
        }
        long dataStart = start.offset();
        long blocks = Math.max(1, (fileSize - dataStart + blockBytes - 1) / blockBytes);
        long submitted = 0;
        try {
            while (submitted < blocks && !free.isEmpty()) {
                pending.add(submit(workers, free.poll(), channel, charset, dataStart, blockBytes, submitted++, blocks));
            }
            long expected = dataStart;
            long line = start.line();
            long records = start.records();
            while (!pending.isEmpty()) {
                Block block = await(pending.poll());
                if (block.start != expected) {
                    // The cut fell inside a quoted line break: this block is read again from the proven start.
                    block.parse(channel, charset, expected, true, block.cut, block.last);
                }
                block.emit(sink);
                if (block.stoppedAt >= 0) {
                    return new Resume(block.stoppedAt, line + block.linesBeforeStop, records + block.records);
                }
                records += block.records;
                line += block.lines;
                expected = block.end;
                if (block.last) {
                    return null;
                }
                if (submitted < blocks) {
                    pending.add(submit(workers, block, channel, charset, dataStart, blockBytes, submitted++, blocks));
                }
            }
            return new Resume(expected, line, records);
        } finally {
            // Never interrupted: an interrupt during a read would close the channel the caller goes on reading.
            pending.forEach(future -> future.cancel(false));
            workers.shutdown();
            awaitTermination(workers);
        }
    }

    private static Future<Block> submit(ExecutorService workers, Block block, FileChannel channel, FileCharset charset,
            long dataStart, int blockBytes, long index, long blocks) {
        long from = dataStart + index * blockBytes;
        boolean last = index == blocks - 1;
        return workers.submit(() -> {
            block.parse(channel, charset, from, index == 0, last ? Long.MAX_VALUE : from + blockBytes, last);
            return block;
        });
    }

    private static Block await(Future<Block> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading history", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("reading a history block failed", e.getCause());
        }
    }

    private static void awaitTermination(ExecutorService workers) {
        boolean interrupted = false;
        while (true) {
            try {
                if (workers.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One block: its bytes, what its reader found, and its rows as ranges of the bytes and primitives (or events). */
    private static final class Block implements StageRowSink {
        private final RowReader reader;
        /** A block's records plus the longest record that may cross its end, and a line before its start. */
        private final byte[] buffer;
        private byte[] bytes;
        private int[] ranges = new int[4 * 1024];
        private long[] times = new long[1024];
        private double[] amounts = new double[1024];
        private int[] closeDays = new int[1024];
        /** By row, the event a reader gave instead of a row, else null. */
        private StageEvent[] events = new StageEvent[1024];
        private boolean hasEvents;
        private int size;

        /** File offset of the first record; -1 when no line starts in the block. */
        long start;
        long end;
        long records;
        long lines;
        long stoppedAt;
        long linesBeforeStop;
        long cut;
        boolean last;

        Block(RowReader reader, int blockBytes) {
            this.reader = reader;
            this.buffer = new byte[blockBytes + 2 * CsvBytes.MAX_RECORD_BYTES];
        }

        void parse(FileChannel channel, FileCharset charset, long from, boolean first, long cut, boolean lastBlock)
                throws IOException {
            size = 0;
            hasEvents = false;
            records = 0;
            stoppedAt = -1;
            this.cut = cut;
            last = lastBlock;
            CsvBytes in = CsvBytes.at(channel, charset, first ? from : from - 1, 1, buffer, false);
            bytes = in.bytes();
            if (!first && !in.skipLine()) {
                start = -1;
                return;
            }
            start = in.offset();
            while (in.offset() < cut) {
                long recordStart = in.offset();
                long linesBefore = in.nextLine() - 1;
                int status = in.next();
                if (status == CsvBytes.END) {
                    break;
                }
                if (status == CsvBytes.IRREGULAR || !reader.take(in, this)) {
                    stoppedAt = recordStart;
                    linesBeforeStop = linesBefore;
                    return;
                }
                records++;
            }
            end = in.offset();
            lines = in.nextLine() - 1;
        }

        @Override
        public void row(byte[] rowBytes, int recordIdFrom, int recordIdTo, int stageFrom, int stageTo, long epochMillis,
                double amount, int closeEpochDay) {
            makeRoom();
            events[size] = null;
            int at = 4 * size;
            ranges[at] = recordIdFrom;
            ranges[at + 1] = recordIdTo;
            ranges[at + 2] = stageFrom;
            ranges[at + 3] = stageTo;
            times[size] = epochMillis;
            amounts[size] = amount;
            closeDays[size] = closeEpochDay;
            size++;
        }

        @Override
        public void event(StageEvent event) {
            makeRoom();
            events[size++] = event;
            hasEvents = true;
        }

        private void makeRoom() {
            if (size == times.length) {
                int grown = size * 2;
                ranges = Arrays.copyOf(ranges, 4 * grown);
                times = Arrays.copyOf(times, grown);
                amounts = Arrays.copyOf(amounts, grown);
                closeDays = Arrays.copyOf(closeDays, grown);
                events = Arrays.copyOf(events, grown);
            }
        }

        void emit(StageRowSink sink) {
            for (int i = 0; i < size; i++) {
                if (hasEvents && events[i] != null) {
                    sink.event(events[i]);
                    continue;
                }
                int at = 4 * i;
                sink.row(bytes, ranges[at], ranges[at + 1], ranges[at + 2], ranges[at + 3], times[i], amounts[i],
                        closeDays[i]);
            }
            if (hasEvents) {
                // Not kept until the block is read again: a block's events are a few megabytes.
                Arrays.fill(events, 0, size, null);
                hasEvents = false;
            }
        }
    }
}
