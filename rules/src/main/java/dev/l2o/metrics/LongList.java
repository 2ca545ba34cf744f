package dev.l2o.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A growable list of primitive longs: durations kept for exact quantiles without boxing. After
 * {@link #spillTo} it keeps at most {@value #SPILL_CHUNK} values in memory and appends the rest to a temporary
 * file, so a history too large for the heap holds one chunk a list while it is walked; {@link #sorted} reads
 * them back, one list at a time.
 */
final class LongList {
    /** Values held in memory between writes to the spill file: 1 MB. */
    static final int SPILL_CHUNK = 131_072;

    private long[] values = new long[16];
    private int size;
    private long sum;
    private SpillDirectory spill;
    private Path spillFile;
    private int spilled;
    /** Whether the values in memory are in ascending order and none is spilled: {@link #sorted} has nothing to do. */
    private boolean isSorted = true;

    void add(long value) {
        if (size == values.length) {
            if (spill != null && size >= SPILL_CHUNK) {
                writeChunk();
            } else {
                values = Arrays.copyOf(values, size + (size >> 1));
            }
        }
        values[size++] = value;
        sum += value;
        isSorted = false;
    }

    /**
     * Appends every value of {@code other} (its spilled ones read back). Two sorted lists held in memory are merged, so
     * that the result is sorted too: each thread of a split walk sorts its own lists ({@link #sort}), and the merge is
     * one linear pass.
     */
    void addAll(LongList other) {
        if (isSorted && other.isSorted && spill == null) {
            values = merged(values, size, other.values, other.size);
            size += other.size;
            sum += other.sum;
            return;
        }
        long[] theirs = other.spilled > 0 ? other.readBack() : other.values;
        if (spill == null && size + other.size() > values.length) {
            values = Arrays.copyOf(values, size + other.size());
        }
        for (int i = 0; i < other.size(); i++) {
            add(theirs[i]);
        }
    }

    /** From now on, values beyond one chunk go to a file in {@code directory}. */
    void spillTo(SpillDirectory directory) {
        this.spill = directory;
    }

    int size() {
        return spilled + size;
    }

    long sum() {
        return sum;
    }

    /**
     * The {@code ps}-quantiles of the values ({@link Quantiles#continuous}); the list must not be empty. A list with
     * values on disk reads them back sorted for this and lets them go after (it still holds them, on disk): the figures
     * of a history larger than the heap come one list at a time, where holding every list read back sorted (a stage's
     * durations are 30 MB at 20 M rows) ran a 256 MB heap out of memory.
     */
    double[] quantiles(double... ps) {
        long[] sorted;
        if (spilled == 0) {
            sort();
            sorted = values;
        } else {
            if (size > 0) {
                writeChunk();
            }
            sorted = readBack();
            RadixSort.sort(sorted, sorted.length);
        }
        double[] quantiles = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            quantiles[i] = Quantiles.continuous(sorted, size(), ps[i]);
        }
        return quantiles;
    }

    /** Values held in memory (at most one chunk once values go to disk). */
    int inMemory() {
        return size;
    }

    /** The values in ascending order (sorts in place and returns the backing array; use the first {@link #size()}). */
    long[] sorted() {
        sort();
        return values;
    }

    /** Sorts the values in place (once: until the next value is added). */
    void sort() {
        sort(null);
    }

    /** As {@link #sort()}, with {@code scratch} as working space when it holds {@link #size()} longs. */
    void sort(long[] scratch) {
        if (isSorted) {
            return;
        }
        if (spilled > 0) {
            values = readBack();
            size += spilled;
            spilled = 0;
        }
        // Hundreds of thousands of stays a stage at millions of rows: a radix sort takes a few linear passes
        // where a comparison sort takes log n.
        RadixSort.sort(values, size, scratch);
        isSorted = true;
    }

    /** The first {@code n} of {@code a} and {@code m} of {@code b}, both ascending, in one ascending array. */
    private static long[] merged(long[] a, int n, long[] b, int m) {
        long[] out = new long[Math.max(16, n + m)];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < n && j < m) {
            out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        }
        System.arraycopy(a, i, out, k, n - i);
        System.arraycopy(b, j, out, k + n - i, m - j);
        return out;
    }

    private void writeChunk() {
        if (spillFile == null) {
            spillFile = spill.newFile("durations");
        }
        ByteBuffer bytes = ByteBuffer.allocate(size * Long.BYTES);
        bytes.asLongBuffer().put(values, 0, size);
        try (FileChannel out = FileChannel.open(spillFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw SpillDirectory.failure("cannot write the temporary file " + spillFile, e);
        }
        spilled += size;
        size = 0;
    }

    /** Every value, the spilled ones first, in an array of exactly {@link #size()} longs. */
    private long[] readBack() {
        long[] all = new long[spilled + size];
        ByteBuffer bytes = ByteBuffer.allocate(SPILL_CHUNK * Long.BYTES);
        int read = 0;
        try (FileChannel in = FileChannel.open(spillFile, StandardOpenOption.READ)) {
            while (read < spilled) {
                bytes.clear();
                bytes.limit(Math.min(bytes.capacity(), (spilled - read) * Long.BYTES));
                while (bytes.hasRemaining()) {
                    if (in.read(bytes) < 0) {
                        throw new IOException("the file ends after " + read + " of " + spilled + " values");
                    }
                }
                bytes.flip();
                int count = bytes.remaining() / Long.BYTES;
                bytes.asLongBuffer().get(all, read, count);
                read += count;
            }
        } catch (IOException e) {
            throw SpillDirectory.failure("cannot read the temporary file " + spillFile, e);
        }
        System.arraycopy(values, 0, all, spilled, size);
        return all;
    }
}
