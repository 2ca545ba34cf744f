package dev.l2o.snapshot;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One open snapshot file: a streaming parser over the (gzip-compressed or plain) JSON, and the translation of
 * everything that can go wrong into one-line {@link L2oException}s that name the file and, where the parser
 * knows it, the line and column.
 */
final class SnapshotInput implements Closeable {
    private static final int GZIP_MAGIC_FIRST = 0x1f;
    private static final int GZIP_MAGIC_SECOND = 0x8b;
    private static final int BUFFER = 1 << 16;
    /**
     * A snapshot l2o writes shrinks some 5 to 15 times under gzip; one that grows more than this factor (and past
     * {@link #MIN_EXPANSION}) was not written by l2o: most likely a gzip bomb, which would otherwise fill the memory
     * with the parts that are held ({@code records}) or keep the reader busy for minutes.
     */
    static final long MAX_EXPANSION_FACTOR = 100;
    /** Any file may expand to this many bytes, however small it is. */
    static final long MIN_EXPANSION = 16L << 20;

    private final Path file;
    private final JsonParser parser;

    private SnapshotInput(Path file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /**
     * Opens {@code file}, gzip-compressed or not.
     *
     * @throws L2oException UNREADABLE_FILE when it does not exist or cannot be read, BAD_SNAPSHOT when it
     *     claims to be gzip and is not
     */
    static SnapshotInput open(Path file) {
        return open(file, MIN_EXPANSION);
    }

    /**
     * Opens {@code file}; a compressed file may expand to {@link #MAX_EXPANSION_FACTOR} times its size, and to at
     * least {@code minExpansion} bytes (a parameter so that tests need no huge files).
     */
    static SnapshotInput open(Path file, long minExpansion) {
        InputStream raw = null;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            raw.mark(2);
            boolean gzip = raw.read() == GZIP_MAGIC_FIRST && raw.read() == GZIP_MAGIC_SECOND;
            raw.reset();
            InputStream content = gzip
                    ? new ExpansionLimit(new GZIPInputStream(raw, BUFFER), Math.max(minExpansion, MAX_EXPANSION_FACTOR * Files.size(file)))
                    : raw;
            return new SnapshotInput(file, SnapshotJson.MAPPER.getFactory().createParser(content));
        } catch (NoSuchFileException e) {
            closeQuietly(raw);
            throw new L2oException(ErrorCode.UNREADABLE_FILE, "snapshot file " + file + " does not exist", e);
        } catch (AccessDeniedException e) {
            closeQuietly(raw);
            throw new L2oException(ErrorCode.UNREADABLE_FILE, "snapshot file " + file + " cannot be read: permission denied", e);
        } catch (IOException e) {
            closeQuietly(raw);
            throw failure(file, e, null);
        }
    }

    JsonParser parser() {
        return parser;
    }

    Path file() {
        return file;
    }

    /** The next token, which must exist and be {@code expected}. */
    void expect(JsonToken expected, String what) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != expected) {
            throw problem(parser.currentTokenLocation(), what);
        }
    }

    /** A BAD_SNAPSHOT error at {@code location}. */
    L2oException problem(JsonLocation location, String message) {
        return new L2oException(ErrorCode.BAD_SNAPSHOT, "snapshot " + file + where(location) + ": " + message);
    }

    /** A BAD_SNAPSHOT error at the parser's current token. */
    L2oException problem(String message) {
        return problem(parser.currentTokenLocation(), message);
    }

    /** Translates a failure of reading or parsing the file into a one-line user error. */
    L2oException failure(IOException e) {
        return failure(file, e, parser.currentLocation());
    }

    private static L2oException failure(Path file, IOException e, JsonLocation current) {
        if (e instanceof JsonProcessingException json) {
            String message = json.getOriginalMessage() == null ? "malformed JSON" : firstLine(json.getOriginalMessage());
            JsonLocation location = json.getLocation() == null ? current : json.getLocation();
            return new L2oException(ErrorCode.BAD_SNAPSHOT, "snapshot " + file + where(location) + ": malformed JSON: " + message, e);
        }
        if (e instanceof ExpansionLimitExceeded exceeded) {
            return new L2oException(ErrorCode.BAD_SNAPSHOT, "snapshot " + file + ": " + exceeded.getMessage(), e);
        }
        if (e instanceof EOFException) {
            return new L2oException(ErrorCode.BAD_SNAPSHOT,
                    "snapshot " + file + where(current) + ": the file is truncated (" + firstLine(String.valueOf(e.getMessage())) + ")", e);
        }
        if (e instanceof ZipException) {
            return new L2oException(ErrorCode.BAD_SNAPSHOT,
                    "snapshot " + file + where(current) + ": the file is corrupt (" + firstLine(String.valueOf(e.getMessage())) + ")", e);
        }
        return new L2oException(ErrorCode.UNREADABLE_FILE,
                "snapshot " + file + " cannot be read: " + firstLine(String.valueOf(e.getMessage())), e);
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return location.getColumnNr() < 1
                ? ", line " + location.getLineNr()
                : ", line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse(text).trim();
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // Already failing; the first error is the one to report.
            }
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // Reading is over; a failure to release the file handle changes nothing for the caller.
        }
    }

    /** Thrown when decompressed content passes its {@link ExpansionLimit}. */
    static final class ExpansionLimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        ExpansionLimitExceeded(long limit) {
            super("the file expands to more than " + limit + " bytes when decompressed (over " + MAX_EXPANSION_FACTOR
                    + " times its size), which no snapshot l2o writes does; refusing to read it");
        }
    }

    /** Counts the decompressed bytes and fails once they pass the limit, before anything holds them. */
    private static final class ExpansionLimit extends FilterInputStream {
        private final long limit;
        private long count;

        ExpansionLimit(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long bytes) throws ExpansionLimitExceeded {
            count += bytes;
            if (count > limit) {
                throw new ExpansionLimitExceeded(limit);
            }
        }
    }
}
