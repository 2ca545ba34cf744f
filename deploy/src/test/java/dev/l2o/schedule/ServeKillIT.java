package dev.l2o.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.store.RunHistoryStore;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import dev.l2o.store.StoreDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code l2o serve} on its embedded store killed with SIGKILL during a run: the next start marks the run
 * interrupted, every earlier run is still in the history, and the schedule goes on.
 */
class ServeKillIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    private Process serve;

    @AfterEach
    void stop() throws InterruptedException {
        if (serve != null) {
            serve.destroyForcibly();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private List<ClusterHarness.Attempt> attempts() {
        return ClusterHarness.attempts(folder.resolve("journal.txt"));
    }

    private Process start(String log) {
        return ClusterHarness.startServe(folder.resolve("audits.yaml"), folder.resolve("journal.txt"), Duration.ofSeconds(2),
                folder.resolve(log), Map.of());
    }

    @Test
    void theHistorySurvivesAKillDuringARunAndTheNextStartMarksItInterrupted() throws Exception {
        // given: serve ran two audits to the end and works on a third
        ScheduleConfig config = ScheduleFixture.embedded(folder, "0/3 * * * * ?", "", "");
        serve = start("serve-1.log");
        Eventually.await(PATIENCE, "two runs ended", () -> attempts().stream().filter(attempt -> attempt.end().isPresent()).count() >= 2);
        Eventually.await(PATIENCE, "a run works", () -> attempts().stream().anyMatch(attempt -> attempt.end().isEmpty()));
        ClusterHarness.Attempt cut = attempts().stream().filter(attempt -> attempt.end().isEmpty()).findFirst().orElseThrow();
        List<Long> ended = attempts().stream().filter(attempt -> attempt.end().isPresent()).map(ClusterHarness.Attempt::fireMillis).toList();

        // when
        serve.destroyForcibly();
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        serve = start("serve-2.log");
        Eventually.await(PATIENCE, "a later fire ran", () -> attempts().stream()
                .anyMatch(attempt -> attempt.fireMillis() > cut.fireMillis() && attempt.end().isPresent()));
        serve.destroy();
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();

        // then
        assertThat(Files.readString(folder.resolve("serve-2.log"))).contains("1 run(s) cut off when the process last stopped marked interrupted");
        try (StoreDatabase database = StoreDatabase.open(config.store(), config.dataDir(), Map.of(), 2)) {
            RunHistoryStore store = new RunHistoryStore(database.dataSource());
            List<RunRecord> runs = store.runs(Optional.of("nightly"), 1_000);
            for (long fire : ended) {
                assertThat(runs).filteredOn(run -> run.fireTime().equals(Instant.ofEpochMilli(fire))).singleElement()
                        .satisfies(run -> assertThat(run.outcome()).contains(RunOutcome.DRIFT));
            }
            // the cut run was marked interrupted at the start, and Quartz recovered its fire as a second attempt
            RunRecord cutRun = runs.stream().filter(run -> run.fireTime().toEpochMilli() == cut.fireMillis()).findFirst().orElseThrow();
            assertThat(cutRun.attempt()).isEqualTo(2);
            assertThat(cutRun.outcome()).contains(RunOutcome.DRIFT);
            assertThat(runs).extracting(RunRecord::fireTime).doesNotHaveDuplicates();
            assertThat(runs).filteredOn(run -> run.fireTime().toEpochMilli() > cut.fireMillis()).isNotEmpty()
                    .allSatisfy(run -> assertThat(run.outcome()).contains(RunOutcome.DRIFT));
        }
    }
}
