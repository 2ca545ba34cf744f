package dev.l2o.cli;

import dev.l2o.schedule.HistoryQuery;
import dev.l2o.schedule.ScheduleConfigLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code l2o history --config FILE [--audit NAME]}: past runs and trends from the run history store. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Past runs and trends (findings and median days per stage) from the run history store.")
final class HistoryCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The schedule file whose store to read.")
    Path config;

    @Option(names = "--audit", paramLabel = "NAME", description = "One audit; default: all.")
    String audit;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "" + HistoryQuery.DEFAULT_RUNS, description = "Runs to list (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--trend", paramLabel = "N", defaultValue = "" + HistoryQuery.DEFAULT_TREND_RUNS,
            description = "Runs the trends cover (default: ${DEFAULT-VALUE}).")
    int trend;

    HistoryCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (HistoryQuery query = HistoryQuery.open(ScheduleConfigLoader.load(config), environment.environment())) {
            environment.out().print(query.report(Optional.ofNullable(audit), runs, trend).text());
            environment.out().flush();
        }
        return ExitCode.OK;
    }
}
