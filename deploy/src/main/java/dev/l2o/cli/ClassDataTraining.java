package dev.l2o.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The build's class-data-sharing training run (deploy/pom.xml): runs several l2o command lines, separated by
 * {@value #THEN}, one after the other in one JVM, so that one class list ({@code -XX:DumpLoadedClassList}) records
 * what each of them loads and generates: an audit's classes and a metrics run's, with the lambdas each links. Exits
 * with the first non-zero exit code, without running the rest: a training run that fails must fail the build rather
 * than archive half a run.
 */
public final class ClassDataTraining {
    /** The argument that ends one command line and starts the next. */
    static final String THEN = "--then";

    private ClassDataTraining() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        for (String[] commandLine : commandLines(args)) {
            int exitCode = Main.run(commandLine, out, err, System.getenv(), false);
            if (exitCode != 0) {
                err.println("l2o training: exit code " + exitCode + " from: " + String.join(" ", commandLine));
                System.exit(exitCode);
            }
        }
    }

    /** {@code args} split at every {@value #THEN}; empty command lines are dropped. */
    static List<String[]> commandLines(String[] args) {
        List<String[]> commandLines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= args.length; i++) {
            if (i == args.length || args[i].equals(THEN)) {
                if (i > start) {
                    commandLines.add(Arrays.copyOfRange(args, start, i));
                }
                start = i + 1;
            }
        }
        return commandLines;
    }
}
