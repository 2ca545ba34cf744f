package dev.l2o.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** The short cluster chaos run: two nodes, each fault once; {@code bench/chaos.sh} runs the long one. */
class ChaosIT {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void killsRestartsAndPausesKeepEveryFireTimeOnceAndNoRunLost() throws Exception {
        // given
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        // when
        ClusterHarness.Tally tally = ChaosScenario.run(folder, 2, 6, "0/2 * * * * ?", Duration.ofMillis(1_000),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        // then
        String log = printed.toString(StandardCharsets.UTF_8);
        System.out.print(log);
        assertThat(log).contains("KILL", "RESTART_POSTGRES", "PAUSE");
        assertThat(tally.duplicateFireTimes()).as(log).isZero();
        assertThat(tally.lostRuns()).as(log).isZero();
        assertThat(tally.mostAtOnce()).as(log).isEqualTo(1);
        assertThat(tally.runsRecorded()).as(log).isGreaterThanOrEqualTo(6);
        assertThat(tally.attempts()).as("a killed or paused attempt is taken over: " + log).isGreaterThan(tally.runsRecorded());
    }
}
