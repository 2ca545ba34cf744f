package dev.l2o.snapshot;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.Assignee;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Automation;
import dev.l2o.model.ChangeTrail;
import dev.l2o.model.Completeness;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.FieldDef;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads files written by {@link SnapshotWriter} (gzip-compressed, or plain JSON for hand-made fixtures).
 *
 * <p>The configuration is read into records at once. The history is not: the returned snapshot's
 * {@link Snapshot#history()} re-opens the file on every {@code forEach} and streams its rows, so a snapshot
 * with millions of rows needs no more memory than one without. The whole file is nevertheless checked while
 * reading (every row is parsed as JSON, and the gzip checksum verified), so a truncated or corrupt file
 * fails here rather than in the middle of an audit. Stateless and thread-safe.
 */
public final class SnapshotReader {
    private SnapshotReader() {}

    /**
     * Reads the snapshot in {@code file}.
     *
     * @throws L2oException UNREADABLE_FILE when the file is missing or unreadable; BAD_SNAPSHOT when it is not
     *     a snapshot, is of a newer format version, or is truncated or corrupt (the message names the file and,
     *     where known, line and column)
     */
    public static Snapshot read(Path file) {
        try (SnapshotInput in = SnapshotInput.open(file)) {
            try {
                return read(in);
            } catch (IOException e) {
                throw in.failure(e);
            }
        }
    }

    private static Snapshot read(SnapshotInput in) throws IOException {
        JsonParser parser = in.parser();
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new L2oException(ErrorCode.BAD_SNAPSHOT, "snapshot " + in.file() + " is empty");
        }
        if (first != JsonToken.START_OBJECT) {
            throw in.problem("not an l2o snapshot (it is not a JSON object)");
        }
        checkFormat(in);
        Parts parts = new Parts();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            readPart(in, name, parts);
        }
        if (parser.nextToken() != null) {
            throw in.problem("unexpected content after the snapshot");
        }
        return parts.snapshot(in);
    }

    private static void checkFormat(SnapshotInput in) throws IOException {
        JsonParser parser = in.parser();
        if (parser.nextToken() != JsonToken.FIELD_NAME || !SnapshotFormat.FORMAT_FIELD.equals(parser.currentName())
                || parser.nextToken() != JsonToken.VALUE_STRING || !SnapshotFormat.FORMAT.equals(parser.getText())) {
            throw in.problem("not an l2o snapshot (it does not start with \"format\": \"" + SnapshotFormat.FORMAT + "\")");
        }
        if (parser.nextToken() != JsonToken.FIELD_NAME || !SnapshotFormat.VERSION_FIELD.equals(parser.currentName())
                || parser.nextToken() != JsonToken.VALUE_NUMBER_INT) {
            throw in.problem("the format version is missing");
        }
        long version = parser.getLongValue();
        if (version > SnapshotFormat.VERSION) {
            throw new L2oException(ErrorCode.BAD_SNAPSHOT, "snapshot " + in.file() + " has format version " + version
                    + ", but this l2o reads version " + SnapshotFormat.VERSION
                    + " only: upgrade l2o, or take the snapshot again with this version");
        }
        if (version < 1) {
            throw in.problem("unknown format version " + version);
        }
    }

    private static void readPart(SnapshotInput in, String name, Parts parts) throws IOException {
        switch (name) {
            case "source" -> parts.source = decode(in, name, SourceInfo.class);
            case "crm" -> parts.crm = text(in, name);
            case "asOf" -> parts.asOf = instant(in, name);
            case "completeness" -> parts.completeness = decode(in, name, Completeness.class);
            case "pipelines" -> parts.pipelines = decodeAll(in, name, Pipeline.class);
            case "fields" -> parts.fields = decodeAll(in, name, FieldDef.class);
            case "automations" -> parts.automations = decodeAll(in, name, Automation.class);
            case "assignmentRules" -> parts.assignmentRules = decodeAll(in, name, AssignmentRule.class);
            case "assignees" -> parts.assignees = decodeAll(in, name, Assignee.class);
            case "records" -> parts.records = decodeAll(in, name, CrmRecord.class);
            case SnapshotFormat.CHANGE_TRAIL_FIELD -> parts.changeTrail = decode(in, name, ChangeTrail.class);
            case SnapshotFormat.HISTORY_FIELD -> {
                parts.historyPresent = true;
                parts.history = readHistoryHeader(in);
            }
            // Later releases may add parts within version 1; a reader that does not know them skips them.
            default -> in.parser().skipChildren();
        }
    }

    private static String text(SnapshotInput in, String name) throws IOException {
        if (in.parser().currentToken() != JsonToken.VALUE_STRING) {
            throw in.problem(name + " is not a string");
        }
        return in.parser().getText();
    }

    private static Instant instant(SnapshotInput in, String name) throws IOException {
        String text = text(in, name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw in.problem(name + " is not an ISO-8601 instant: '" + text + "'");
        }
    }

    /** Decodes one part with databind straight from the stream; a value that does not fit is reported by its path. */
    private static <T> T decode(SnapshotInput in, String path, Class<T> type) throws IOException {
        JsonLocation start = in.parser().currentTokenLocation();
        if (in.parser().currentToken() != JsonToken.START_OBJECT) {
            throw in.problem(start, path + " is not an object");
        }
        try {
            return SnapshotJson.MAPPER.readValue(in.parser(), type);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof IOException reading && !(reading instanceof JsonProcessingException)) {
                throw reading; // the file, not the value: truncated or corrupt
            }
            throw in.problem(e.getLocation() == null ? start : e.getLocation(), SnapshotJson.describe(e, path));
        }
    }

    /** Decodes an array one element at a time, so only one element is ever held as a tree. */
    private static <T> List<T> decodeAll(SnapshotInput in, String name, Class<T> type) throws IOException {
        JsonParser parser = in.parser();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw in.problem(name + " is not an array");
        }
        List<T> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(decode(in, name + "[" + values.size() + "]", type));
        }
        return values;
    }

    private static FileStageHistory readHistoryHeader(SnapshotInput in) throws IOException {
        JsonParser parser = in.parser();
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw in.problem("history is not an object");
        }
        String description = null;
        boolean sorted = false;
        boolean rows = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case SnapshotFormat.DESCRIPTION_FIELD -> description = text(in, "history.description");
                case SnapshotFormat.SORTED_FIELD -> {
                    if (!parser.currentToken().isBoolean()) {
                        throw in.problem("history.sortedByRecord is not true or false");
                    }
                    sorted = parser.getBooleanValue();
                }
                case SnapshotFormat.ROWS_FIELD -> {
                    checkRows(in);
                    rows = true;
                }
                default -> parser.skipChildren();
            }
        }
        if (description == null || !rows) {
            throw in.problem("history." + (description == null ? "description" : "rows") + " is missing");
        }
        return new FileStageHistory(in.file(), description, sorted);
    }

    /**
     * Parses the rows as JSON without decoding them: finds truncation and corruption now, and verifies the gzip
     * checksum, without holding anything.
     */
    private static void checkRows(SnapshotInput in) throws IOException {
        JsonParser parser = in.parser();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw in.problem("history.rows is not an array");
        }
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_ARRAY && token != JsonToken.START_OBJECT) {
                throw in.problem("a history row is neither an array nor an object marker");
            }
            parser.skipChildren();
        }
    }

    /** The parts as they are read, in whatever order the file has them. */
    private static final class Parts {
        SourceInfo source;
        String crm;
        Instant asOf;
        Completeness completeness;
        List<Pipeline> pipelines = List.of();
        List<FieldDef> fields = List.of();
        List<Automation> automations = List.of();
        List<AssignmentRule> assignmentRules = List.of();
        List<Assignee> assignees = List.of();
        List<CrmRecord> records = List.of();
        ChangeTrail changeTrail = ChangeTrail.none(SnapshotFormat.NO_CHANGE_TRAIL_IN_FILE);
        boolean historyPresent;
        FileStageHistory history;

        Snapshot snapshot(SnapshotInput in) {
            String missing = source == null ? "source" : crm == null ? "crm" : asOf == null ? "asOf"
                    : completeness == null ? "completeness" : !historyPresent ? "history" : null;
            if (missing != null) {
                throw new L2oException(ErrorCode.BAD_SNAPSHOT, "snapshot " + in.file() + ": " + missing + " is missing");
            }
            return new Snapshot(source, crm, asOf, completeness, pipelines, fields, automations, assignmentRules,
                    assignees, records, history, changeTrail);
        }
    }
}
