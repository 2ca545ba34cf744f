package dev.l2o.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.store.RunHistoryStore;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import dev.l2o.store.StoreDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditServerTest {
    private static final String EVERY_SECOND = "* * * * * ?";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private AuditServer start(ScheduleConfig config, AuditExecutor executor) {
        return AuditServer.start(config, executor, Clock.systemUTC(), ScheduleFixture.options(Map.of()));
    }

    private static List<RunRecord> finishedRuns(AuditServer server) {
        return server.store().runs(Optional.of("nightly"), 100).stream().filter(run -> run.outcome().isPresent()).toList();
    }

    private Path reports() {
        return folder.resolve("data/reports/nightly");
    }

    private List<String> reportFolderNames() throws IOException {
        return ScheduleFixture.reportFolderNames(reports());
    }

    /** The Quartz smoke test: a real cron fires, the run is recorded and published, the next run sees its snapshot. */
    @Test
    void runsAnAuditOnACronFiringEverySecond() throws Exception {
        // given
        FakeExecutor executor = FakeExecutor.working(Duration.ofMillis(50));
        ScheduleConfig config = ScheduleFixture.embedded(folder, EVERY_SECOND, "", "");

        // when
        List<RunRecord> runs;
        try (AuditServer server = start(config, executor)) {
            Eventually.await(PATIENCE, "two runs finished", () -> finishedRuns(server).size() >= 2);
            runs = finishedRuns(server);
        }

        // then
        assertThat(runs).allSatisfy(run -> assertThat(run.outcome()).contains(RunOutcome.DRIFT));
        List<FakeExecutor.Execution> executions = executor.executions();
        assertThat(executions.get(0).previousSnapshot()).isEmpty();
        assertThat(executions.get(1).previousSnapshot()).contains("{\"run\":1}");
        assertThat(reportFolderNames()).hasSizeGreaterThanOrEqualTo(2).allMatch(name -> name.matches("\\d{8}T\\d{6}(\\.\\d{3})?Z"));
        Path first = reports().resolve(reportFolderNames().get(0));
        assertThat(Files.readString(first.resolve("report.json"))).endsWith("\"complete\":true}");
    }

    @Test
    void neverRunsOneAuditTwiceAtOnce() throws Exception {
        // given: work longer than the cron's period
        FakeExecutor executor = FakeExecutor.working(Duration.ofMillis(1_500));
        ScheduleConfig config = ScheduleFixture.embedded(folder, EVERY_SECOND, "workers: 4", "");

        // when
        try (AuditServer server = start(config, executor)) {
            Eventually.await(PATIENCE, "three runs finished", () -> executor.executions().size() >= 3);
        }

        // then
        assertThat(executor.mostAtOnce()).isEqualTo(1);
        List<FakeExecutor.Execution> executions = executor.executions().stream()
                .sorted(Comparator.comparingLong(FakeExecutor.Execution::startNanos)).toList();
        for (int i = 1; i < executions.size(); i++) {
            assertThat(executions.get(i).startNanos()).isGreaterThanOrEqualTo(executions.get(i - 1).endNanos());
        }
    }

    @Test
    void runsFiresMissedDuringDowntimeOnceNotOncePerMissedFire() throws Exception {
        // given: a nightly audit whose trigger, as the store keeps it, was due three nights ago (the server was down
        // since): the downtime is written into the Quartz tables instead of waited for
        FakeExecutor executor = FakeExecutor.working(Duration.ofMillis(10));
        ScheduleConfig config = ScheduleFixture.embedded(folder, "0 0 2 * * ?", "", "");
        try (AuditServer server = start(config, executor)) {
            assertThat(server.nextRun("nightly")).isPresent();
        }
        Instant threeNightsAgo = Instant.now().minus(Duration.ofDays(3));
        try (var database = StoreDatabase.open(config.store(), config.dataDir(), Map.of(), 2);
                var connection = database.dataSource().getConnection();
                var update = connection.prepareStatement("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE TRIGGER_NAME = ?")) {
            update.setLong(1, threeNightsAgo.toEpochMilli());
            update.setString(2, "nightly");
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        // when
        Instant restarted = Instant.now();
        try (AuditServer server = start(config, executor)) {
            Eventually.await(PATIENCE, "the missed run finished", () -> !finishedRuns(server).isEmpty());

            // then: the trigger moved past every missed night, so no other run of them can follow
            assertThat(server.nextRun("nightly")).hasValueSatisfying(next -> assertThat(next).isAfter(restarted));
            assertThat(finishedRuns(server)).singleElement()
                    .satisfies(run -> assertThat(run.fireTime()).isAfterOrEqualTo(restarted.truncatedTo(ChronoUnit.MILLIS)));
        }
        assertThat(executor.calls()).isEqualTo(1);
    }

    @Test
    void clusterNodesStartedAtOnceOnOneHostGetDifferentIds() {
        // when: what two nodes started in the same millisecond would call
        String first = AuditServer.uniqueNodeId();
        String second = AuditServer.uniqueNodeId();

        // then
        assertThat(first).isNotEqualTo(second).contains("-" + ProcessHandle.current().pid() + "-");
    }

    @Test
    void aStopWithinTheGracePeriodLetsTheRunningAuditFinish() throws Exception {
        // given
        FakeExecutor executor = FakeExecutor.working(Duration.ofMillis(1_500));
        ScheduleConfig config = ScheduleFixture.embedded(folder, EVERY_SECOND, "shutdownGraceSeconds: 30", "");
        AuditServer server = start(config, executor);
        Eventually.await(PATIENCE, "a run started", () -> executor.calls() >= 1);

        // when
        server.close();

        // then
        try (var reader = StoreDatabase.open(config.store(), config.dataDir(), Map.of(), 2)) {
            List<RunRecord> runs = new RunHistoryStore(reader.dataSource()).runs(Optional.of("nightly"), 10);
            assertThat(runs).isNotEmpty().allMatch(run -> run.outcome().equals(Optional.of(RunOutcome.DRIFT)));
            assertThat(reportFolderNames()).hasSize(runs.size()).noneMatch(name -> name.startsWith(".tmp-"));
        }
    }

    @Test
    void aStopAfterTheGracePeriodMarksTheRunInterruptedAndPublishesNothing() throws Exception {
        // given
        FakeExecutor executor = FakeExecutor.working(Duration.ofSeconds(60));
        ScheduleConfig config = ScheduleFixture.embedded(folder, EVERY_SECOND, "shutdownGraceSeconds: 0", "");
        AuditServer server = start(config, executor);
        Eventually.await(PATIENCE, "a run started", () -> executor.calls() >= 1);

        // when
        server.close();

        // then
        try (var reader = StoreDatabase.open(config.store(), config.dataDir(), Map.of(), 2)) {
            List<RunRecord> runs = new RunHistoryStore(reader.dataSource()).runs(Optional.of("nightly"), 10);
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).outcome()).contains(RunOutcome.INTERRUPTED);
            assertThat(runs.get(0).detail()).hasValueSatisfying(detail -> assertThat(detail).contains("shut down"));
        }
        assertThat(reportFolderNames()).isEmpty();
    }
}
