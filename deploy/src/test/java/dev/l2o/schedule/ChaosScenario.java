package dev.l2o.schedule;

import dev.l2o.store.RunRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The cluster chaos scenario: nodes serve an audit on a short cron while, in turn, the node working on a run is
 * killed with SIGKILL (and a fresh node started in its place), PostgreSQL is restarted during a run, and the node
 * working on a run is frozen with SIGSTOP past the cluster check-in. Runs until the history holds {@code fires}
 * runs, stops the nodes with SIGTERM and tallies. {@code ChaosIT} runs a short version, {@code bench/chaos.sh}
 * the full one through {@link ChaosMain}.
 */
final class ChaosScenario {
    /** Past the check-in interval (1 s) and Quartz's 7.5 s allowance, so that the cluster gives the run away. */
    static final Duration PAUSE = Duration.ofSeconds(11);
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    enum Fault { KILL, RESTART_POSTGRES, PAUSE }

    private ChaosScenario() {}

    static ClusterHarness.Tally run(Path folder, int nodeCount, int fires, String cron, Duration work, PrintStream out)
            throws InterruptedException, ParseException {
        try (ClusterHarness cluster = new ClusterHarness(folder, cron, work)) {
            for (int node = 1; node <= nodeCount; node++) {
                cluster.startNode("node-" + node);
            }
            Eventually.await(PATIENCE, "every node serves", cluster::allServing);
            out.printf("%d nodes serve \"%s\"; each run works %d ms%n", nodeCount, cron, work.toMillis());
            List<Fault> faults = List.of(Fault.KILL, Fault.RESTART_POSTGRES, Fault.PAUSE);
            for (int round = 0; cluster.finishedRuns() < fires; round++) {
                Fault fault = faults.get(round % faults.size());
                Eventually.await(PATIENCE, "a node works on a run", () -> cluster.workingRun().isPresent());
                RunRecord run = cluster.workingRun().orElseThrow();
                Optional<String> node = cluster.nodeNamed(run.nodeId());
                out.printf("run of %s (attempt %d on %s): %s%n", run.fireTime(), run.attempt(), node.orElse(run.nodeId()), fault);
                switch (fault) {
                    case KILL -> {
                        cluster.kill(node.orElseThrow());
                        cluster.startNode(node.orElseThrow());
                    }
                    case RESTART_POSTGRES -> cluster.restartPostgres();
                    case PAUSE -> cluster.pause(node.orElseThrow(), PAUSE);
                }
                Eventually.await(PATIENCE, "the store answers after " + fault, () -> cluster.finishedRuns() >= 0);
                long finished = cluster.finishedRuns();
                Eventually.await(PATIENCE, "two more runs finish after " + fault, () -> cluster.finishedRuns() >= finished + 2);
                Eventually.await(PATIENCE, "every node serves", cluster::allServing);
            }
            cluster.stopNodes();
            ClusterHarness.Tally tally = cluster.tally();
            out.print(tally.table());
            return tally;
        }
    }
}
