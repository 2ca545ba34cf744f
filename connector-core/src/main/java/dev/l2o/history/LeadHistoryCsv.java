package dev.l2o.history;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Lead status history from a CSV file shaped like a Salesforce export of {@code LeadHistory}, as
 * {@link StageEvent}s of object {@value #OBJECT} whose stage is the new {@code Status} value.
 *
 * <p>Columns are found by header name, ignoring case and order: {@code LeadId}, {@code Field},
 * {@code OldValue}, {@code NewValue} and {@code CreatedDate} are required; {@code IsDeleted} is read when
 * present; any other column ({@code Id}, {@code CreatedById}, {@code DataType}) is ignored. Both export flavours
 * {@link OpportunityHistoryCsv} reads are read the same way (charset, timestamps). Only rows whose
 * {@code Field} is {@code Status} (ignoring case) count: Salesforce writes {@code created},
 * {@code leadConverted} and every other tracked field to the same object. Rows flagged {@code IsDeleted=true}
 * are skipped.
 *
 * <p>LeadHistory records changes, so a lead's first status is only the {@code OldValue} of its earliest
 * Status row. It is emitted as a row of its own, just before that earliest row: at the lead's creation time
 * when {@code leadCreatedDate} knows it, else at the earliest row's own time. Finding the earliest rows takes
 * a first pass over the file that keeps one entry per lead; the second pass streams the rows in file order
 * ({@link #sortedByRecord()} is false). Nothing is held between calls to {@link #forEach}. Not thread-safe. A
 * malformed row raises {@link L2oException} ({@link ErrorCode#MALFORMED_HISTORY}) naming the file, line and
 * column; an unreadable file raises {@link ErrorCode#UNREADABLE_FILE}.
 */
public final class LeadHistoryCsv implements StageHistory {
    /** The object whose history this is. */
    public static final String OBJECT = "Lead";
    /** The tracked field whose changes are status changes. */
    public static final String STATUS_FIELD = "Status";

    private final Path file;
    private final String displayName;
    private final FileCharset charset;
    private final Columns columns;
    private final Function<String, Instant> leadCreatedDate;

    private LeadHistoryCsv(Path file, String displayName, FileCharset charset, Columns columns,
            Function<String, Instant> leadCreatedDate) {
        this.file = file;
        this.displayName = displayName;
        this.charset = charset;
        this.columns = columns;
        this.leadCreatedDate = leadCreatedDate;
    }

    /** Opens a history file whose leads' creation times are unknown; see {@link #open(Path, String, Function)}. */
    public static LeadHistoryCsv open(Path file, String displayName) {
        return open(file, displayName, leadId -> null);
    }

    /**
     * Opens a history file: checks that it is readable and reads its header (the charset is detected when the rows
     * are read).
     *
     * @param file the CSV file
     * @param displayName how messages and reports name the file ({@code data/LeadHistory.csv})
     * @param leadCreatedDate a lead's CreatedDate by lead id, or null when it is not known
     * @throws L2oException {@link ErrorCode#UNREADABLE_FILE} when the file cannot be read,
     *     {@link ErrorCode#MALFORMED_HISTORY} when the header lacks a required column
     */
    public static LeadHistoryCsv open(Path file, String displayName, Function<String, Instant> leadCreatedDate) {
        requireNonNull(file, "file is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(leadCreatedDate, "leadCreatedDate is null");
        FileCharset charset = new FileCharset(file, displayName);
        Columns columns = Columns.of(HistoryCsv.header(file, charset, displayName,
                "LeadId, Field, OldValue, NewValue, CreatedDate"), displayName);
        return new LeadHistoryCsv(file, displayName, charset, columns, leadCreatedDate);
    }

    /**
     * A timestamp as either export flavour writes it ({@code 2026-03-01T10:15:30.000+0000},
     * {@code 2026-03-01 10:15:30} in UTC), for callers that read a lead's CreatedDate elsewhere; empty when
     * {@code text} is none.
     */
    public static Optional<Instant> parseTimestamp(String text) {
        requireNonNull(text, "text is null");
        return Optional.ofNullable(HistoryCsv.timestamp(text.trim()));
    }

    /** The charset the file is read with. */
    public Charset charset() {
        return charset.get();
    }

    @Override
    public void forEach(Consumer<StageEvent> sink) {
        requireNonNull(sink, "sink is null");
        Map<String, Earliest> earliest = new HashMap<>();
        read(row -> {
            Earliest known = earliest.get(row.leadId());
            if (known == null || row.at().isBefore(known.at())) {
                earliest.put(row.leadId(), new Earliest(row.line(), row.at(), row.oldValue()));
            }
        });
        read(row -> {
            Earliest first = earliest.get(row.leadId());
            if (first.line() == row.line() && !first.oldValue().isEmpty()) {
                Instant created = leadCreatedDate.apply(row.leadId());
                Instant at = created != null && !created.isAfter(row.at()) ? created : row.at();
                sink.accept(event(row.leadId(), first.oldValue(), at));
            }
            sink.accept(event(row.leadId(), row.newValue(), row.at()));
        });
    }

    @Override
    public long sizeBytes() {
        return HistoryCsv.sizeBytes(file);
    }

    @Override
    public String description() {
        return displayName;
    }

    private static StageEvent event(String leadId, String status, Instant at) {
        return new StageEvent(OBJECT, leadId, status, at, null, null, null, null);
    }

    /**
     * One Status row of the file as it stands, without the initial status {@link #forEach} adds.
     *
     * @param line the row's line in the file
     * @param leadId the lead
     * @param oldValue the status before, empty when the row has none
     * @param newValue the status after
     * @param at when the change was recorded
     */
    public record StatusChange(long line, String leadId, String oldValue, String newValue, Instant at) {
        public StatusChange {
            requireNonNull(leadId, "leadId is null");
            requireNonNull(oldValue, "oldValue is null");
            requireNonNull(newValue, "newValue is null");
            requireNonNull(at, "at is null");
        }
    }

    /**
     * Streams the file's Status rows as they are (deleted and other fields' rows skipped), in file order: what
     * a LeadHistory query filtered on {@code Field = 'Status'} returns.
     */
    public void forEachChange(Consumer<StatusChange> sink) {
        requireNonNull(sink, "sink is null");
        read(sink);
    }

    /** A lead's earliest Status row: its line (which identifies it in the second pass), time and old value. */
    private record Earliest(long line, Instant at, String oldValue) {}

    private void read(Consumer<StatusChange> sink) {
        HistoryCsv.forEachRow(file, charset.get(), displayName, this::toRow, sink);
    }

    private StatusChange toRow(CsvRecord record) {
        long line = record.getStartingLineNumber();
        if (record.getFieldCount() != columns.width()) {
            throw new L2oException(ErrorCode.MALFORMED_HISTORY, displayName + ":" + line + ": the row has "
                    + record.getFieldCount() + " fields but the header has " + columns.width());
        }
        if (!record.getField(columns.field()).trim().equalsIgnoreCase(STATUS_FIELD)
                || columns.isDeleted() >= 0 && Boolean.parseBoolean(record.getField(columns.isDeleted()).trim())) {
            return null;
        }
        String leadId = required(record, columns.leadId(), "LeadId");
        String newValue = required(record, columns.newValue(), "NewValue");
        String text = required(record, columns.createdDate(), "CreatedDate");
        Instant at = HistoryCsv.timestamp(text);
        if (at == null) {
            throw malformed(record, "CreatedDate", HistoryCsv.notATimestamp(text));
        }
        return new StatusChange(line, leadId, record.getField(columns.oldValue()).trim(), newValue, at);
    }

    private String required(CsvRecord record, int index, String column) {
        String value = record.getField(index).trim();
        if (value.isEmpty()) {
            throw malformed(record, column, "is empty; every Status row needs " + column);
        }
        return value;
    }

    private L2oException malformed(CsvRecord record, String column, String reason) {
        return new L2oException(ErrorCode.MALFORMED_HISTORY,
                displayName + ":" + record.getStartingLineNumber() + ": column " + column + ": " + reason);
    }

    /** Header positions; -1 for an optional column that is absent. */
    private record Columns(int width, int leadId, int field, int oldValue, int newValue, int createdDate, int isDeleted) {
        static Columns of(CsvRecord header, String displayName) {
            return new Columns(header.getFieldCount(),
                    requiredIndex(header, "LeadId", displayName),
                    requiredIndex(header, "Field", displayName),
                    requiredIndex(header, "OldValue", displayName),
                    requiredIndex(header, "NewValue", displayName),
                    requiredIndex(header, "CreatedDate", displayName),
                    HistoryCsv.columnIndex(header, "IsDeleted"));
        }

        private static int requiredIndex(CsvRecord header, String name, String displayName) {
            int index = HistoryCsv.columnIndex(header, name);
            if (index < 0) {
                throw new L2oException(ErrorCode.MALFORMED_HISTORY, displayName + ":" + header.getStartingLineNumber()
                        + ": the header has no column " + name + " (required: LeadId, Field, OldValue, NewValue, CreatedDate)");
            }
            return index;
        }
    }
}
