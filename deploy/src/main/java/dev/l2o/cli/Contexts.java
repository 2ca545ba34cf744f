package dev.l2o.cli;

import dev.l2o.connector.ConnectorContext;
import java.nio.file.Path;
import java.time.Clock;

/** Builds what connectors get from the command line's environment. */
final class Contexts {
    private Contexts() {}

    static ConnectorContext connectorContext(CliEnvironment environment) {
        return new ConnectorContext(Clock.systemUTC(), environment.environment(),
                Path.of(System.getProperty("java.io.tmpdir")), new ConsoleProgress(environment.err(), environment.terminal()));
    }
}
