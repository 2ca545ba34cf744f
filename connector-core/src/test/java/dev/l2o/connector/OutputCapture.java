package dev.l2o.connector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything the process writes while a connector works: standard output and error (still passed on), every
 * {@code java.util.logging} / platform logger record at any level, and every SLF4J event when Logback is the
 * SLF4J backend. Opened around a fetch and closed after it; levels and streams are restored on close. Not
 * thread-safe to open twice at once (it swaps process-wide streams), but it records from every thread.
 */
public final class OutputCapture implements AutoCloseable {
    /** The logger the read-only guard reports each request it lets through on, at TRACE. */
    private static final String GUARD_LOGGER = "dev.l2o.http.ReadOnlyGuard";
    private static final String GUARD_ALLOWED = "allowed ";

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream streams = new ByteArrayOutputStream();
    private final Logger rootLogger = Logger.getLogger("");
    private final Level rootLevel = rootLogger.getLevel();
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final LogbackCapture logback;

    private OutputCapture() {
        System.setOut(new PrintStream(new Tee(originalOut, streams), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, streams), true, StandardCharsets.UTF_8));
        handler.setLevel(Level.ALL);
        rootLogger.addHandler(handler);
        // the console handlers keep their own level, so lowering the root's only feeds this handler
        rootLogger.setLevel(Level.ALL);
        logback = present("org.slf4j.LoggerFactory") && present("ch.qos.logback.classic.LoggerContext") ? LogbackCapture.start() : null;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, OutputCapture.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Starts capturing. */
    public static OutputCapture start() {
        return new OutputCapture();
    }

    /** Standard output and error, the log records formatted with their stack traces, and the SLF4J events. */
    public String text() {
        StringBuilder text = new StringBuilder();
        synchronized (streams) {
            text.append(streams.toString(StandardCharsets.UTF_8));
        }
        SimpleFormatter formatter = new SimpleFormatter();
        for (LogRecord record : records()) {
            text.append(formatter.format(record));
        }
        if (logback != null) {
            text.append(logback.text());
        }
        return text.toString();
    }

    /** How many requests the read-only guard let through while capturing. */
    public long requestsAllowedByTheGuard() {
        return records().stream()
                .filter(record -> GUARD_LOGGER.equals(record.getLoggerName()))
                .filter(record -> record.getMessage() != null && record.getMessage().startsWith(GUARD_ALLOWED))
                .count();
    }

    private List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        rootLogger.setLevel(rootLevel);
        rootLogger.removeHandler(handler);
        if (logback != null) {
            logback.close();
        }
    }

    /** Writes to the original stream and to the capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            synchronized (original) {
                writeThrough(new byte[] {(byte) b}, 0, 1);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
            synchronized (original) {
                writeThrough(bytes, offset, length);
            }
        }

        private void writeThrough(byte[] bytes, int offset, int length) {
            try {
                original.write(bytes, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void flush() {
            try {
                original.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
