package dev.l2o.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The logging of the {@code l2o} process, set up in code: the CLI speaks through its own one-line messages, and
 * libraries only get to say warnings, on stderr. Registered with Logback through {@code META-INF/services} instead of
 * a {@code logback.xml}, because reading XML (Joran) loads about 500 classes, a noticeable share of a CI audit's
 * start-up. A {@code -Dlogback.configurationFile=...} given by the user still wins: this configurator then steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {
    /** What a log line looks like: {@code l2o: WARN SomeClass: message}. */
    static final String PATTERN = "l2o: %level %logger{0}: %msg%n";

    /** Libraries quieter than the root level, and why. */
    static final Map<String, Level> LIBRARY_LEVELS = Map.of(
            // PDFBox looks for the standard PDF fonts on the machine and warns when they are missing; report.pdf
            // embeds its own
            "org.apache.pdfbox", Level.ERROR,
            "org.apache.fontbox", Level.ERROR);

    static final Level ROOT_LEVEL = Level.WARN;

    /** The system property with which Logback reads a configuration file of the user's. */
    static final String USER_CONFIGURATION_PROPERTY = "logback.configurationFile";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(USER_CONFIGURATION_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(ROOT_LEVEL);
        root.addAppender(appender);
        LIBRARY_LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
