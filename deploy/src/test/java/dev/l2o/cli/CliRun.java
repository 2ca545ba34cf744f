package dev.l2o.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One black-box run of the command line: exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        return withEnvironment(Map.of(), args);
    }

    static CliRun withEnvironment(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), environment, false);
        return new CliRun(code, out.toString(), err.toString());
    }
}
