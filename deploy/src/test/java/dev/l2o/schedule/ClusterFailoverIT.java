package dev.l2o.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code l2o serve} processes (separate JVMs) on one real PostgreSQL as a Quartz cluster: the node running
 * an audit is killed with SIGKILL, the other recovers the fire, and the fire ends with exactly one recorded run.
 * Whichever run the cluster is working on once both nodes serve is the victim, so nothing depends on how fast
 * the JVMs start.
 */
class ClusterFailoverIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /** Kept when the test fails: the nodes' logs explain what happened. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void theSurvivingNodeRecoversTheFireOfAKilledNodeAndRecordsItOnce() throws Exception {
        try (ClusterHarness cluster = new ClusterHarness(folder, "0/10 * * * * ?", Duration.ofSeconds(5))) {
            // given: a cluster of two nodes, one of them working on a run
            cluster.startNode("node-1");
            cluster.startNode("node-2");
            Eventually.await(PATIENCE, "both nodes serve", cluster::allServing);
            Eventually.await(PATIENCE, "a node works on a run", () -> cluster.workingRun().isPresent());
            RunRecord running = cluster.workingRun().orElseThrow();
            String victim = cluster.nodeNamed(running.nodeId()).orElseThrow();
            String survivor = cluster.nodeId(victim.equals("node-1") ? "node-2" : "node-1").orElseThrow();

            // when
            cluster.kill(victim);

            // then
            Eventually.await(PATIENCE, "the fire is recovered and finished", () -> cluster.store().run(running.runId())
                    .flatMap(RunRecord::outcome).isPresent());
            RunRecord recovered = cluster.store().run(running.runId()).orElseThrow();
            assertThat(recovered.fireTime()).isEqualTo(running.fireTime());
            assertThat(recovered.outcome()).contains(RunOutcome.DRIFT);
            assertThat(recovered.nodeId()).isEqualTo(survivor);
            assertThat(recovered.attempt()).isEqualTo(2);
            assertThat(cluster.store().runs(Optional.of(ClusterHarness.AUDIT), 1_000)).filteredOn(run -> run.fireTime()
                    .equals(running.fireTime())).hasSize(1);
            long fire = running.fireTime().toEpochMilli();
            assertThat(cluster.attempts()).filteredOn(attempt -> attempt.fireMillis() == fire).hasSize(2)
                    .filteredOn(attempt -> attempt.end().isPresent()).hasSize(1);
            assertThat(Files.readString(Path.of(recovered.reportDirectory().orElseThrow()).resolve("report.json"))).endsWith("true}");
            assertThat(Path.of(recovered.reportDirectory().orElseThrow()).getFileName().toString())
                    .isEqualTo(ReportFolders.stamp(running.fireTime()));
            assertThat(cluster.stopNodes()).as("the survivor stops on SIGTERM").isTrue();
        }
    }
}
