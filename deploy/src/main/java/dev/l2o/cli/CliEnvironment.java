package dev.l2o.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * What every command gets from the process: its output streams (commands print only through these), the
 * environment (secrets and defaults) and whether output goes to a terminal.
 */
public record CliEnvironment(PrintWriter out, PrintWriter err, Map<String, String> environment, boolean terminal) {
    public CliEnvironment {
        environment = Map.copyOf(environment);
    }
}
