package dev.l2o.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
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
        if (!Files.exists(reports())) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(reports())) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void runsAnAuditOnACronFiringEverySecond() throws Exception {
        // given
        FakeExecutor executor = FakeExecutor.working(Duration.ofMillis(50));
        ScheduleConfig config = ScheduleFixture.embedded(folder, EVERY_SECOND, "", "");

        // when
        try (AuditServer server = start(config, executor)) {
            Eventually.await(PATIENCE, "two runs finished", () -> finishedRuns(server).size() >= 2);
        }

        // then
        List<FakeExecutor.Execution> executions = executor.executions();
        assertThat(executions.get(0).previousSnapshot()).isEmpty();
        assertThat(executions.get(1).previousSnapshot()).contains("{\"run\":1}");
        assertThat(reportFolderNames()).hasSizeGreaterThanOrEqualTo(2).allMatch(name -> name.matches("\\d{8}T\\d{6}(\\.\\d{3})?Z"));
        Path first = reports().resolve(reportFolderNames().get(0));
        assertThat(Files.readString(first.resolve("report.json"))).endsWith("\"complete\":true}");
        assertThat(first.resolve("snapshot.json.gz")).doesNotExist();
    }

    @Test
    void recordsEachRunWithItsResultInTheHistory() throws Exception {
        // given
        FakeExecutor executor = FakeExecutor.working(Duration.ofMillis(50));
        ScheduleConfig config = ScheduleFixture.embedded(folder, EVERY_SECOND, "", "");

        // when
        RunRecord run;
        try (AuditServer server = start(config, executor)) {
            Eventually.await(PATIENCE, "a run finished", () -> !finishedRuns(server).isEmpty());
            run = finishedRuns(server).get(finishedRuns(server).size() - 1);
            assertThat(server.store().findings(run.runId())).extracting(finding -> finding.ruleId()).containsExactly("L2O-STAGE-MISSING");
            assertThat(server.store().stageMedians(run.runId())).hasSize(2);
            assertThat(server.store().reportFiles(run.runId())).containsExactly("report.json");
            assertThat(server.store().snapshot(run.runId())).isPresent();
        }

        // then
        assertThat(run.outcome()).contains(RunOutcome.DRIFT);
        assertThat(run.errors()).isEqualTo(1);
        assertThat(run.maturityOverall()).hasValue(2.5);
        assertThat(run.reportDirectory()).hasValueSatisfying(directory -> assertThat(Path.of(directory)).isDirectory());
    }

    @Test
    void neverRunsOneAuditTwiceAtOnce() throws Exception {
        // given
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
        // given: an audit due at three consecutive seconds a few seconds from now, and the server down during them
        ZonedDateTime first = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(5).withNano(0);
        String seconds = first.getSecond() + "," + first.plusSeconds(1).getSecond() + "," + first.plusSeconds(2).getSecond();
        FakeExecutor executor = FakeExecutor.working(Duration.ofMillis(10));
        ScheduleConfig config = ScheduleFixture.embedded(folder, seconds + " * * * * ?", "", "");
        try (AuditServer server = start(config, executor)) {
            assertThat(server.nextRun("nightly")).contains(first.toInstant());
        }
        while (Instant.now().isBefore(first.toInstant().plusMillis(3_800))) {
            Thread.sleep(100);
        }

        // when
        try (AuditServer server = start(config, executor)) {
            Eventually.await(PATIENCE, "the missed run finished", () -> !finishedRuns(server).isEmpty());
            Thread.sleep(2_000);

            // then
            assertThat(finishedRuns(server)).hasSize(1);
        }
        assertThat(executor.calls()).isEqualTo(1);
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
        try (var reader = dev.l2o.store.StoreDatabase.open(config.store(), config.dataDir(), Map.of(), 2)) {
            List<RunRecord> runs = new dev.l2o.store.RunHistoryStore(reader.dataSource()).runs(Optional.of("nightly"), 10);
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
        try (var reader = dev.l2o.store.StoreDatabase.open(config.store(), config.dataDir(), Map.of(), 2)) {
            List<RunRecord> runs = new dev.l2o.store.RunHistoryStore(reader.dataSource()).runs(Optional.of("nightly"), 10);
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).outcome()).contains(RunOutcome.INTERRUPTED);
            assertThat(runs.get(0).detail()).hasValueSatisfying(detail -> assertThat(detail).contains("shut down"));
        }
        assertThat(reportFolderNames()).isEmpty();
    }

    @Test
    void retentionKeepsTheNewestRunsAndDeletesTheFoldersOfTheOthers() throws Exception {
        // given
        FakeExecutor executor = FakeExecutor.working(Duration.ofMillis(10));
        ScheduleConfig config = ScheduleFixture.embedded(folder, EVERY_SECOND, "", "retention: { runs: 2 }");

        // when
        List<RunRecord> kept;
        try (AuditServer server = start(config, executor)) {
            Eventually.await(PATIENCE, "four runs executed", () -> executor.executions().size() >= 4);
            Eventually.await(PATIENCE, "retention applied", () -> finishedRuns(server).size() == 2 && server.store()
                    .runs(Optional.of("nightly"), 100).size() == 2);
        }
        try (var reader = dev.l2o.store.StoreDatabase.open(config.store(), config.dataDir(), Map.of(), 2)) {
            kept = new dev.l2o.store.RunHistoryStore(reader.dataSource()).runs(Optional.of("nightly"), 100);
        }

        // then
        assertThat(kept).hasSize(2);
        assertThat(reportFolderNames()).containsExactlyElementsOf(kept.stream()
                .map(run -> Path.of(run.reportDirectory().orElseThrow()).getFileName().toString()).sorted().toList());
    }
}
