package dev.l2o.history;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Opportunity stage history from a CSV file shaped like a Salesforce export of {@code OpportunityHistory}.
 *
 * <p>Columns are found by header name, ignoring case and order: {@code OpportunityId}, {@code StageName} and
 * {@code CreatedDate} are required; {@code Amount}, {@code Probability}, {@code CloseDate},
 * {@code ForecastCategory} and {@code IsDeleted} are read when present; any other column is ignored. Both
 * export flavours are read:
 * <ul>
 *   <li>Bulk API / Data Loader: UTF-8 (with or without a byte order mark), ISO 8601 timestamps with an
 *       offset ({@code 2026-03-01T10:15:30.000+0000}, {@code …Z}, with or without milliseconds), forecast
 *       categories as API values ({@code Forecast}, {@code BestCase});</li>
 *   <li>the weekly Data Export: Windows-1252, {@code 2026-03-01 10:15:30} timestamps in UTC, forecast
 *       categories as labels ({@code Commit}, {@code Best Case}).</li>
 * </ul>
 * The charset is decided once when the file is opened: valid UTF-8 is UTF-8, anything else Windows-1252.
 * Rows flagged {@code IsDeleted=true} are skipped. Rows keep the file's order ({@link #sortedByRecord()} is
 * false).
 *
 * <p>Nothing is held between calls: every {@link #forEach} reads the file again, one row at a time. Not
 * thread-safe. A malformed row raises {@link L2oException} ({@link ErrorCode#MALFORMED_HISTORY}) naming the
 * file, line and column; an unreadable file raises {@link ErrorCode#UNREADABLE_FILE}.
 */
public final class OpportunityHistoryCsv implements StageHistory {
    /** The object whose history this is. */
    public static final String OBJECT = "Opportunity";

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final ForecastCategory[] FORECAST_CATEGORIES = ForecastCategory.values();

    private final Path file;
    private final String displayName;
    private final Charset charset;
    private final Columns columns;

    private OpportunityHistoryCsv(Path file, String displayName, Charset charset, Columns columns) {
        this.file = file;
        this.displayName = displayName;
        this.charset = charset;
        this.columns = columns;
    }

    /**
     * Opens a history file: checks that it is readable, detects its charset and reads its header.
     *
     * @param file the CSV file
     * @param displayName how messages and reports name the file ({@code data/OpportunityHistory.csv})
     * @throws L2oException {@link ErrorCode#UNREADABLE_FILE} when the file cannot be read,
     *     {@link ErrorCode#MALFORMED_HISTORY} when the header lacks a required column
     */
    public static OpportunityHistoryCsv open(Path file, String displayName) {
        requireNonNull(file, "file is null");
        requireNonNull(displayName, "displayName is null");
        Charset charset = CsvCharset.detect(file, displayName);
        Columns columns;
        try (CsvReader<CsvRecord> reader = reader(file, charset)) {
            var iterator = reader.iterator();
            if (!iterator.hasNext()) {
                throw new L2oException(ErrorCode.MALFORMED_HISTORY, displayName
                        + ": the file is empty; expected a header row with OpportunityId, StageName, CreatedDate");
            }
            columns = Columns.of(iterator.next(), displayName);
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(displayName, e);
        } catch (CsvParseException e) {
            throw new L2oException(ErrorCode.MALFORMED_HISTORY, displayName + ":1: " + e.getMessage());
        }
        return new OpportunityHistoryCsv(file, displayName, charset, columns);
    }

    /** The charset the file is read with. */
    public Charset charset() {
        return charset;
    }

    @Override
    public void forEach(Consumer<StageEvent> sink) {
        requireNonNull(sink, "sink is null");
        try (CsvReader<CsvRecord> reader = reader(file, charset)) {
            boolean header = true;
            for (CsvRecord record : reader) {
                if (header) {
                    header = false;
                    continue;
                }
                StageEvent event = toEvent(record);
                if (event != null) {
                    sink.accept(event);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(displayName, e);
        } catch (CsvParseException e) {
            throw new L2oException(ErrorCode.MALFORMED_HISTORY, displayName + ": " + e.getMessage());
        }
    }

    @Override
    public String description() {
        return displayName;
    }

    private StageEvent toEvent(CsvRecord record) {
        long line = record.getStartingLineNumber();
        if (record.getFieldCount() != columns.width()) {
            throw new L2oException(ErrorCode.MALFORMED_HISTORY, displayName + ":" + line + ": the row has "
                    + record.getFieldCount() + " fields but the header has " + columns.width());
        }
        if (columns.isDeleted() >= 0 && Boolean.parseBoolean(record.getField(columns.isDeleted()).trim())) {
            return null;
        }
        String recordId = required(record, columns.opportunityId(), "OpportunityId");
        String stage = required(record, columns.stageName(), "StageName");
        Instant at = timestamp(record, required(record, columns.createdDate(), "CreatedDate"));
        return new StageEvent(OBJECT, recordId, stage, at,
                number(record, columns.amount(), "Amount"),
                date(record, columns.closeDate(), "CloseDate"),
                number(record, columns.probability(), "Probability"),
                forecastCategory(record, columns.forecastCategory()));
    }

    private String required(CsvRecord record, int index, String column) {
        String value = record.getField(index).trim();
        if (value.isEmpty()) {
            throw malformed(record, column, "is empty; every row needs " + column);
        }
        return value;
    }

    private Instant timestamp(CsvRecord record, String text) {
        Instant fast = fastTimestamp(text);
        if (fast != null) {
            return fast;
        }
        // The Data Export writes "2026-03-01 10:15:30" in UTC; the API writes ISO 8601 with an offset.
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            TemporalAccessor parsed = TIMESTAMP.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset
                    ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw malformed(record, "CreatedDate", "'" + text + "' is not a timestamp (expected 2026-03-01T10:15:30.000+0000 "
                    + "or 2026-03-01 10:15:30)");
        }
    }

    /**
     * The two shapes exports write, parsed without a formatter ({@code 2026-03-01T10:15:30.000+0000} and
     * {@code 2026-03-01 10:15:30}), since history files run to millions of rows; null for anything else, which
     * the formatter then reads or rejects.
     */
    static Instant fastTimestamp(String text) {
        int length = text.length();
        if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(10) != 'T' && text.charAt(10) != ' ') {
            return null;
        }
        long epochDay = fastEpochDay(text);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (epochDay == NO_DAY || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int position = 19;
        int nanos = 0;
        if (position < length && text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
                position++;
            }
            int count = position - start;
            if (count == 0 || count > 9) {
                return null;
            }
            nanos = digits(text, start, count);
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        // Only UTC offsets take the fast path; compared in place, since a substring a row adds up over millions.
        int rest = length - position;
        if (rest != 0 && !(rest == 1 && text.charAt(position) == 'Z')
                && !(rest == 5 && text.startsWith("+0000", position))
                && !(rest == 6 && text.startsWith("+00:00", position))) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86400 + hour * 3600L + minute * 60L + second, nanos);
    }

    /** Marks text that {@link #fastEpochDay} leaves to the formatter. */
    static final long NO_DAY = Long.MIN_VALUE;

    /**
     * The epoch day of a {@code yyyy-MM-dd} date at the start of {@code text} (a valid date, four-digit year), or
     * {@link #NO_DAY} for anything else. Computed without {@link LocalDate}, which parses through a formatter.
     */
    static long fastEpochDay(String text) {
        if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return NO_DAY;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > monthLength(year, month)) {
            return NO_DAY;
        }
        // LocalDate.toEpochDay's arithmetic (proleptic Gregorian calendar, 1970-01-01 is day 0).
        long y = year;
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!IsoChronology.INSTANCE.isLeapYear(year)) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }

    private static final long DAYS_0000_TO_1970 = (146097 * 5L) - (30L * 365L + 7L);

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> IsoChronology.INSTANCE.isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private Double number(CsvRecord record, int index, String column) {
        if (index < 0) {
            return null;
        }
        String text = record.getField(index).trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw malformed(record, column, "'" + text + "' is not a number");
        }
    }

    private LocalDate date(CsvRecord record, int index, String column) {
        if (index < 0) {
            return null;
        }
        String text = record.getField(index).trim();
        if (text.isEmpty()) {
            return null;
        }
        // Some exports write a date-time here; the date part is what Salesforce stores.
        long epochDay = fastEpochDay(text);
        if (epochDay != NO_DAY) {
            return LocalDate.ofEpochDay(epochDay);
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw malformed(record, column, "'" + text + "' is not a date (expected 2026-03-01)");
        }
    }

    private ForecastCategory forecastCategory(CsvRecord record, int index) {
        if (index < 0) {
            return null;
        }
        String text = record.getField(index).trim();
        if (text.isEmpty()) {
            return null;
        }
        // Exports repeat a handful of API values; an exact match skips parse's normalising copies of the text.
        for (ForecastCategory category : FORECAST_CATEGORIES) {
            if (category.blueprintName().equals(text)) {
                return category;
            }
        }
        return ForecastCategory.parse(text).orElseThrow(() -> malformed(record, "ForecastCategory",
                "'" + text + "' is not a forecast category (Pipeline, Best Case, Commit, Closed, Omitted or an API value)"));
    }

    private L2oException malformed(CsvRecord record, String column, String reason) {
        return new L2oException(ErrorCode.MALFORMED_HISTORY,
                displayName + ":" + record.getStartingLineNumber() + ": column " + column + ": " + reason);
    }

    private static CsvReader<CsvRecord> reader(Path file, Charset charset) throws IOException {
        return CsvReader.builder()
                .detectBomHeader(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofCsvRecord(file, charset);
    }

    static L2oException unreadable(String displayName, Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        return new L2oException(ErrorCode.UNREADABLE_FILE, displayName + ": cannot read the file: " + cause.getMessage(), e);
    }

    /** Header positions; -1 for an optional column that is absent. */
    private record Columns(int width, int opportunityId, int stageName, int createdDate, int amount, int probability,
            int closeDate, int forecastCategory, int isDeleted) {
        static Columns of(CsvRecord header, String displayName) {
            int width = header.getFieldCount();
            return new Columns(width,
                    requiredIndex(header, "OpportunityId", displayName),
                    requiredIndex(header, "StageName", displayName),
                    requiredIndex(header, "CreatedDate", displayName),
                    index(header, "Amount"),
                    index(header, "Probability"),
                    index(header, "CloseDate"),
                    index(header, "ForecastCategory"),
                    index(header, "IsDeleted"));
        }

        private static int requiredIndex(CsvRecord header, String name, String displayName) {
            int index = index(header, name);
            if (index < 0) {
                throw new L2oException(ErrorCode.MALFORMED_HISTORY, displayName + ":" + header.getStartingLineNumber()
                        + ": the header has no column " + name + " (required: OpportunityId, StageName, CreatedDate)");
            }
            return index;
        }

        private static int index(CsvRecord header, String name) {
            for (int i = 0; i < header.getFieldCount(); i++) {
                if (header.getField(i).trim().equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
