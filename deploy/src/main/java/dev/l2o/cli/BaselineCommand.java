package dev.l2o.cli;

import dev.l2o.app.Baseline;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code l2o baseline}: accept today's findings, so later audits fail only on new ones. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Accept today's findings: later audits with --baseline FILE fail only on new ones.")
final class BaselineCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Option(names = "--report", required = true, paramLabel = "REPORT.json", description = "A report.json written by l2o audit.")
    Path report;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The baseline file to write.")
    Path out;

    BaselineCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Baseline baseline = Baseline.fromReport(report);
        baseline.write(out);
        environment.err().println("l2o: wrote " + out + " with " + baseline.accepted().size() + " accepted findings");
        return ExitCode.OK;
    }
}
