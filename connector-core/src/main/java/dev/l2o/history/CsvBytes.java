package dev.l2o.history;

import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The records of a CSV file taken apart in its bytes, for history files of millions of rows: fields are byte ranges
 * of a buffer, nothing is decoded. Reads only the regular shape that FastCSV ({@link HistoryCsv#reader}) reads the
 * same way: comma-separated fields, unquoted without quotes or lone carriage returns, or quoted with {@code ""} for a
 * quote and line breaks inside; records ending in LF, CRLF or the end of the file. Anything else (an empty line, a
 * stray quote, a lone CR, an unclosed quote, a record longer than {@link #MAX_RECORD_BYTES}, a byte order mark other
 * than UTF-8's) is {@link #IRREGULAR}: the caller then reads the rest of the file with FastCSV, which reads it or
 * reports the error, so the CSV grammar's corners and errors stay FastCSV's. Not thread-safe.
 */
final class CsvBytes implements Closeable, HistoryFields {
    /** {@link #next} read a record. */
    static final int RECORD = 0;
    /** {@link #next} reached the end of the file. */
    static final int END = 1;
    /** {@link #next} met something it leaves to FastCSV; the record is not consumed. */
    static final int IRREGULAR = 2;

    /**
     * A record longer than this many bytes is left to FastCSV, which applies its limits: half its buffer limit in
     * characters, and a character is at least a byte.
     */
    static final int MAX_RECORD_BYTES = HistoryCsv.MAX_FIELD_CHARACTERS / 2;
    private static final int MAX_FIELDS = 16_384;
    private static final int NEED_MORE = 3;

    private final FileChannel channel;
    private final boolean ownsChannel;
    private final FileCharset charset;
    /** Whether consumed bytes may be dropped to read more; a block reader keeps every range it handed out valid. */
    private final boolean compacts;
    private final byte[] buffer;
    /** The file offset of {@code buffer[0]}. */
    private long bufferOffset;
    private int position;
    private int limit;
    private boolean endOfFile;
    private long nextLine;

    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private boolean[] escaped = new boolean[32];
    private int count;
    private long line;

    private CsvBytes(FileChannel channel, boolean ownsChannel, FileCharset charset, long offset, long line, byte[] buffer,
            boolean compacts) {
        this.channel = channel;
        this.ownsChannel = ownsChannel;
        this.charset = charset;
        this.bufferOffset = offset;
        this.nextLine = line;
        this.buffer = buffer;
        this.compacts = compacts;
    }

    /**
     * Opens {@code file} for reading in {@code charset}, past a UTF-8 byte order mark. Returns a reader whose first
     * {@link #next} is {@link #IRREGULAR} when the file starts with another byte order mark (FastCSV then switches
     * charset) or with a UTF-8 one while the charset is not UTF-8.
     */
    static CsvBytes open(Path file, FileCharset charset) throws IOException {
        CsvBytes bytes = new CsvBytes(FileChannel.open(file, StandardOpenOption.READ), true, charset, 0, 1,
                new byte[2 * MAX_RECORD_BYTES], true);
        try {
            bytes.fill();
            bytes.skipByteOrderMark();
        } catch (IOException | RuntimeException e) {
            bytes.close();
            throw e;
        }
        return bytes;
    }

    /**
     * A reader of {@code channel} from file offset {@code offset}, which starts a record on line {@code line}, with
     * positional reads (several readers may share the channel). With {@code compacts} false it never drops bytes it
     * read: every field range stays valid, and a record that does not fit the rest of {@code buffer} is
     * {@link #IRREGULAR}. Reads into {@code buffer}, which may be reused once this reader is done with. Closing it
     * leaves the channel open.
     */
    static CsvBytes at(FileChannel channel, FileCharset charset, long offset, long line, byte[] buffer, boolean compacts)
            throws IOException {
        CsvBytes bytes = new CsvBytes(channel, false, charset, offset, line, buffer, compacts);
        bytes.fill();
        return bytes;
    }

    /** The channel this reads. */
    FileChannel channel() {
        return channel;
    }

    /** The file offset of the next record. */
    long offset() {
        return bufferOffset + position;
    }

    /** The line the next record starts on. */
    long nextLine() {
        return nextLine;
    }

    /**
     * Moves past the next line feed in the buffer (a block reader starting in the middle of a file looks for the
     * first line start); false when the buffer holds none.
     */
    boolean skipLine() {
        for (int p = position; p < limit; p++) {
            if (buffer[p] == '\n') {
                position = p + 1;
                return true;
            }
        }
        return false;
    }

    private boolean unsupportedMark;

    private void skipByteOrderMark() {
        int available = limit - position;
        int b0 = available > 0 ? buffer[0] & 0xFF : -1;
        int b1 = available > 1 ? buffer[1] & 0xFF : -1;
        int b2 = available > 2 ? buffer[2] & 0xFF : -1;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            if (charset.get().equals(StandardCharsets.UTF_8)) {
                position = 3;
            } else {
                unsupportedMark = true;
            }
        } else if (b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE || b0 == 0 && b1 == 0) {
            unsupportedMark = true;
        }
    }

    /** Reads the next record: {@link #RECORD}, {@link #END} or {@link #IRREGULAR}. */
    int next() throws IOException {
        if (unsupportedMark) {
            return IRREGULAR;
        }
        while (true) {
            int status = parse();
            if (status != NEED_MORE) {
                return status;
            }
            if (!fill()) {
                return IRREGULAR;
            }
        }
    }

    /** The bytes the field ranges point into; valid until the next {@link #next}. */
    byte[] bytes() {
        return buffer;
    }

    /** The fields of the last record. */
    @Override
    public int count() {
        return count;
    }

    /** Where field {@code index}'s content starts (inside the quotes of a quoted field). */
    int start(int index) {
        return starts[index];
    }

    /** Where field {@code index}'s content ends, exclusive. */
    int end(int index) {
        return ends[index];
    }

    /** Whether field {@code index} is quoted and holds a doubled quote, so its bytes are not its text. */
    boolean escaped(int index) {
        return escaped[index];
    }

    /** {@link #trimmed} of a field whose bytes are not its text (a doubled quote inside quotes). */
    static final long ESCAPED = -1;
    /** {@link #trimmed} of an empty field. */
    static final long EMPTY = 0;

    /**
     * Where field {@code index}'s text starts and ends once trimmed as {@link String#trim} trims (bytes up to a
     * space; no byte of a multi-byte character is one), packed for {@link #from} and {@link #to}; {@link #ESCAPED}
     * when the field's bytes are not its text. Packed rather than returned as an object: it runs for every field of
     * millions of rows.
     */
    long trimmed(int index) {
        if (escaped[index]) {
            return ESCAPED;
        }
        byte[] b = buffer;
        int from = starts[index];
        int to = ends[index];
        while (from < to && (b[from] & 0xFF) <= ' ') {
            from++;
        }
        while (to > from && (b[to - 1] & 0xFF) <= ' ') {
            to--;
        }
        return from == to ? EMPTY : (long) from << 32 | to;
    }

    /** The start of a {@link #trimmed} range. */
    static int from(long trimmed) {
        return (int) (trimmed >>> 32);
    }

    /** The end of a {@link #trimmed} range, exclusive. */
    static int to(long trimmed) {
        return (int) trimmed;
    }

    /** Whether a {@link #trimmed} range is empty. */
    static boolean isEmpty(long trimmed) {
        return trimmed == EMPTY;
    }

    /** The line the last record starts on, counted as FastCSV counts it (1 is the first line of the file). */
    @Override
    public long line() {
        return line;
    }

    /** Field {@code index} as text: decoded, a doubled quote read as one. */
    @Override
    public String text(int index) {
        String text = charset.decode(buffer, starts[index], ends[index]);
        return escaped[index] ? text.replace("\"\"", "\"") : text;
    }

    /**
     * Takes one record apart from {@link #position}; moves past it only when it is complete and regular.
     * Line breaks inside quotes count as lines, as FastCSV counts them.
     */
    private int parse() {
        byte[] b = buffer;
        int end = limit;
        int p = position;
        if (p >= end) {
            return endOfFile ? END : NEED_MORE;
        }
        int field = 0;
        long lines = 0;
        while (true) {
            if (field == starts.length && !growFields()) {
                return IRREGULAR;
            }
            boolean quotedEscape = false;
            int fieldStart;
            int fieldEnd;
            if (p < end && b[p] == '"') {
                int q = p + 1;
                while (true) {
                    if (q >= end) {
                        return endOfFile ? IRREGULAR : NEED_MORE;
                    }
                    byte c = b[q];
                    if (c == '"') {
                        if (q + 1 >= end && !endOfFile) {
                            return NEED_MORE;
                        }
                        if (q + 1 < end && b[q + 1] == '"') {
                            quotedEscape = true;
                            q += 2;
                            continue;
                        }
                        break;
                    } else if (c == '\n') {
                        lines++;
                    } else if (c == '\r') {
                        if (q + 1 >= end && !endOfFile) {
                            return NEED_MORE;
                        }
                        if (q + 1 >= end || b[q + 1] != '\n') {
                            return IRREGULAR;
                        }
                    }
                    q++;
                }
                fieldStart = p + 1;
                fieldEnd = q;
                p = q + 1;
            } else {
                int q = nextSpecial(b, p, end);
                while (q < end) {
                    byte c = b[q];
                    if (c == ',' || c == '\n' || c == '\r') {
                        break;
                    }
                    if (c == '"') {
                        return IRREGULAR;
                    }
                    q++;
                }
                fieldStart = p;
                fieldEnd = q;
                p = q;
            }
            starts[field] = fieldStart;
            ends[field] = fieldEnd;
            escaped[field] = quotedEscape;
            field++;
            if (p >= end) {
                if (!endOfFile) {
                    return NEED_MORE;
                }
                return complete(field, lines, p);
            }
            byte c = b[p];
            if (c == ',') {
                p++;
            } else if (c == '\n') {
                return complete(field, lines + 1, p + 1);
            } else if (c == '\r') {
                if (p + 1 >= end) {
                    return endOfFile ? IRREGULAR : NEED_MORE;
                }
                if (b[p + 1] != '\n') {
                    return IRREGULAR;
                }
                return complete(field, lines + 1, p + 2);
            } else {
                return IRREGULAR;
            }
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long COMMAS = ONES * ',';
    private static final long LINE_FEEDS = ONES * '\n';
    private static final long RETURNS = ONES * '\r';
    private static final long QUOTES = ONES * '"';

    /**
     * The first index from {@code from} whose byte may end an unquoted field (comma, CR, LF, quote), eight bytes at
     * a time; the byte loop that follows checks it. Where the words run out, {@code from} moved as far as they went.
     */
    private static int nextSpecial(byte[] b, int from, int end) {
        int q = from;
        while (q + Long.BYTES <= end) {
            long word = (long) LONGS.get(b, q);
            long found = zeroBytes(word ^ COMMAS) | zeroBytes(word ^ LINE_FEEDS) | zeroBytes(word ^ RETURNS)
                    | zeroBytes(word ^ QUOTES);
            if (found != 0) {
                // The lowest flag of each mask is exact (a false one only sits above a true one), so is theirs.
                return q + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            q += Long.BYTES;
        }
        return q;
    }

    /** The high bit of each zero byte of {@code x}, exact for the lowest one. */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGH_BITS;
    }

    /** Ends a record; an empty one (FastCSV skips empty lines) or a very long one is irregular. */
    private int complete(int fields, long lines, int next) {
        if (fields == 1 && starts[0] == ends[0] || next - position > MAX_RECORD_BYTES) {
            return IRREGULAR;
        }
        count = fields;
        line = nextLine;
        nextLine += lines;
        position = next;
        return RECORD;
    }

    private boolean growFields() {
        if (starts.length >= MAX_FIELDS) {
            return false;
        }
        int grown = starts.length * 2;
        starts = Arrays.copyOf(starts, grown);
        ends = Arrays.copyOf(ends, grown);
        escaped = Arrays.copyOf(escaped, grown);
        return true;
    }

    /**
     * Reads more behind the unread bytes, first moving them to the front when this reader compacts; false at the end
     * or when the buffer is full.
     */
    private boolean fill() throws IOException {
        if (endOfFile || limit == buffer.length && (!compacts || position == 0)) {
            return false;
        }
        if (compacts && position > 0) {
            int unread = limit - position;
            System.arraycopy(buffer, position, buffer, 0, unread);
            bufferOffset += position;
            position = 0;
            limit = unread;
        }
        ByteBuffer target = ByteBuffer.wrap(buffer, limit, buffer.length - limit);
        while (target.hasRemaining()) {
            if (channel.read(target, bufferOffset + target.position()) < 0) {
                endOfFile = true;
                break;
            }
        }
        limit = target.position();
        return true;
    }

    @Override
    public void close() throws IOException {
        if (ownsChannel) {
            channel.close();
        }
    }
}
