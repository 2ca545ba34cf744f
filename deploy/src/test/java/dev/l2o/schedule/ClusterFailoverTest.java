package dev.l2o.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.store.PostgresServer;
import dev.l2o.store.RunHistoryStore;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import dev.l2o.store.StoreDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code l2o serve} processes (separate JVMs) on one real PostgreSQL as a Quartz cluster: the node running
 * an audit is killed with SIGKILL, the other recovers the fire, and the fire ends with exactly one recorded run.
 */
class ClusterFailoverTest {
    private static final Duration WORK = Duration.ofSeconds(4);
    /** Time for both JVMs to start before the audit is due. */
    private static final Duration LEAD = Duration.ofSeconds(12);

    /** Kept when the test fails: the nodes' logs explain what happened. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    private final List<Process> nodes = new ArrayList<>();
    private PostgresServer postgres;

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process node : nodes) {
            node.destroyForcibly();
            node.waitFor(10, TimeUnit.SECONDS);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private Process startNode(String name, Path config, Path journal) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-Dlogback.configurationFile=cluster-node-logback.xml",
                "-cp", classPath, ClusterNodeMain.class.getName(), config.toString(), journal.toString(), Long.toString(WORK.toMillis()));
        builder.environment().putAll(postgres.credentials());
        builder.redirectErrorStream(true);
        builder.redirectOutput(folder.resolve(name + ".log").toFile());
        Process process = builder.start();
        nodes.add(process);
        return process;
    }

    private Optional<String> startedNodeId(String name) {
        try {
            Path log = folder.resolve(name + ".log");
            return Files.exists(log)
                    ? Files.readAllLines(log).stream().filter(line -> line.startsWith("NODE-STARTED ")).map(line -> line.substring(13)).findFirst()
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Test
    void theSurvivingNodeRecoversTheFireOfAKilledNodeAndRecordsItOnce() throws Exception {
        // given: a cluster of two nodes and an audit due once, a few seconds from now
        postgres = PostgresServer.start();
        String jdbcUrl = postgres.createDatabase();
        ZonedDateTime due = ZonedDateTime.now(ZoneOffset.UTC).plus(LEAD).withNano(0);
        Path config = folder.resolve("audits.yaml");
        Files.writeString(config, """
                apiVersion: l2o/v1
                kind: AuditSchedule
                dataDir: shared-data
                store:
                  jdbcUrl: %s
                  usernameEnv: %s
                  passwordEnv: %s
                cluster: true
                workers: 1
                shutdownGraceSeconds: 20
                audits:
                  - name: failover
                    source: hubspot
                    blueprint: blueprint.yaml
                    schedule: "%d %d * * * ?"
                """.formatted(jdbcUrl, PostgresServer.USER_VARIABLE, PostgresServer.PASSWORD_VARIABLE, due.getSecond(), due.getMinute()));
        Path journal = folder.resolve("journal.txt");
        Map<String, Process> byNodeId = new java.util.TreeMap<>();
        Process first = startNode("node-1", config, journal);
        Process second = startNode("node-2", config, journal);
        Eventually.await(Duration.ofSeconds(30), "both nodes started", () -> startedNodeId("node-1").isPresent()
                && startedNodeId("node-2").isPresent());
        byNodeId.put(startedNodeId("node-1").orElseThrow(), first);
        byNodeId.put(startedNodeId("node-2").orElseThrow(), second);
        assertThat(Instant.now()).as("both nodes started before the audit was due").isBefore(due.toInstant());

        try (StoreDatabase database = StoreDatabase.open(postgres.settings(jdbcUrl), folder, postgres.credentials(), 2)) {
            RunHistoryStore store = new RunHistoryStore(database.dataSource());
            Eventually.await(Duration.ofSeconds(30), "a node runs the audit", () -> store.runs(Optional.of("failover"), 10).stream()
                    .anyMatch(run -> run.outcome().isEmpty()));
            RunRecord running = store.runs(Optional.of("failover"), 10).get(0);
            // The run is claimed in the store a moment before the executor starts: kill the node only once it works.
            String fireMillis = Long.toString(running.fireTime().toEpochMilli());
            Eventually.await(Duration.ofSeconds(20), "the claiming node starts the audit", () -> journalHas(journal, "start " + fireMillis));
            Process victim = byNodeId.get(running.nodeId());
            String survivor = byNodeId.keySet().stream().filter(id -> !id.equals(running.nodeId())).findFirst().orElseThrow();

            // when
            victim.destroyForcibly();
            assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();

            // then
            Eventually.await(Duration.ofSeconds(40), "the fire is recovered and finished", () -> store.run(running.runId())
                    .flatMap(RunRecord::outcome).isPresent());
            RunRecord recovered = store.run(running.runId()).orElseThrow();
            assertThat(recovered.fireTime()).isEqualTo(due.toInstant());
            assertThat(recovered.outcome()).contains(RunOutcome.DRIFT);
            assertThat(recovered.nodeId()).isEqualTo(survivor);
            assertThat(recovered.attempt()).isEqualTo(2);
            List<RunRecord> all = store.runs(Optional.of("failover"), 100);
            assertThat(all).extracting(RunRecord::fireTime).containsExactly(due.toInstant());
            List<String> journalLines = Files.readAllLines(journal);
            String fire = Long.toString(due.toInstant().toEpochMilli());
            assertThat(journalLines).filteredOn(line -> line.startsWith("start " + fire)).hasSize(2);
            assertThat(journalLines).filteredOn(line -> line.startsWith("end " + fire)).hasSize(1);
            Path reports = folder.resolve("shared-data/reports/failover");
            assertThat(Files.readString(Path.of(recovered.reportDirectory().orElseThrow()).resolve("report.json"))).endsWith("true}");
            try (var entries = Files.list(reports)) {
                assertThat(entries.map(path -> path.getFileName().toString())).containsExactly(ReportFolders.stamp(due.toInstant()));
            }
        }
        Process survivorProcess = byNodeId.values().stream().filter(Process::isAlive).findFirst().orElseThrow();
        survivorProcess.destroy();
        assertThat(survivorProcess.waitFor(30, TimeUnit.SECONDS)).as("the survivor stops on SIGTERM").isTrue();
    }

    private static boolean journalHas(Path journal, String prefix) {
        try {
            return Files.exists(journal) && Files.readAllLines(journal).stream().anyMatch(line -> line.startsWith(prefix));
        } catch (IOException e) {
            return false;
        }
    }
}
