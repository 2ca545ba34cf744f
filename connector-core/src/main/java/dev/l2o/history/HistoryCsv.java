package dev.l2o.history;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the history CSV readers share: the streaming reader, timestamps in both export flavours (parsed
 * without a formatter on the common shapes), header lookup and the unreadable-file error. Stateless.
 */
final class HistoryCsv {
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private HistoryCsv() {}

    /**
     * A timestamp as either export flavour writes it, or null when {@code text} is none: ISO 8601 with an offset
     * (API, Data Loader) or {@code 2026-03-01 10:15:30} in UTC (Data Export).
     */
    static Instant timestamp(String text) {
        Instant fast = fastTimestamp(text);
        if (fast != null) {
            return fast;
        }
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            TemporalAccessor parsed = TIMESTAMP.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset
                    ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The reason a malformed-row message gives for text {@link #timestamp} rejects. */
    static String notATimestamp(String text) {
        return "'" + text + "' is not a timestamp (expected 2026-03-01T10:15:30.000+0000 or 2026-03-01 10:15:30)";
    }

    /**
     * The two shapes exports write, parsed without a formatter ({@code 2026-03-01T10:15:30.000+0000} and
     * {@code 2026-03-01 10:15:30}), since history files run to millions of rows; null for anything else, which
     * the formatter then reads or rejects.
     */
    static Instant fastTimestamp(String text) {
        long nanos = fastEpochNanos(AsciiSlice.ofText(text));
        return nanos == NO_TIME ? null : instant(nanos);
    }

    /** The instant {@code nanos} nanoseconds after the epoch ({@link #fastEpochNanos}). */
    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /** Marks text that {@link #fastEpochNanos} leaves to the formatter. */
    static final long NO_TIME = Long.MIN_VALUE;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Nanoseconds a unit of the last digit of a fraction of {@code n} digits is worth (index: n, 1 to 9). */
    private static final int[] NANOS_PER_DIGIT = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
    /** Seconds whose nanoseconds fit a long (years 1678 to 2262); timestamps outside go to the formatter. */
    private static final long MAX_FAST_SECONDS = Long.MAX_VALUE / NANOS_PER_SECOND - 1;

    /**
     * {@link #fastTimestamp} as nanoseconds since the epoch, or {@link #NO_TIME}: the one reading of both shapes,
     * for a field's bytes in the file and for its text ({@link AsciiSlice#ofText}) alike.
     */
    static long fastEpochNanos(AsciiSlice text) {
        int length = text.length();
        if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(10) != 'T' && text.charAt(10) != ' ') {
            return NO_TIME;
        }
        long epochDay = fastEpochDay(text);
        int hour = twoDigits(text, 11);
        int minute = twoDigits(text, 14);
        int second = twoDigits(text, 17);
        if (epochDay == NO_DAY || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NO_TIME;
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
                return NO_TIME;
            }
            nanos = digits(text, start, count) * NANOS_PER_DIGIT[count];
        }
        // Only UTC offsets take the fast path; compared in place, since a substring a row adds up over millions.
        int rest = length - position;
        if (rest != 0 && !(rest == 1 && text.charAt(position) == 'Z')
                && !(rest == 5 && regionMatches(text, position, "+0000"))
                && !(rest == 6 && regionMatches(text, position, "+00:00"))) {
            return NO_TIME;
        }
        long seconds = epochDay * 86400 + hour * 3600L + minute * 60L + second;
        if (seconds > MAX_FAST_SECONDS || seconds < -MAX_FAST_SECONDS) {
            return NO_TIME;
        }
        return seconds * NANOS_PER_SECOND + nanos;
    }

    private static boolean regionMatches(AsciiSlice text, int start, String expected) {
        for (int i = 0; i < expected.length(); i++) {
            if (text.charAt(start + i) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Marks text that {@link #fastEpochDay} leaves to the formatter. */
    static final long NO_DAY = Long.MIN_VALUE;

    /**
     * The epoch day of a {@code yyyy-MM-dd} date at the start of {@code text} (a valid date, four-digit year), or
     * {@link #NO_DAY} for anything else. Computed without {@link LocalDate}, which parses through a formatter.
     */
    static long fastEpochDay(AsciiSlice text) {
        if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return NO_DAY;
        }
        int century = twoDigits(text, 0);
        int yearOfCentury = twoDigits(text, 2);
        int year = century * 100 + yearOfCentury;
        int month = twoDigits(text, 5);
        int day = twoDigits(text, 8);
        if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1
                || day > 28 && day > monthLength(year, month)) {
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

    /**
     * The two digits at {@code at}, or -1: straight-line code rather than {@link #digits}' loop, since C2 compiles a
     * loop at length and these parsers are compiled while the file is being read.
     */
    private static int twoDigits(AsciiSlice text, int at) {
        int tens = text.charAt(at) - '0';
        int units = text.charAt(at + 1) - '0';
        return tens < 0 || tens > 9 || units < 0 || units > 9 ? -1 : tens * 10 + units;
    }

    private static int digits(AsciiSlice text, int start, int count) {
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

    /**
     * The longest field a history file may have, in characters. Salesforce's longest text value is 131,072
     * characters; the limit keeps a file without line breaks (or with an unclosed quote) from being buffered whole.
     */
    static final int MAX_FIELD_CHARACTERS = 1 << 20;

    static CsvReader<CsvRecord> reader(Path file, Charset charset) throws IOException {
        return CsvReader.builder()
                .detectBomHeader(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .maxBufferSize(MAX_FIELD_CHARACTERS)
                .build(CsvRecordHandler.builder().maxFieldSize(MAX_FIELD_CHARACTERS).build(), file, charset);
    }

    /**
     * A CSV syntax error or limit as a one-line error naming the file and line. FastCSV states the reason in the
     * cause ("Exception when reading record that started in line 2" wraps "…maximum limit of 16384 fields").
     */
    static L2oException malformedCsv(String displayName, CsvParseException e) {
        return malformedCsv(displayName, e, ErrorCode.MALFORMED_HISTORY);
    }

    static L2oException malformedCsv(String displayName, CsvParseException e, ErrorCode code) {
        Throwable reason = e;
        while (reason.getCause() instanceof CsvParseException inner) {
            reason = inner;
        }
        String context = String.valueOf(e.getMessage());
        Matcher line = STARTING_LINE.matcher(context);
        String where = line.find() ? ":" + line.group(1) + ": " : context.contains("first record") ? ":1: " : ": ";
        String message = String.valueOf(reason.getMessage());
        String text = message.startsWith("The maximum buffer size")
                ? "a field is longer than " + MAX_FIELD_CHARACTERS + " characters (is a quote left open?)"
                : message.strip().replaceAll("\\s+", " ");
        return new L2oException(code, displayName + where + text);
    }

    private static final Pattern STARTING_LINE = Pattern.compile("started in line (\\d+)");

    /**
     * Streams the data rows of {@code file} (the header skipped) through {@code convert}, passing on the
     * non-null results; I/O and CSV syntax failures become one-line errors naming the file.
     */
    static <T> void forEachRow(Path file, Charset charset, String displayName,
            Function<CsvRecord, T> convert, Consumer<T> sink) {
        forEachRow(file, charset, displayName, 0, convert, sink);
    }

    /** As {@link #forEachRow(Path, Charset, String, Function, Consumer)}, skipping the first {@code skip} data rows. */
    static <T> void forEachRow(Path file, Charset charset, String displayName, long skip,
            Function<CsvRecord, T> convert, Consumer<T> sink) {
        try (CsvReader<CsvRecord> reader = reader(file, charset)) {
            long skipped = -1;
            for (CsvRecord record : reader) {
                if (skipped < skip) {
                    skipped++;
                    continue;
                }
                T row = convert.apply(record);
                if (row != null) {
                    sink.accept(row);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(displayName, e);
        } catch (CsvParseException e) {
            throw malformedCsv(displayName, e);
        }
    }

    /**
     * The header record of {@code file}, read as ISO 8859-1 (a character a byte), which tells ASCII from the rest
     * without knowing the file's charset; a header with other characters is read again in the file's charset. I/O
     * and CSV syntax failures become one-line errors naming the file.
     *
     * @param expected what the error for an empty file says the header should hold
     */
    static CsvRecord header(Path file, FileCharset charset, String displayName, String expected) {
        CsvRecord header = firstRecord(file, StandardCharsets.ISO_8859_1, displayName, expected);
        return header.getFields().stream().allMatch(FileCharset::isAscii) ? header
                : firstRecord(file, charset.get(), displayName, expected);
    }

    private static CsvRecord firstRecord(Path file, Charset charset, String displayName, String expected) {
        try (CsvReader<CsvRecord> reader = reader(file, charset)) {
            var iterator = reader.iterator();
            if (!iterator.hasNext()) {
                throw new L2oException(ErrorCode.MALFORMED_HISTORY, displayName
                        + ": the file is empty; expected a header row with " + expected);
            }
            return iterator.next();
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(displayName, e);
        } catch (CsvParseException e) {
            throw malformedCsv(displayName, e);
        }
    }

    /** The file's length in bytes, or -1 when it cannot be told (the read that follows reports why). */
    static long sizeBytes(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    static L2oException unreadable(String displayName, Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        return new L2oException(ErrorCode.UNREADABLE_FILE, displayName + ": cannot read the file: " + cause.getMessage(), e);
    }

    /** The position of the header column named {@code name} (ignoring case and surrounding blanks), or -1. */
    static int columnIndex(CsvRecord header, String name) {
        for (int i = 0; i < header.getFieldCount(); i++) {
            if (header.getField(i).trim().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
