package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2o.app.ServiceAuditExecutor;
import dev.l2o.app.SimulatedSources;
import dev.l2o.schedule.RunRequest;
import dev.l2o.schedule.RunResult;
import dev.l2o.schedule.ScheduleConfig;
import dev.l2o.schedule.ScheduleConfigLoader;
import dev.l2o.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code l2o serve}'s runs obtain the previous run's snapshot and read a live source on it. */
class IncrementalScheduledAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKEN = Map.of("HUBSPOT_TOKEN", "any-token");

    @TempDir
    Path folder;

    @Test
    void aScheduledRunReadsALiveSourceOnThePreviousRunsSnapshotAndTheFirstRunSaysWhyItReadEverything() throws Exception {
        // given
        try (SimulatedSources.Running portal = SimulatedSources.hubspot(RepositoryFiles.file("examples/hubspot/portal.json"), 0)) {
            Files.copy(RepositoryFiles.file("examples/hubspot/blueprint.yaml"), folder.resolve("blueprint.yaml"));
            Path file = folder.resolve("audits.yaml");
            Files.writeString(file, """
                    apiVersion: l2o/v1
                    kind: AuditSchedule
                    dataDir: ./data
                    audits:
                      - { name: brightwave, source: hubspot, baseUrl: "%s", blueprint: blueprint.yaml, schedule: "0 0 2 * * ?", formats: [json] }
                    """.formatted(portal.url()));
            ScheduleConfig config = ScheduleConfigLoader.load(file);

            // when
            RunResult first = run(config, "first", Optional.empty());
            RunResult second = run(config, "second", first.snapshotFile());

            // then
            JsonNode firstSource = source("first");
            JsonNode secondSource = source("second");
            assertThat(second.snapshotFile()).isPresent();
            assertThat(firstSource.path("incremental").path("mode").asText()).isEqualTo("full");
            assertThat(firstSource.path("incremental").path("reason").asText()).isEqualTo("the audit has no earlier run that kept a snapshot");
            assertThat(secondSource.path("incremental").path("mode").asText()).isEqualTo("incremental");
            assertThat(secondSource.path("attributes").path("portalId").asText()).isEqualTo("24681357");
        }
    }

    private RunResult run(ScheduleConfig config, String name, Optional<Path> previous) throws IOException {
        Path runDirectory = Files.createDirectories(folder.resolve(name));
        RunRequest request = new RunRequest(config.audit("brightwave").orElseThrow(), runDirectory, Instant.parse("2026-11-01T02:00:00Z"),
                previous, TOKEN);
        return new ServiceAuditExecutor(Clock.systemUTC()).execute(request);
    }

    private JsonNode source(String run) throws IOException {
        return JSON.readTree(folder.resolve(run).resolve("report.json").toFile()).path("source");
    }
}
