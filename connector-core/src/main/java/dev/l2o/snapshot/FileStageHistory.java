package dev.l2o.snapshot;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The history of a snapshot file: every {@link #forEach} re-opens the file, skips to the history rows and
 * decodes them one at a time into the sink. Holds nothing but the file name.
 */
final class FileStageHistory implements StageHistory {
    private final Path file;
    private final String description;
    private final boolean sortedByRecord;
    private long rowsDecoded;

    FileStageHistory(Path file, String description, boolean sortedByRecord) {
        this.file = requireNonNull(file, "file is null");
        this.description = requireNonNull(description, "description is null");
        this.sortedByRecord = sortedByRecord;
    }

    @Override
    public void forEach(Consumer<StageEvent> sink) {
        requireNonNull(sink, "sink is null");
        try (SnapshotInput in = SnapshotInput.open(file)) {
            try {
                if (!skipToRows(in)) {
                    throw in.problem("the history rows are missing");
                }
                streamRows(in, sink);
            } catch (IOException e) {
                throw in.failure(e);
            }
        }
    }

    @Override
    public boolean sortedByRecord() {
        return sortedByRecord;
    }

    @Override
    public String description() {
        return description;
    }

    /** How many rows all calls of {@link #forEach} have decoded so far; lets tests prove reading is lazy. */
    long rowsDecoded() {
        return rowsDecoded;
    }

    private static boolean skipToRows(SnapshotInput in) throws IOException {
        JsonParser parser = in.parser();
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(SnapshotFormat.HISTORY_FIELD) && value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String inner = parser.currentName();
                    if (parser.nextToken() == JsonToken.START_ARRAY && inner.equals(SnapshotFormat.ROWS_FIELD)) {
                        return true;
                    }
                    parser.skipChildren();
                }
                return false;
            }
            parser.skipChildren();
        }
        return false;
    }

    private void streamRows(SnapshotInput in, Consumer<StageEvent> sink) throws IOException {
        JsonParser parser = in.parser();
        String object = null;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_OBJECT) {
                object = objectMarker(in);
                continue;
            }
            if (token != JsonToken.START_ARRAY) {
                throw in.problem("a history row is neither an array nor an object marker");
            }
            if (object == null) {
                throw in.problem("a history row comes before any {\"object\": …} marker");
            }
            StageEvent event = row(in, object);
            rowsDecoded++;
            // Outside any catch: what the sink throws is the caller's business and passes through untouched.
            sink.accept(event);
        }
    }

    private static String objectMarker(SnapshotInput in) throws IOException {
        JsonParser parser = in.parser();
        String object = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (parser.nextToken() == JsonToken.VALUE_STRING && name.equals(SnapshotFormat.OBJECT_FIELD)) {
                object = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        if (object == null) {
            throw in.problem("a history object marker has no \"object\"");
        }
        return object;
    }

    private static StageEvent row(SnapshotInput in, String object) throws IOException {
        JsonParser parser = in.parser();
        String recordId = requiredText(in, "record id");
        String stage = requiredText(in, "stage");
        Instant at = instant(in);
        Double amount = number(in, "amount");
        LocalDate closeDate = date(in);
        Double probability = number(in, "probability");
        ForecastCategory forecastCategory = forecastCategory(in);
        if (parser.nextToken() != JsonToken.END_ARRAY) {
            throw in.problem("a history row has more than 7 values");
        }
        return new StageEvent(object, recordId, stage, at, amount, closeDate, probability, forecastCategory);
    }

    private static String requiredText(SnapshotInput in, String what) throws IOException {
        if (in.parser().nextToken() != JsonToken.VALUE_STRING) {
            throw in.problem("the " + what + " of a history row is not a string");
        }
        return in.parser().getText();
    }

    private static Instant instant(SnapshotInput in) throws IOException {
        JsonParser parser = in.parser();
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return Instant.ofEpochMilli(parser.getLongValue());
        }
        if (token == JsonToken.VALUE_STRING) {
            try {
                return Instant.parse(parser.getText());
            } catch (DateTimeParseException e) {
                throw in.problem("the time of a history row is not an ISO-8601 instant: '" + parser.getText() + "'");
            }
        }
        throw in.problem("the time of a history row is neither epoch milliseconds nor an ISO-8601 instant");
    }

    private static Double number(SnapshotInput in, String what) throws IOException {
        JsonParser parser = in.parser();
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDoubleValue();
        }
        Double nonFinite = token == JsonToken.VALUE_STRING ? SnapshotFormat.nonFiniteDouble(parser.getText()) : null;
        if (nonFinite != null) {
            return nonFinite;
        }
        throw in.problem("the " + what + " of a history row is not a number");
    }

    private static LocalDate date(SnapshotInput in) throws IOException {
        JsonParser parser = in.parser();
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        String text = token == JsonToken.VALUE_STRING ? parser.getText() : String.valueOf(token);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw in.problem("the close date of a history row is not an ISO-8601 date: '" + text + "'");
        }
    }

    private static ForecastCategory forecastCategory(SnapshotInput in) throws IOException {
        JsonParser parser = in.parser();
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_STRING) {
            for (ForecastCategory category : ForecastCategory.values()) {
                if (category.name().equals(parser.getText())) {
                    return category;
                }
            }
        }
        throw in.problem("the forecast category of a history row is not one of " + Arrays.toString(ForecastCategory.values()));
    }

    @Override
    public String toString() {
        return "history of snapshot " + file;
    }
}
