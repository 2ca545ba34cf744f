package dev.l2o.snapshot;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.Snapshot;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * Writes snapshots in the l2o snapshot file format (gzip JSON, version {@value SnapshotFormat#VERSION}), the
 * format {@link SnapshotReader} reads. History rows are streamed from {@link StageHistory#forEach} straight
 * into the file and never collected, so a snapshot of millions of rows is written in constant memory.
 *
 * <p>Output is deterministic: equal snapshots (with equal history rows) give byte-identical files; the gzip
 * header carries no time stamp. Stateless and thread-safe.
 */
public final class SnapshotWriter {
    private static final JsonFactory JSON = SnapshotJson.MAPPER.getFactory();

    private SnapshotWriter() {}

    /**
     * Writes {@code snapshot} to {@code file}, atomically: a reader sees either the old file or the complete
     * new one, never a half-written file.
     *
     * @throws L2oException BAD_ARGUMENT when the file cannot be written; whatever the history throws when its
     *     rows cannot be read (the file is then left unchanged)
     */
    public static void write(Snapshot snapshot, Path file) {
        requireNonNull(snapshot, "snapshot is null");
        Path target = file.toAbsolutePath();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                write(snapshot, out);
            }
            moveIntoPlace(temporary, target);
            temporary = null;
        } catch (IOException | UncheckedIOException e) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "cannot write snapshot " + file + ": " + reason(e), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Writes {@code snapshot} as a complete gzip stream to {@code out}; {@code out} is flushed but not closed.
     *
     * @throws UncheckedIOException when {@code out} fails
     */
    public static void write(Snapshot snapshot, OutputStream out) {
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(out, "out is null");
        try {
            // GZIPOutputStream writes a header with modification time 0 and no file name: deterministic.
            GZIPOutputStream gzip = new GZIPOutputStream(new NonClosingOutputStream(out), 1 << 16);
            try (JsonGenerator json = JSON.createGenerator(gzip)) {
                writeSnapshot(json, snapshot);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeSnapshot(JsonGenerator json, Snapshot snapshot) throws IOException {
        json.writeStartObject();
        json.writeStringField(SnapshotFormat.FORMAT_FIELD, SnapshotFormat.FORMAT);
        json.writeNumberField(SnapshotFormat.VERSION_FIELD, SnapshotFormat.VERSION);
        writePart(json, "source", snapshot.source());
        json.writeStringField("crm", snapshot.crm());
        json.writeStringField("asOf", snapshot.asOf().toString());
        writePart(json, "completeness", snapshot.completeness());
        writePart(json, "pipelines", snapshot.pipelines());
        writePart(json, "fields", snapshot.fields());
        writePart(json, "automations", snapshot.automations());
        writePart(json, "assignmentRules", snapshot.assignmentRules());
        writePart(json, "assignees", snapshot.assignees());
        writePart(json, "records", snapshot.records());
        writePart(json, SnapshotFormat.CHANGE_TRAIL_FIELD, snapshot.changeTrail());
        json.writeFieldName(SnapshotFormat.HISTORY_FIELD);
        writeHistory(json, snapshot.history());
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** One configuration part, encoded by databind from the model records. */
    private static void writePart(JsonGenerator json, String name, Object part) throws IOException {
        json.writeFieldName(name);
        SnapshotJson.MAPPER.writeValue(json, part);
    }

    private static void writeHistory(JsonGenerator json, StageHistory history) throws IOException {
        if (history == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField(SnapshotFormat.DESCRIPTION_FIELD, history.description());
        json.writeBooleanField(SnapshotFormat.SORTED_FIELD, history.sortedByRecord());
        json.writeArrayFieldStart(SnapshotFormat.ROWS_FIELD);
        HistoryRowWriter rows = new HistoryRowWriter(json);
        try {
            history.forEach(rows);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Writes rows as they stream by, remembering only the previous row's object. */
    private static final class HistoryRowWriter implements Consumer<StageEvent> {
        private final JsonGenerator json;
        private String object;

        HistoryRowWriter(JsonGenerator json) {
            this.json = json;
        }

        @Override
        public void accept(StageEvent event) {
            try {
                if (!event.object().equals(object)) {
                    object = event.object();
                    json.writeStartObject();
                    json.writeStringField(SnapshotFormat.OBJECT_FIELD, object);
                    json.writeEndObject();
                }
                json.writeStartArray();
                json.writeString(event.recordId());
                json.writeString(event.stage());
                writeInstant(json, event.at());
                writeDouble(json, event.amount());
                writeDate(json, event.closeDate());
                writeDouble(json, event.probability());
                writeForecastCategory(json, event.forecastCategory());
                json.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void writeInstant(JsonGenerator json, Instant at) throws IOException {
        if (at.getNano() % 1_000_000 == 0) {
            json.writeNumber(at.toEpochMilli());
        } else {
            json.writeString(at.toString());
        }
    }

    private static void writeDate(JsonGenerator json, LocalDate date) throws IOException {
        if (date == null) {
            json.writeNull();
        } else {
            json.writeString(date.toString());
        }
    }

    private static void writeDouble(JsonGenerator json, Double value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (Double.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeString(value.toString());
        }
    }

    private static void writeForecastCategory(JsonGenerator json, ForecastCategory category) throws IOException {
        if (category == null) {
            json.writeNull();
        } else {
            json.writeString(category.name());
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // The original failure is what the user needs to see; a leftover temp file is harmless.
            }
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        if (cause instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    /** Lets the gzip stream finish its trailer without closing the caller's stream. */
    private static final class NonClosingOutputStream extends FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
