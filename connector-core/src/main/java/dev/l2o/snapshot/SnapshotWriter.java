package dev.l2o.snapshot;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.Assignee;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Automation;
import dev.l2o.model.Completeness;
import dev.l2o.model.Criterion;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.FieldDef;
import dev.l2o.model.FieldRequirement;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.RuleEntry;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import dev.l2o.model.Stage;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
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
    private static final JsonFactory JSON = JsonFactory.builder().build();

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
        json.writeFieldName("source");
        writeSource(json, snapshot.source());
        json.writeStringField("crm", snapshot.crm());
        json.writeStringField("asOf", snapshot.asOf().toString());
        json.writeFieldName("completeness");
        writeCompleteness(json, snapshot.completeness());
        writeArray(json, "pipelines", snapshot.pipelines(), SnapshotWriter::writePipeline);
        writeArray(json, "fields", snapshot.fields(), SnapshotWriter::writeField);
        writeArray(json, "automations", snapshot.automations(), SnapshotWriter::writeAutomation);
        writeArray(json, "assignmentRules", snapshot.assignmentRules(), SnapshotWriter::writeAssignmentRule);
        writeArray(json, "assignees", snapshot.assignees(), SnapshotWriter::writeAssignee);
        writeArray(json, "records", snapshot.records(), SnapshotWriter::writeRecord);
        json.writeFieldName(SnapshotFormat.HISTORY_FIELD);
        writeHistory(json, snapshot.history());
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private static void writeSource(JsonGenerator json, SourceInfo source) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", source.type());
        json.writeStringField("location", source.location());
        writeStringMap(json, "attributes", source.attributes());
        json.writeEndObject();
    }

    private static void writeCompleteness(JsonGenerator json, Completeness completeness) throws IOException {
        json.writeStartObject();
        json.writeBooleanField("complete", completeness.complete());
        writeStrings(json, "reasons", completeness.reasons());
        json.writeEndObject();
    }

    private static void writePipeline(JsonGenerator json, Pipeline pipeline) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", pipeline.id());
        json.writeStringField("label", pipeline.label());
        json.writeStringField("object", pipeline.object());
        json.writeBooleanField("isDefault", pipeline.isDefault());
        writeRef(json, pipeline.ref());
        writeArray(json, "stages", pipeline.stages(), SnapshotWriter::writeStage);
        json.writeEndObject();
    }

    private static void writeStage(JsonGenerator json, Stage stage) throws IOException {
        json.writeStartObject();
        json.writeStringField("apiName", stage.apiName());
        json.writeStringField("label", stage.label());
        json.writeNumberField("order", stage.order());
        json.writeFieldName("probability");
        writeDouble(json, stage.probability());
        json.writeFieldName("forecastCategory");
        writeForecastCategory(json, stage.forecastCategory());
        json.writeBooleanField("closed", stage.closed());
        json.writeBooleanField("won", stage.won());
        json.writeBooleanField("converted", stage.converted());
        json.writeBooleanField("active", stage.active());
        writeRef(json, stage.ref());
        writeStringMap(json, "attributes", stage.attributes());
        json.writeEndObject();
    }

    private static void writeField(JsonGenerator json, FieldDef field) throws IOException {
        json.writeStartObject();
        json.writeStringField("object", field.object());
        json.writeStringField("name", field.name());
        json.writeStringField("label", field.label());
        json.writeStringField("type", field.type());
        json.writeBooleanField("required", field.required());
        json.writeBooleanField("custom", field.custom());
        writeStrings(json, "values", field.values());
        json.writeStringField("valueSetName", field.valueSetName());
        json.writeStringField("formula", field.formula());
        json.writeBooleanField("historyTracked", field.historyTracked());
        writeRef(json, field.ref());
        json.writeEndObject();
    }

    private static void writeAutomation(JsonGenerator json, Automation automation) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", automation.kind().name());
        json.writeStringField("name", automation.name());
        json.writeStringField("label", automation.label());
        json.writeStringField("object", automation.object());
        json.writeBooleanField("active", automation.active());
        json.writeStringField("trigger", automation.trigger());
        writeStrings(json, "fieldsReferenced", automation.fieldsReferenced());
        writeStrings(json, "fieldsWritten", automation.fieldsWritten());
        writeArray(json, "requirements", automation.requirements(), SnapshotWriter::writeRequirement);
        writeArray(json, "assignees", automation.assignees(), SnapshotWriter::writeAssignee);
        json.writeStringField("expression", automation.expression());
        writeRef(json, automation.ref());
        writeStringMap(json, "attributes", automation.attributes());
        json.writeEndObject();
    }

    private static void writeAssignmentRule(JsonGenerator json, AssignmentRule rule) throws IOException {
        json.writeStartObject();
        json.writeStringField("object", rule.object());
        json.writeStringField("name", rule.name());
        json.writeBooleanField("active", rule.active());
        writeArray(json, "entries", rule.entries(), SnapshotWriter::writeRuleEntry);
        writeRef(json, rule.ref());
        json.writeEndObject();
    }

    private static void writeRuleEntry(JsonGenerator json, RuleEntry entry) throws IOException {
        json.writeStartObject();
        json.writeNumberField("order", entry.order());
        writeArray(json, "criteria", entry.criteria(), SnapshotWriter::writeCriterion);
        json.writeStringField("booleanFilter", entry.booleanFilter());
        json.writeStringField("formula", entry.formula());
        json.writeFieldName("assignee");
        if (entry.assignee() == null) {
            json.writeNull();
        } else {
            writeAssignee(json, entry.assignee());
        }
        json.writeEndObject();
    }

    private static void writeCriterion(JsonGenerator json, Criterion criterion) throws IOException {
        json.writeStartObject();
        json.writeStringField("field", criterion.field());
        json.writeStringField("operation", criterion.operation());
        writeStrings(json, "values", criterion.values());
        json.writeEndObject();
    }

    private static void writeRequirement(JsonGenerator json, FieldRequirement requirement) throws IOException {
        json.writeStartObject();
        json.writeStringField("field", requirement.field());
        writeStrings(json, "stages", requirement.stages());
        json.writeEndObject();
    }

    private static void writeAssignee(JsonGenerator json, Assignee assignee) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", assignee.kind().name());
        json.writeStringField("name", assignee.name());
        json.writeStringField("label", assignee.label());
        json.writeEndObject();
    }

    private static void writeRecord(JsonGenerator json, CrmRecord record) throws IOException {
        json.writeStartObject();
        json.writeStringField("object", record.object());
        json.writeStringField("id", record.id());
        json.writeObjectFieldStart("values");
        for (Map.Entry<String, Object> entry : record.values().entrySet()) {
            json.writeFieldName(entry.getKey());
            writeRecordValue(json, entry.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeRecordValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Double number && Double.isFinite(number)) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            // A bare "NaN" string would read back as text; the wrapper keeps the value a Double.
            json.writeStartObject();
            json.writeStringField(SnapshotFormat.DOUBLE_FIELD, number.toString());
            json.writeEndObject();
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else {
            throw new IllegalArgumentException("unsupported record value type " + value.getClass().getName());
        }
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
    private static final class HistoryRowWriter implements java.util.function.Consumer<StageEvent> {
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

    private static void writeRef(JsonGenerator json, ResourceRef ref) throws IOException {
        json.writeObjectFieldStart("ref");
        json.writeStringField("crm", ref.crm());
        json.writeStringField("path", ref.path());
        json.writeStringField("file", ref.file());
        json.writeNumberField("line", ref.line());
        json.writeEndObject();
    }

    /** Writes one value; the generator's {@link IOException} passes through. */
    private interface Encoder<T> {
        void write(JsonGenerator json, T value) throws IOException;
    }

    private static <T> void writeArray(JsonGenerator json, String name, Collection<T> values, Encoder<T> encoder)
            throws IOException {
        json.writeArrayFieldStart(name);
        for (T value : values) {
            encoder.write(json, value);
        }
        json.writeEndArray();
    }

    private static void writeStrings(JsonGenerator json, String name, Collection<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void writeStringMap(JsonGenerator json, String name, Map<String, String> map) throws IOException {
        json.writeObjectFieldStart(name);
        // The model keeps these maps sorted, so iteration order is deterministic.
        for (Map.Entry<String, String> entry : map.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
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
        if (cause instanceof java.nio.file.NoSuchFileException) {
            return "no such directory";
        }
        if (cause instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    /** Lets the gzip stream finish its trailer without closing the caller's stream. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
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
