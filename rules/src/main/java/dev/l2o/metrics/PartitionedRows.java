package dev.l2o.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Unsorted history too large for the heap, in two passes. Pass 1 ({@link #add}) writes each row to one of
 * {@code K} temporary files chosen by a hash of its record id, so every row of a record lands in the same
 * file, in source order. Pass 2 ({@link #forEachRecord}) loads one file at a time into {@link HistoryColumns}
 * and walks its records exactly as the in-memory path walks all of them: the walk's figures do not depend on
 * the order of records, only on each record's rows in (time, source position) order, which the file keeps.
 * The next file is loaded on a second thread while one is walked. Memory: two partitions' columns and a 64 KB
 * buffer a partition.
 *
 * <p>A row on disk: id length (negative: UTF-16 chars follow, else ASCII bytes; {@link #PACKED}: the two longs of a
 * packed id follow), the id, stage slot, epoch millis, amount (NaN: none), close day.
 */
final class PartitionedRows implements UnsortedRows {
    private static final int BUFFER = 1 << 16;
    private static final int FIXED_BYTES = Integer.BYTES + Integer.BYTES + Long.BYTES + Double.BYTES + Integer.BYTES;
    /** The length code of a packed id ({@link StringInterner#packedFirst}): 16 bytes whatever its length. */
    private static final int PACKED = Integer.MIN_VALUE;
    private static final int PACKED_BYTES = 2 * Long.BYTES;

    private final Path[] files;
    private final ByteBuffer[] buffers;
    private final FileChannel[] channels;
    private long rows;

    PartitionedRows(SpillDirectory directory, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
        files = new Path[partitions];
        buffers = new ByteBuffer[partitions];
        channels = new FileChannel[partitions];
        for (int p = 0; p < partitions; p++) {
            files[p] = directory.newFile("rows");
        }
    }

    /** Pass 1: appends one row; {@code amount} is NaN and {@code closeDay} {@link RecordBuffer#NO_DATE} when absent. */
    @Override
    public void add(String recordId, int slot, long time, double amount, int closeDay) {
        long first = StringInterner.packedFirst(recordId);
        long rest = StringInterner.packedRest(recordId);
        if (first >= 0 && rest >= 0) {
            addPacked(first, rest, slot, time, amount, closeDay);
            return;
        }
        int p = mixed(recordId.hashCode(), files.length);
        boolean ascii = isAscii(recordId);
        int length = recordId.length();
        int rowBytes = FIXED_BYTES + (ascii ? length : 2 * length);
        ByteBuffer buffer = buffers[p];
        if (buffer == null || buffer.remaining() < rowBytes) {
            buffer = flushed(p, rowBytes);
        }
        buffer.putInt(ascii ? length : -length);
        for (int i = 0; i < length; i++) {
            if (ascii) {
                buffer.put((byte) recordId.charAt(i));
            } else {
                buffer.putChar(recordId.charAt(i));
            }
        }
        buffer.putInt(slot).putLong(time).putDouble(amount).putInt(closeDay);
        rows++;
    }

    /** Pass 1: a row whose id is packed. */
    @Override
    public void addPacked(long first, long rest, int slot, long time, double amount, int closeDay) {
        int p = partition(first, rest, files.length);
        ByteBuffer buffer = buffers[p];
        if (buffer == null || buffer.remaining() < FIXED_BYTES + PACKED_BYTES) {
            buffer = flushed(p, FIXED_BYTES + PACKED_BYTES);
        }
        buffer.putInt(PACKED).putLong(first).putLong(rest);
        buffer.putInt(slot).putLong(time).putDouble(amount).putInt(closeDay);
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Pass 2: hands each record's rows, in time order (ties in source order), to {@code walker}, partition by partition. */
    void forEachRecord(RecordWalk walker) {
        for (int p = 0; p < files.length; p++) {
            flushed(p, 0);
            close(p);
            buffers[p] = null;
        }
        // The next partition is read from disk on a second thread while this one is walked: two partitions'
        // columns in the heap at most, and the walk (one thread) no longer waits for the reading.
        ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "l2o-history-partitions");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<HistoryColumns> next = reader.submit(() -> loaded(files[0]));
            for (int p = 0; p < files.length; p++) {
                HistoryColumns columns = await(next);
                Path following = p + 1 < files.length ? files[p + 1] : null;
                next = following == null ? null : reader.submit(() -> loaded(following));
                columns.forEachRecord(walker);
            }
        } finally {
            reader.shutdownNow();
        }
    }

    private static HistoryColumns loaded(Path file) {
        HistoryColumns columns = new HistoryColumns();
        load(file, columns);
        return columns;
    }

    private static HistoryColumns await(Future<HistoryColumns> columns) {
        try {
            return columns.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading history partitions", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("reading a history partition failed", e.getCause());
        }
    }

    /** Closes the open files after a failure; the files themselves go with their {@link SpillDirectory}. */
    @Override
    public void abandon() {
        for (int p = 0; p < channels.length; p++) {
            try {
                close(p);
            } catch (RuntimeException e) {
                // The read failed already; its error is the one to report.
            }
        }
    }

    /**
     * Which partition a record's rows go to: a mixed hash, so ids differing only in their last digits spread. A
     * packable id always arrives packed ({@link #add} packs it), so its rows meet in one partition however they came.
     */
    private static int partition(long first, long rest, int partitions) {
        return mixed(Long.hashCode(first * 0x9E3779B97F4A7C15L ^ rest), partitions);
    }

    private static int mixed(int hash, int partitions) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x9E3779B9;
        return Math.floorMod(h ^ (h >>> 15), partitions);
    }

    private static boolean isAscii(String id) {
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Writes partition {@code p}'s buffer out and returns it empty, grown when a row needs more than it holds. */
    private ByteBuffer flushed(int p, int rowBytes) {
        ByteBuffer buffer = buffers[p];
        if (buffer != null && buffer.position() > 0) {
            buffer.flip();
            try {
                if (channels[p] == null) {
                    channels[p] = FileChannel.open(files[p], StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
                }
                while (buffer.hasRemaining()) {
                    channels[p].write(buffer);
                }
            } catch (IOException e) {
                throw SpillDirectory.failure("cannot write the temporary file " + files[p], e);
            }
            buffer.clear();
        }
        if (buffer == null || buffer.capacity() < rowBytes) {
            buffer = ByteBuffer.allocate(Math.max(BUFFER, rowBytes));
            buffers[p] = buffer;
        }
        return buffer;
    }

    private void close(int p) {
        if (channels[p] != null) {
            try {
                channels[p].close();
            } catch (IOException e) {
                throw SpillDirectory.failure("cannot write the temporary file " + files[p], e);
            } finally {
                channels[p] = null;
            }
        }
    }

    private static void load(Path file, HistoryColumns columns) {
        if (!Files.exists(file)) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        buffer.flip();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                if (!fill(in, buffer, Integer.BYTES)) {
                    return;
                }
                int coded = buffer.getInt();
                if (coded == PACKED) {
                    if (!fill(in, buffer, PACKED_BYTES + FIXED_BYTES - Integer.BYTES)) {
                        throw new IOException("the file ends inside a row");
                    }
                    columns.addPacked(buffer.getLong(), buffer.getLong(), buffer.getInt(), buffer.getLong(),
                            buffer.getDouble(), buffer.getInt());
                    continue;
                }
                int length = Math.abs(coded);
                int idBytes = coded >= 0 ? length : 2 * length;
                if (buffer.capacity() < idBytes + FIXED_BYTES) {
                    ByteBuffer larger = ByteBuffer.allocate(idBytes + FIXED_BYTES);
                    larger.put(buffer).flip();
                    buffer = larger;
                }
                if (!fill(in, buffer, idBytes + FIXED_BYTES - Integer.BYTES)) {
                    throw new IOException("the file ends inside a row");
                }
                String id;
                if (coded >= 0) {
                    id = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length,
                            StandardCharsets.ISO_8859_1);
                    buffer.position(buffer.position() + length);
                } else {
                    char[] chars = new char[length];
                    buffer.asCharBuffer().get(chars);
                    buffer.position(buffer.position() + 2 * length);
                    id = new String(chars);
                }
                columns.add(id, buffer.getInt(), buffer.getLong(), buffer.getDouble(), buffer.getInt());
            }
        } catch (IOException e) {
            throw SpillDirectory.failure("cannot read the temporary file " + file, e);
        }
    }

    /** Makes {@code bytes} readable in {@code buffer}; false at the end of the file before any of them. */
    private static boolean fill(FileChannel in, ByteBuffer buffer, int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return true;
        }
        buffer.compact();
        while (buffer.position() < bytes) {
            if (in.read(buffer) < 0) {
                buffer.flip();
                if (buffer.hasRemaining()) {
                    throw new IOException("the file ends inside a row");
                }
                return false;
            }
        }
        buffer.flip();
        return true;
    }
}
