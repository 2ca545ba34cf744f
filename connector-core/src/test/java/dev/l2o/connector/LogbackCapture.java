package dev.l2o.connector;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The SLF4J events of a capture, when Logback is the backend. {@link OutputCapture} loads this class only after
 * finding SLF4J and Logback on the class path, so that modules whose tests have neither can still use the contract.
 */
final class LogbackCapture implements AutoCloseable {
    private final Logger root;
    private final Level rootLevel;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogbackCapture(Logger root) {
        this.root = root;
        this.rootLevel = root.getLevel();
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.ALL);
    }

    /** A started capture, or null when Logback is not SLF4J's backend. */
    static LogbackCapture start() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                ? new LogbackCapture(context.getLogger(Logger.ROOT_LOGGER_NAME)) : null;
    }

    /** Every event, formatted, with its stack trace. */
    String text() {
        StringBuilder text = new StringBuilder();
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        for (ILoggingEvent event : events) {
            text.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(": ").append(event.getFormattedMessage())
                    .append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        root.setLevel(rootLevel);
    }
}
