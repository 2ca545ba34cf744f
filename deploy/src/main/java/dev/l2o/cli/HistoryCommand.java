package dev.l2o.cli;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.schedule.HistoryQuery;
import dev.l2o.schedule.ScheduleConfigLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code l2o history --config FILE [--audit NAME] [--format text|json|html]}: past runs and trends from the run history
 * store.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Past runs and trends (findings by severity, maturity, blueprint coverage, median days per stage, "
                + "findings that appeared, came back or disappeared) from the run history store.")
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

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (tables), json (the trends, for dashboards) or html (a self-contained page of SVG charts); "
                    + "default: ${DEFAULT-VALUE}.")
    String format;

    HistoryCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (HistoryQuery query = HistoryQuery.open(ScheduleConfigLoader.load(config), environment.environment())) {
            Optional<String> auditName = Optional.ofNullable(audit);
            environment.out().print(switch (format) {
                case "text" -> query.report(auditName, runs, trend).text();
                case "json" -> query.trendsJson(auditName, trend);
                case "html" -> query.trendsHtml(auditName, trend);
                default -> throw new L2oException(ErrorCode.BAD_ARGUMENT,
                        "unknown --format '" + format + "' for l2o history: use text, json or html");
            });
            environment.out().flush();
        }
        return ExitCode.OK;
    }
}
