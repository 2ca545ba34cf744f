package dev.l2o.history;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.StageEvent;
import dev.l2o.model.ByteStageHistory;
import dev.l2o.model.StageRowSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
 * The charset is decided once, when a text outside ASCII is first decoded: valid UTF-8 is UTF-8, anything else
 * Windows-1252.
 * Rows flagged {@code IsDeleted=true} are skipped. Rows keep the file's order ({@link #sortedByRecord()} is
 * false).
 *
 * <p>Nothing is held between calls but the spellings of forecast categories met: every {@link #forEach} reads the
 * file again, one row at a time. Not thread-safe. A malformed row raises {@link L2oException}
 * ({@link ErrorCode#MALFORMED_HISTORY}) naming the file, line and column; an unreadable file raises
 * {@link ErrorCode#UNREADABLE_FILE}.
 */
public final class OpportunityHistoryCsv implements ByteStageHistory {
    /** The object whose history this is. */
    public static final String OBJECT = "Opportunity";

    private final Path file;
    private final String displayName;
    private final FileCharset charset;
    private final Columns columns;
    private final int blockBytes;
    /** Forecast category texts met by {@link #toEvent}: a handful, compared faster than a map hashes a new text. */
    private volatile ForecastSpelling[] forecastSpellings = new ForecastSpelling[0];
    /** Spellings of forecast categories remembered at most (API values, labels, their cases). */
    private static final int MAX_FORECAST_SPELLINGS = 16;

    private OpportunityHistoryCsv(Path file, String displayName, FileCharset charset, Columns columns, int blockBytes) {
        this.file = file;
        this.displayName = displayName;
        this.charset = charset;
        this.columns = columns;
        this.blockBytes = blockBytes;
    }

    /**
     * Opens a history file: checks that it is readable and reads its header (the charset is detected when a text
     * outside ASCII needs it).
     *
     * @param file the CSV file
     * @param displayName how messages and reports name the file ({@code data/OpportunityHistory.csv})
     * @throws L2oException {@link ErrorCode#UNREADABLE_FILE} when the file cannot be read,
     *     {@link ErrorCode#MALFORMED_HISTORY} when the header lacks a required column
     */
    public static OpportunityHistoryCsv open(Path file, String displayName) {
        requireNonNull(file, "file is null");
        requireNonNull(displayName, "displayName is null");
        FileCharset charset = new FileCharset(file, displayName);
        Columns columns = Columns.of(HistoryCsv.header(file, charset, displayName, "OpportunityId, StageName, CreatedDate"),
                displayName);
        return new OpportunityHistoryCsv(file, displayName, charset, columns, ParallelRows.BLOCK_BYTES);
    }

    /** This history read by {@link #forEachRow} in blocks of {@code bytes} (tests cut small files in many blocks). */
    OpportunityHistoryCsv withBlockBytes(int bytes) {
        return new OpportunityHistoryCsv(file, displayName, charset, columns, bytes);
    }

    /** The charset the file is read with (detected now, if no text needed it yet). */
    public Charset charset() {
        return charset.get();
    }

    @Override
    public String decode(byte[] bytes, int from, int to) {
        return charset.decode(bytes, from, to);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String object() {
        return OBJECT;
    }

    /**
     * Reads the file as {@link #forEachRow} does, every record converted by {@link #toEvent} (in the block readers'
     * threads for a large file): the events and errors of FastCSV's reading ({@link #forEachViaFastCsv}), on more
     * than one core.
     */
    @Override
    public void forEach(Consumer<StageEvent> sink) {
        requireNonNull(sink, "sink is null");
        read(EventRows::new, new StageRowSink() {
            @Override
            public void row(byte[] bytes, int recordIdFrom, int recordIdTo, int stageFrom, int stageTo, long epochMillis,
                    double amount, int closeEpochDay) {
                throw new IllegalStateException("events are read as events only");
            }

            @Override
            public void event(StageEvent event) {
                sink.accept(event);
            }
        });
    }

    /** {@link #forEach} with FastCSV reading every record: what the byte readers must equal (tests compare them). */
    void forEachViaFastCsv(Consumer<StageEvent> sink) {
        HistoryCsv.forEachRow(file, charset.get(), displayName, this::toEvent, sink);
    }

    /**
     * Reads the file's bytes with {@link CsvBytes}, a large file in blocks on two threads ({@link ParallelRows}) as
     * long as its rows are regular. A row whose fields all have the common shapes (a plain id and stage, the fast
     * timestamp and close-date shapes, plain decimals, a forecast category once checked) goes to the sink as bytes;
     * any other row is converted by {@link #toEvent}, as {@link #forEach} converts it, which also gives its error.
     * From the first record {@link CsvBytes} leaves to FastCSV on, FastCSV reads the rest of the file.
     */
    @Override
    public void forEachRow(StageRowSink sink) {
        requireNonNull(sink, "sink is null");
        read(FastRows::new, sink);
    }

    /** Reads every record with a reader from {@code readers} (one a thread), {@link #toEvent} for what it declines. */
    private void read(Supplier<ParallelRows.RowReader> readers, StageRowSink sink) {
        long rows = 0;
        try (CsvBytes in = CsvBytes.open(file, charset)) {
            // The header was checked by open(); a header CsvBytes cannot read leaves the whole file to FastCSV.
            if (in.next() == CsvBytes.RECORD) {
                ParallelRows.Resume resume = new ParallelRows.Resume(in.offset(), in.nextLine(), 0);
                long size = in.channel().size();
                if (ParallelRows.worthwhile(size, blockBytes)) {
                    resume = ParallelRows.read(in.channel(), charset, size, resume, blockBytes, readers, sink);
                    if (resume == null) {
                        return;
                    }
                }
                rows = sequential(in, resume, readers.get(), sink);
                if (rows < 0) {
                    return;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw HistoryCsv.unreadable(displayName, e);
        }
        HistoryCsv.forEachRow(file, charset.get(), displayName, rows, this::toEvent, sink::event);
    }

    /**
     * Reads on from {@code resume} one record at a time; returns -1 at the end of the file, else the number of data
     * records before the first one {@link CsvBytes} leaves to FastCSV.
     */
    private long sequential(CsvBytes header, ParallelRows.Resume resume, ParallelRows.RowReader reader, StageRowSink sink)
            throws IOException {
        CsvBytes in = header.offset() == resume.offset() ? header
                : CsvBytes.at(header.channel(), charset, resume.offset(), resume.line(),
                        new byte[2 * CsvBytes.MAX_RECORD_BYTES], true);
        long rows = resume.records();
        int status;
        while ((status = in.next()) == CsvBytes.RECORD) {
            rows++;
            if (!reader.take(in, sink)) {
                StageEvent event = toEvent(in);
                if (event != null) {
                    sink.event(event);
                }
            }
        }
        return status == CsvBytes.END ? -1 : rows;
    }

    @Override
    public long sizeBytes() {
        return HistoryCsv.sizeBytes(file);
    }

    @Override
    public String description() {
        return displayName;
    }

    /**
     * Hands a row of the common shapes to {@code sink} as bytes, or skips it when deleted; false, with nothing
     * handed over, when a field needs {@link #toEvent}, which reads it or rejects it with the one error message.
     * Probability and forecast category are checked, not passed on as a row; {@link #event} makes the row's event.
     */
    private final class FastRows implements ParallelRows.RowReader {
        private final AsciiSlice slice = new AsciiSlice();
        private final KnownValues forecastCategories = new KnownValues(charset, text -> ForecastCategory.parse(text).isPresent());

        /** {@link #read}: a row of the common shapes, its fields in this reader. */
        static final int READ = 0;
        /** {@link #read}: a row flagged deleted, to skip. */
        static final int DELETED = 1;
        /** {@link #read}: a field needs {@link #toEvent}. */
        static final int DECLINED = 2;

        /** The last row {@link #read}: trimmed ranges ({@link CsvBytes#trimmed}) and values. */
        long id;
        long stage;
        long nanos;
        double amount;
        int closeDay;
        long probability;
        long forecast;

        @Override
        public boolean take(CsvBytes in, StageRowSink sink) {
            int read = read(in);
            if (read == READ) {
                sink.row(in.bytes(), CsvBytes.from(id), CsvBytes.to(id), CsvBytes.from(stage), CsvBytes.to(stage),
                        Math.floorDiv(nanos, NANOS_PER_MILLI), amount, closeDay);
            }
            return read != DECLINED;
        }

        /** Reads the record's fields when they all have the common shapes. */
        int read(CsvBytes in) {
            if (in.count() != columns.width()) {
                return DECLINED;
            }
            byte[] bytes = in.bytes();
            if (columns.isDeleted() >= 0) {
                long deleted = in.trimmed(columns.isDeleted());
                if (deleted == CsvBytes.ESCAPED) {
                    return DECLINED;
                }
                if (asciiEqualsIgnoreCase(bytes, CsvBytes.from(deleted), CsvBytes.to(deleted), "true")) {
                    return DELETED;
                }
            }
            id = in.trimmed(columns.opportunityId());
            stage = in.trimmed(columns.stageName());
            long created = in.trimmed(columns.createdDate());
            if (id == CsvBytes.ESCAPED || stage == CsvBytes.ESCAPED || created == CsvBytes.ESCAPED
                    || CsvBytes.isEmpty(id) || CsvBytes.isEmpty(stage)) {
                return DECLINED;
            }
            nanos = HistoryCsv.fastEpochNanos(slice.of(bytes, CsvBytes.from(created), CsvBytes.to(created)));
            if (nanos == HistoryCsv.NO_TIME) {
                return DECLINED;
            }
            long amountField = columns.amount() < 0 ? CsvBytes.EMPTY : in.trimmed(columns.amount());
            long closeField = columns.closeDate() < 0 ? CsvBytes.EMPTY : in.trimmed(columns.closeDate());
            probability = columns.probability() < 0 ? CsvBytes.EMPTY : in.trimmed(columns.probability());
            forecast = columns.forecastCategory() < 0 ? CsvBytes.EMPTY : in.trimmed(columns.forecastCategory());
            if (amountField == CsvBytes.ESCAPED || closeField == CsvBytes.ESCAPED || probability == CsvBytes.ESCAPED
                    || forecast == CsvBytes.ESCAPED) {
                return DECLINED;
            }
            amount = CsvBytes.isEmpty(amountField) ? StageRowSink.NO_AMOUNT
                    : PlainDecimal.parse(slice.of(bytes, CsvBytes.from(amountField), CsvBytes.to(amountField)));
            if (!CsvBytes.isEmpty(amountField) && Double.isNaN(amount)) {
                return DECLINED;
            }
            closeDay = StageRowSink.NO_DATE;
            if (!CsvBytes.isEmpty(closeField)) {
                long day = HistoryCsv.fastEpochDay(slice.of(bytes, CsvBytes.from(closeField), CsvBytes.to(closeField)));
                if (day == HistoryCsv.NO_DAY) {
                    return DECLINED;
                }
                closeDay = (int) day;
            }
            if (!CsvBytes.isEmpty(probability)
                    && !PlainDecimal.isPlain(slice.of(bytes, CsvBytes.from(probability), CsvBytes.to(probability)))
                    || !CsvBytes.isEmpty(forecast)
                    && !forecastCategories.isValid(bytes, CsvBytes.from(forecast), CsvBytes.to(forecast))) {
                return DECLINED;
            }
            return READ;
        }

        /** The event of the row {@link #read} just read: what {@link #toEvent} makes of its text. */
        StageEvent event(CsvBytes in) {
            byte[] bytes = in.bytes();
            return new StageEvent(OBJECT, text(bytes, id), text(bytes, stage), HistoryCsv.instant(nanos),
                    Double.isNaN(amount) ? null : amount,
                    closeDay == StageRowSink.NO_DATE ? null : LocalDate.ofEpochDay(closeDay),
                    CsvBytes.isEmpty(probability) ? null
                            : PlainDecimal.parse(slice.of(bytes, CsvBytes.from(probability), CsvBytes.to(probability))),
                    CsvBytes.isEmpty(forecast) ? null : forecastCategory(in, columns.forecastCategory()));
        }

        private String text(byte[] bytes, long field) {
            return charset.decode(bytes, CsvBytes.from(field), CsvBytes.to(field));
        }
    }

    /**
     * Converts every record to an event in a block reader's thread: a row of the common shapes from its bytes
     * ({@link FastRows}), any other by {@link #toEvent}; false for a record {@code toEvent} rejects, so that the
     * sequential reader, reading on from there, gives the error.
     */
    private final class EventRows implements ParallelRows.RowReader {
        private final FastRows fast = new FastRows();

        @Override
        public boolean take(CsvBytes in, StageRowSink sink) {
            int read = fast.read(in);
            if (read == FastRows.READ) {
                sink.event(fast.event(in));
                return true;
            } else if (read == FastRows.DELETED) {
                return true;
            }
            StageEvent event;
            try {
                event = toEvent(in);
            } catch (L2oException e) {
                return false;
            }
            if (event != null) {
                sink.event(event);
            }
            return true;
        }
    }

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private static boolean asciiEqualsIgnoreCase(byte[] bytes, int from, int to, String text) {
        if (to - from != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            int c = bytes[from + i] & 0xFF;
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != Character.toLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private StageEvent toEvent(CsvRecord record) {
        return toEvent(HistoryFields.of(record));
    }

    private StageEvent toEvent(HistoryFields record) {
        long line = record.line();
        if (record.count() != columns.width()) {
            throw new L2oException(ErrorCode.MALFORMED_HISTORY, displayName + ":" + line + ": the row has "
                    + record.count() + " fields but the header has " + columns.width());
        }
        if (columns.isDeleted() >= 0 && Boolean.parseBoolean(record.text(columns.isDeleted()).trim())) {
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

    private String required(HistoryFields record, int index, String column) {
        String value = record.text(index).trim();
        if (value.isEmpty()) {
            throw malformed(record, column, "is empty; every row needs " + column);
        }
        return value;
    }

    private Instant timestamp(HistoryFields record, String text) {
        Instant at = HistoryCsv.timestamp(text);
        if (at == null) {
            throw malformed(record, "CreatedDate", HistoryCsv.notATimestamp(text));
        }
        return at;
    }


    private Double number(HistoryFields record, int index, String column) {
        if (index < 0) {
            return null;
        }
        String text = record.text(index).trim();
        if (text.isEmpty()) {
            return null;
        }
        // Most amounts are plain decimals: read without Double.parseDouble's general parser, to the same bits.
        double plain = PlainDecimal.parse(AsciiSlice.ofText(text));
        if (!Double.isNaN(plain)) {
            return plain;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw malformed(record, column, "'" + text + "' is not a number");
        }
    }

    private LocalDate date(HistoryFields record, int index, String column) {
        if (index < 0) {
            return null;
        }
        String text = record.text(index).trim();
        if (text.isEmpty()) {
            return null;
        }
        // Some exports write a date-time here; the date part is what Salesforce stores.
        long epochDay = HistoryCsv.fastEpochDay(AsciiSlice.ofText(text));
        if (epochDay != HistoryCsv.NO_DAY) {
            return LocalDate.ofEpochDay(epochDay);
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw malformed(record, column, "'" + text + "' is not a date (expected 2026-03-01)");
        }
    }

    private ForecastCategory forecastCategory(HistoryFields record, int index) {
        if (index < 0) {
            return null;
        }
        String text = record.text(index).trim();
        if (text.isEmpty()) {
            return null;
        }
        // Exports repeat a handful of spellings; one seen before skips parse's normalising copies of the text.
        ForecastSpelling[] known = forecastSpellings;
        for (ForecastSpelling spelling : known) {
            if (spelling.text().equals(text)) {
                return spelling.category();
            }
        }
        ForecastCategory category = ForecastCategory.parse(text).orElseThrow(() -> malformed(record, "ForecastCategory",
                "'" + text + "' is not a forecast category (Pipeline, Best Case, Commit, Closed, Omitted or an API value)"));
        if (known.length < MAX_FORECAST_SPELLINGS) {
            // Copied, not changed in place: a reader on another thread sees the old spellings or the new ones.
            ForecastSpelling[] more = Arrays.copyOf(known, known.length + 1);
            more[known.length] = new ForecastSpelling(text, category);
            forecastSpellings = more;
        }
        return category;
    }

    /** A text of the ForecastCategory column and the category {@link ForecastCategory#parse} made of it. */
    private record ForecastSpelling(String text, ForecastCategory category) {}

    private L2oException malformed(HistoryFields record, String column, String reason) {
        return new L2oException(ErrorCode.MALFORMED_HISTORY,
                displayName + ":" + record.line() + ": column " + column + ": " + reason);
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
                    HistoryCsv.columnIndex(header, "Amount"),
                    HistoryCsv.columnIndex(header, "Probability"),
                    HistoryCsv.columnIndex(header, "CloseDate"),
                    HistoryCsv.columnIndex(header, "ForecastCategory"),
                    HistoryCsv.columnIndex(header, "IsDeleted"));
        }

        private static int requiredIndex(CsvRecord header, String name, String displayName) {
            int index = HistoryCsv.columnIndex(header, name);
            if (index < 0) {
                throw new L2oException(ErrorCode.MALFORMED_HISTORY, displayName + ":" + header.getStartingLineNumber()
                        + ": the header has no column " + name + " (required: OpportunityId, StageName, CreatedDate)");
            }
            return index;
        }
    }
}
