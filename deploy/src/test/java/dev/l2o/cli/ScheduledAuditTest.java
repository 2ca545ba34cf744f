package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.app.ServiceAuditExecutor;
import dev.l2o.model.Completeness;
import dev.l2o.schedule.RunRequest;
import dev.l2o.schedule.RunResult;
import dev.l2o.schedule.ScheduleConfig;
import dev.l2o.snapshot.SnapshotWriter;
import dev.l2o.schedule.AuditServer;
import dev.l2o.schedule.Eventually;
import dev.l2o.schedule.ScheduleConfigLoader;
import dev.l2o.schedule.ServerOptions;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    @Test
    void aScheduledRunEndsAsTheCommandLineExitsForTheSameSourceAndThreshold() throws Exception {
        // given
        Files.writeString(folder.resolve("blueprint.yaml"), DiffCommandTest.BLUEPRINT);
        Org org = new Org();
        org.fields.removeIf(field -> field.name().equals("Pain__c"));
        Path drifted = org.write(folder.resolve("drifted.json.gz"));
        Path incomplete = folder.resolve("incomplete.json.gz");
        SnapshotWriter.write(org.snapshot().withCompleteness(Completeness.incomplete(List.of("the flows could not be read"))),
                incomplete);
        ScheduleConfig config = schedule("""
                  - { name: at-error, source: "snapshot:%1$s", blueprint: blueprint.yaml, schedule: "0 0 2 * * ?" }
                  - { name: at-never, source: "snapshot:%1$s", blueprint: blueprint.yaml, schedule: "0 0 2 * * ?", failOn: never }
                  - { name: partial, source: "snapshot:%2$s", blueprint: blueprint.yaml, schedule: "0 0 2 * * ?", failOn: never }
                """.formatted(drifted, incomplete));

        // when
        RunOutcome atError = execute(config, "at-error", Optional.empty()).outcome();
        RunOutcome atNever = execute(config, "at-never", Optional.empty()).outcome();
        RunOutcome partial = execute(config, "partial", Optional.empty()).outcome();
        int exitAtError = auditExitCode(drifted, "error");
        int exitAtNever = auditExitCode(drifted, "never");
        int exitPartial = auditExitCode(incomplete, "never");

        // then
        assertThat(atError).isEqualTo(RunOutcome.DRIFT);
        assertThat(exitAtError).isEqualTo(ExitCode.FINDINGS);
        assertThat(atNever).isEqualTo(RunOutcome.PASSED);
        assertThat(exitAtNever).isEqualTo(ExitCode.OK);
        assertThat(partial).isEqualTo(RunOutcome.INCOMPLETE);
        assertThat(exitPartial).isEqualTo(ExitCode.INCOMPLETE);
    }

    @Test
    void theChangeFileOfAScheduledRunIsWhatDiffFormatJsonPrintsForTheSameTwoSnapshots() throws Exception {
        // given
        Files.writeString(folder.resolve("blueprint.yaml"), DiffCommandTest.BLUEPRINT);
        Org org = new Org();
        Path previous = org.write(folder.resolve("previous.json.gz"));
        org.fields.removeIf(field -> field.name().equals("Pain__c"));
        Path current = org.write(folder.resolve("current.json.gz"));
        ScheduleConfig config = schedule("""
                  - { name: nightly, source: "snapshot:%s", blueprint: blueprint.yaml, schedule: "0 0 2 * * ?" }
                """.formatted(current));

        // when
        RunResult result = execute(config, "nightly", Optional.of(previous));
        Path kept = result.snapshotFile().orElseThrow();
        CliRun diff = CliRun.of("diff", "snapshot:" + previous, "snapshot:" + kept, "--format", "json");

        // then
        Path changes = folder.resolve("run-nightly/changes.json");
        assertThat(result.reportFiles()).contains(changes);
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("salesforce:Opportunity.Pain__c");
        assertThat(Files.readAllBytes(changes)).isEqualTo(diff.out().getBytes(StandardCharsets.UTF_8));
    }

    private ScheduleConfig schedule(String audits) throws IOException {
        Path file = folder.resolve("audits.yaml");
        Files.writeString(file, "apiVersion: l2o/v1\nkind: AuditSchedule\ndataDir: ./data\naudits:\n" + audits);
        return ScheduleConfigLoader.load(file);
    }

    private RunResult execute(ScheduleConfig config, String audit, Optional<Path> previousSnapshot) throws IOException {
        Path runDirectory = Files.createDirectories(folder.resolve("run-" + audit));
        RunRequest request = new RunRequest(config.audit(audit).orElseThrow(), runDirectory, Org.AS_OF, previousSnapshot, Map.of());
        return new ServiceAuditExecutor(Clock.systemUTC()).execute(request);
    }

    private int auditExitCode(Path snapshot, String failOn) {
        return CliRun.of("audit", "--blueprint", folder.resolve("blueprint.yaml").toString(), "--source", "snapshot:" + snapshot,
                "--fail-on", failOn, "--format", "json", "--out", folder.resolve("cli-" + failOn).toString()).exitCode();
    }

    private static List<RunRecord> finished(AuditServer server) {
        return server.store().runs(Optional.of("northwind"), 10).stream()
                .filter(run -> run.outcome().isPresent())
                .peek(run -> assertThat(run.outcome()).contains(RunOutcome.DRIFT))
                .toList();
    }
}
