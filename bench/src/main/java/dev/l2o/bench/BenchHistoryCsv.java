package dev.l2o.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The bench's own streaming reader of the generated OpportunityHistory.csv (fastcsv), used until
 * {@code dev.l2o.history.OpportunityHistoryCsv} is merged into connector-core. It reads only what the metrics
 * need, parses the Bulk API timestamp ({@code 2024-03-01T10:15:30.000+0000}) arithmetically, and keeps
 * nothing between rows.
 */
final class BenchHistoryCsv implements StageHistory {
    private final Path file;

    BenchHistoryCsv(Path file) {
        this.file = file;
    }

    @Override
    public void forEach(Consumer<StageEvent> sink) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            int record = -1;
            int stage = -1;
            int created = -1;
            int amount = -1;
            int closeDate = -1;
            boolean header = true;
            for (CsvRecord row : reader) {
                if (header) {
                    List<String> names = row.getFields().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
                    record = names.indexOf("opportunityid");
                    stage = names.indexOf("stagename");
                    created = names.indexOf("createddate");
                    amount = names.indexOf("amount");
                    closeDate = names.indexOf("closedate");
                    header = false;
                    continue;
                }
                String amountText = amount < 0 ? "" : row.getField(amount);
                String closeText = closeDate < 0 ? "" : row.getField(closeDate);
                sink.accept(new StageEvent("Opportunity", row.getField(record), row.getField(stage),
                        Instant.ofEpochMilli(epochMillis(row.getField(created))),
                        amountText.isEmpty() ? null : Double.valueOf(amountText),
                        closeText.isEmpty() ? null : LocalDate.ofEpochDay(epochDay(closeText, 0)), null, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String description() {
        return file.getFileName().toString();
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.SSS](Z|+HHmm|+HH:mm)} as epoch milliseconds. */
    static long epochMillis(String text) {
        long day = epochDay(text, 0);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int position = 19;
        int millis = 0;
        if (position < text.length() && text.charAt(position) == '.') {
            millis = digits(text, 20, 3);
            position = 23;
        }
        int offsetMinutes = 0;
        if (position < text.length() && text.charAt(position) != 'Z') {
            int sign = text.charAt(position) == '-' ? -1 : 1;
            int hours = digits(text, position + 1, 2);
            int minutes = digits(text, text.charAt(position + 3) == ':' ? position + 4 : position + 3, 2);
            offsetMinutes = sign * (hours * 60 + minutes);
        }
        return ((day * 24 + hour) * 60 + minute - offsetMinutes) * 60_000L + second * 1000L + millis;
    }

    /** Days since 1970-01-01 of the {@code yyyy-MM-dd} at {@code start} (Howard Hinnant's days_from_civil). */
    static long epochDay(String text, int start) {
        int year = digits(text, start, 4);
        int month = digits(text, start + 5, 2);
        int day = digits(text, start + 8, 2);
        year -= month <= 2 ? 1 : 0;
        int era = (year >= 0 ? year : year - 399) / 400;
        int yearOfEra = year - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a timestamp: " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
