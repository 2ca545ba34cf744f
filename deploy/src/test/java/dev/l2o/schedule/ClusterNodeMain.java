package dev.l2o.schedule;

import dev.l2o.rules.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One {@code l2o serve} node of the cluster failover test, run as its own JVM: serves the given schedule file
 * with a {@link FakeExecutor} that works for the given time and writes a journal line when a run starts and ends.
 * Prints {@code NODE-STARTED <node id>} once serving; stops gracefully on SIGTERM.
 *
 * <p>Arguments: schedule file, journal file, work in milliseconds.
 */
public final class ClusterNodeMain {
    private ClusterNodeMain() {}

    public static void main(String[] args) throws InterruptedException {
        ScheduleConfig config = ScheduleConfigLoader.load(Path.of(args[0]));
        FakeExecutor executor = new FakeExecutor(Duration.ofMillis(Long.parseLong(args[2])),
                run -> List.of(FakeExecutor.finding("L2O-STAGE-MISSING", Severity.ERROR, "stage proposal")),
                Optional.of(Path.of(args[1])));
        ServerOptions options = new ServerOptions(System.getenv(), Optional.empty(), Duration.ofSeconds(60), Duration.ofMillis(1_000), true);
        AuditServer server = AuditServer.start(config, executor, Clock.systemUTC(), options);
        System.out.println("NODE-STARTED " + server.nodeId());
        System.out.flush();
        server.awaitTermination();
    }
}
