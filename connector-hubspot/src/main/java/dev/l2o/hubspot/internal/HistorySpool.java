package dev.l2o.hubspot.internal;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Spools one object's stage history (deal stages, contact lifecycle stages) to a compact temporary file so that no row is held in memory: per deal its id,
 * the row count, then per row a stage index (variable-length) and the time as a variable-length, zig-zag
 * delta from the previous row in milliseconds; about 3–6 bytes a row. Stage ids are few and kept in a
 * dictionary. Rows are written per deal in time order, so the history it yields is sorted by record.
 * Single-threaded; the file is deleted by {@link #delete()}.
 */
final class HistorySpool {
    private final String object;
    private final String what;
    private final Path file;
    private final DataOutputStream out;
    private final List<String> stages = new ArrayList<>();
    private final Map<String, Integer> stageIndex = new HashMap<>();
    private long rows;
    private long records;

    /**
     * @param object the object every row belongs to ({@code deals}, {@code contacts})
     * @param what what the rows are, for the history's description
     */
    HistorySpool(Path directory, String object, String what) {
        this.object = object;
        this.what = what;
        try {
            Files.createDirectories(directory);
            this.file = Files.createTempFile(directory, "l2o-hubspot-history-", ".bin");
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, "cannot create a history spool file in " + directory + ": " + e.getMessage(), e);
        }
    }

    void append(String recordId, List<StageHistoryRows.Row> history) {
        if (history.isEmpty()) {
            return;
        }
        try {
            out.writeUTF(recordId);
            writeVarLong(out, history.size());
            long previous = 0;
            for (StageHistoryRows.Row row : history) {
                Integer index = stageIndex.get(row.stage());
                if (index == null) {
                    index = stages.size();
                    stages.add(row.stage());
                    stageIndex.put(row.stage(), index);
                }
                writeVarLong(out, index);
                long delta = row.epochMillis() - previous;
                writeVarLong(out, (delta << 1) ^ (delta >> 63));
                previous = row.epochMillis();
            }
            rows += history.size();
            records++;
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, "cannot write the history spool " + file + ": " + e.getMessage(), e);
        }
    }

    long rows() {
        return rows;
    }

    long records() {
        return records;
    }

    /** Ends writing and returns the re-readable history over the file. */
    StageHistory finish() {
        try {
            out.close();
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, "cannot write the history spool " + file + ": " + e.getMessage(), e);
        }
        return new SpooledHistory(file, object, List.copyOf(stages), what + ": " + rows + " rows of " + records + " " + object);
    }

    void delete() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeVarLong(DataOutputStream out, long value) throws IOException {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static long readVarLong(DataInputStream in) throws IOException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IOException("malformed variable-length number in the history spool");
    }

    /** The history over a finished spool file: each {@link #forEach} reads the file again. */
    private record SpooledHistory(Path file, String object, List<String> stages, String description) implements StageHistory {
        @Override
        public void forEach(Consumer<StageEvent> sink) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                while (true) {
                    String recordId;
                    try {
                        recordId = in.readUTF();
                    } catch (EOFException end) {
                        return;
                    }
                    long count = readVarLong(in);
                    long millis = 0;
                    for (long i = 0; i < count; i++) {
                        String stage = stages.get((int) readVarLong(in));
                        long zigzag = readVarLong(in);
                        millis += (zigzag >>> 1) ^ -(zigzag & 1);
                        sink.accept(new StageEvent(object, recordId, stage, Instant.ofEpochMilli(millis), null, null, null, null));
                    }
                }
            } catch (IOException e) {
                throw new L2oException(ErrorCode.UNREADABLE_FILE, "cannot read the history spool " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public boolean sortedByRecord() {
            return true;
        }
    }
}
