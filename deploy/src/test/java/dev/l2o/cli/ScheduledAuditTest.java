package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.app.ServiceAuditExecutor;
import dev.l2o.schedule.AuditServer;
import dev.l2o.schedule.Eventually;
import dev.l2o.schedule.ScheduleConfigLoader;
import dev.l2o.schedule.ServerOptions;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduledAuditTest {
    @TempDir
    Path folder;

    @Test
    void aScheduledAuditOfTheExampleOrgRunsTheRealAuditRecordsItAndShowsInHistory() throws Exception {
        // given
        Path config = folder.resolve("audits.yaml");
        Files.writeString(config, """
                apiVersion: l2o/v1
                kind: AuditSchedule
                dataDir: ./data
                audits:
                  - name: northwind
                    source: sfdx:%s
                    blueprint: %s
                    schedule: "*/2 * * * * ?"
                    formats: [json, text]
                    retention: { runs: 5 }
                """.formatted(Path.of(AuditCommandTest.ORG).toAbsolutePath(), Path.of(AuditCommandTest.BLUEPRINT).toAbsolutePath()));

        // when
        try (AuditServer server = AuditServer.start(ScheduleConfigLoader.load(config), new ServiceAuditExecutor(Clock.systemUTC()),
                Clock.systemUTC(), ServerOptions.defaults(Map.of()))) {
            Eventually.await(Duration.ofSeconds(40), "two finished runs", () -> finished(server).size() >= 2);
        }
        CliRun history = CliRun.of("history", "--config", config.toString(), "--audit", "northwind");

        // then
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out()).contains("northwind").contains("drift");
        Path reports = folder.resolve("data/reports/northwind");
        try (Stream<Path> runs = Files.list(reports)) {
            Path run = runs.sorted().toList().get(0);
            assertThat(run.resolve("report.json")).exists();
            assertThat(run.resolve("report.txt")).exists();
        }
    }

    private static List<RunRecord> finished(AuditServer server) {
        return server.store().runs(Optional.of("northwind"), 10).stream()
                .filter(run -> run.outcome().isPresent())
                .peek(run -> assertThat(run.outcome()).contains(RunOutcome.DRIFT))
                .toList();
    }
}
