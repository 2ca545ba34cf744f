package dev.l2o.connector;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the host hands every connector: the clock, the environment (where secrets come from), a scratch
 * directory for spooling history, and a progress listener. Immutable and thread-safe.
 *
 * @param clock the clock that sets a snapshot's as-of time
 * @param environment the environment variables visible to the connector
 * @param workDirectory a directory the connector may write temporary files into
 * @param progress where long fetches report progress
 */
public record ConnectorContext(Clock clock, Map<String, String> environment, Path workDirectory, ProgressListener progress) {
    public ConnectorContext {
        requireNonNull(clock, "clock is null");
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        requireNonNull(workDirectory, "workDirectory is null");
        requireNonNull(progress, "progress is null");
    }

    /** The process environment, system clock, temp directory and no progress output. */
    public static ConnectorContext standard() {
        return new ConnectorContext(Clock.systemUTC(), System.getenv(), Path.of(System.getProperty("java.io.tmpdir")),
                ProgressListener.NONE);
    }

    /** The value of a non-blank environment variable. */
    public Optional<String> env(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
