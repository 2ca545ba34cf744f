package dev.l2o.cli;

import dev.l2o.app.ServiceAuditExecutor;
import dev.l2o.schedule.AuditServer;
import dev.l2o.schedule.ScheduleConfig;
import dev.l2o.schedule.ScheduleConfigLoader;
import dev.l2o.schedule.ServerOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code l2o serve --config FILE}: runs the scheduled audits (Quartz) until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run scheduled audits (Quartz) until stopped; SIGTERM lets a running audit finish.")
final class ServeCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The schedule file (kind: AuditSchedule).")
    Path config;

    ServeCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        ScheduleConfig schedule = ScheduleConfigLoader.load(config);
        Clock clock = Clock.systemUTC();
        try (AuditServer server = AuditServer.start(schedule, new ServiceAuditExecutor(clock), clock,
                ServerOptions.defaults(environment.environment()))) {
            environment.err().println("l2o serve: " + schedule.audits().size() + " audits scheduled (node " + server.nodeId() + ")"
                    + server.httpPort().map(port -> "; health and metrics on http://127.0.0.1:" + port + "/health, /metrics").orElse(""));
            for (var audit : schedule.audits()) {
                environment.err().println("l2o serve:   " + audit.name() + " next at "
                        + server.nextRun(audit.name()).map(Object::toString).orElse("(not scheduled)"));
            }
            environment.err().flush();
            server.awaitTermination();
        }
        return ExitCode.OK;
    }
}
