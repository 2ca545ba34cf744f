package dev.l2o.hubspot.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a deal's {@code propertiesWithHistory.dealstage} array into time-ordered rows. Each entry is
 * {@code {value, timestamp, sourceType, sourceId?, updatedByUserId?}} (spec {@code ValueWithTimestamp}); HubSpot
 * sends them newest first but promises no order, so rows are sorted by timestamp. Ties keep the oldest-first
 * reading of HubSpot's order (the array reversed). Exact duplicates (same stage, same instant) are dropped;
 * later rows repeating the stage are kept, since the stage-metrics definition merges them into one stay.
 * Entries without a value (the stage was cleared) carry no stage and are dropped.
 */
final class StageHistoryRows {
    private StageHistoryRows() {}

    /** One row: the deal was in {@code stage} from {@code epochMillis}. */
    record Row(String stage, long epochMillis) {}

    /** The parsed rows and the number of entries whose timestamp could not be read. */
    record Parsed(List<Row> rows, int unreadable) {}

    static Parsed parse(JsonNode history) {
        List<Row> rows = new ArrayList<>();
        int unreadable = 0;
        for (int i = history.size() - 1; i >= 0; i--) {
            JsonNode entry = history.get(i);
            JsonNode value = entry.path("value");
            if (!value.isTextual() || value.asText().isEmpty()) {
                continue;
            }
            Long at = epochMillis(entry.path("timestamp"));
            if (at == null) {
                unreadable++;
                continue;
            }
            rows.add(new Row(value.asText(), at));
        }
        rows.sort(Comparator.comparingLong(Row::epochMillis)); // stable: ties keep their order
        List<Row> distinct = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (!distinct.contains(row)) {
                distinct.add(row);
            }
        }
        return new Parsed(distinct, unreadable);
    }

    private static Long epochMillis(JsonNode timestamp) {
        if (timestamp.isNumber()) {
            return timestamp.asLong();
        }
        if (!timestamp.isTextual()) {
            return null;
        }
        String text = timestamp.asText().trim();
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException notEpoch) {
                return null;
            }
        }
    }
}
