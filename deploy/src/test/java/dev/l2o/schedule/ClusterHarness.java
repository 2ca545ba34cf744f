package dev.l2o.schedule;

import dev.l2o.store.PostgresServer;
import dev.l2o.store.RunHistoryStore;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import dev.l2o.store.StoreDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.quartz.CronExpression;

/**
 * A cluster of {@code l2o serve} nodes (one JVM each, {@link ClusterNodeMain}) on one embedded PostgreSQL, one
 * audit on a short cron, and the faults the chaos tests inject: SIGKILL, SIGSTOP/SIGCONT of a node and a
 * restart of PostgreSQL. Each node's {@link FakeExecutor} writes a journal line when an attempt starts and ends;
 * {@link #tally()} checks the run history and the journal against the guarantees.
 */
final class ClusterHarness implements AutoCloseable {
    static final String AUDIT = "chaos";

    private final Path folder;
    private final PostgresServer postgres;
    private final String cron;
    private final Duration work;
    private final Path config;
    private final Path journal;
    private final StoreDatabase database;
    private final RunHistoryStore store;
    private final Map<String, Process> nodes = new LinkedHashMap<>();
    private final Map<Long, Instant> killedAt = new HashMap<>();
    private final Map<Long, List<Instant[]>> pauses = new HashMap<>();
    private int started;

    /**
     * @param folder where the schedule file, the PostgreSQL data, the journal and the nodes' logs go
     * @param cron the audit's Quartz cron
     * @param work how long each run of the audit works
     */
    ClusterHarness(Path folder, String cron, Duration work) {
        this.folder = folder;
        this.cron = cron;
        this.work = work;
        this.postgres = PostgresServer.startRestartable(folder.resolve("postgres"));
        String jdbcUrl = postgres.createDatabase();
        this.config = folder.resolve("audits.yaml");
        this.journal = folder.resolve("journal.txt");
        write(config, """
                apiVersion: l2o/v1
                kind: AuditSchedule
                dataDir: shared-data
                store:
                  jdbcUrl: %s
                  usernameEnv: %s
                  passwordEnv: %s
                cluster: true
                workers: 1
                shutdownGraceSeconds: 30
                audits:
                  - name: %s
                    source: hubspot
                    blueprint: blueprint.yaml
                    schedule: "%s"
                """.formatted(jdbcUrl, PostgresServer.USER_VARIABLE, PostgresServer.PASSWORD_VARIABLE, AUDIT, cron));
        this.database = StoreDatabase.open(postgres.settings(jdbcUrl), folder, postgres.credentials(), 2);
        this.store = new RunHistoryStore(database.dataSource());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RunHistoryStore store() {
        return store;
    }

    Path journal() {
        return journal;
    }

    /** Starts a node; its log is {@code <name>-<n>.log}. */
    void startNode(String name) {
        nodes.put(name, startServe(config, journal, work, folder.resolve(name + "-" + (++started) + ".log"), postgres.credentials()));
    }

    /**
     * Starts {@link ClusterNodeMain} (one {@code l2o serve} with a {@link FakeExecutor}) in a JVM of its own, its
     * output going to {@code log}.
     */
    static Process startServe(Path config, Path journal, Duration work, Path log, Map<String, String> environment) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=cluster-node-logback.xml",
                "-cp", classPath, ClusterNodeMain.class.getName(), config.toString(), journal.toString(), Long.toString(work.toMillis()));
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node id a started node printed, once it serves. */
    Optional<String> nodeId(String name) {
        Process process = nodes.get(name);
        try (var logs = Files.list(folder)) {
            for (Path log : logs.filter(file -> file.getFileName().toString().startsWith(name + "-")).sorted(Comparator.reverseOrder()).toList()) {
                Optional<String> id = Files.readAllLines(log).stream().filter(line -> line.startsWith("NODE-STARTED "))
                        .map(line -> line.substring(13)).findFirst();
                if (id.isPresent() && process != null && process.isAlive()) {
                    return id;
                }
                return Optional.empty();
            }
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    boolean allServing() {
        return nodes.keySet().stream().allMatch(name -> nodeId(name).isPresent());
    }

    /** The name of the node with this node id. */
    Optional<String> nodeNamed(String nodeId) {
        return nodes.keySet().stream().filter(name -> nodeId(name).equals(Optional.of(nodeId))).findFirst();
    }

    /** SIGKILL: the node dies mid-run without a word. */
    void kill(String name) throws InterruptedException {
        Process process = nodes.get(name);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        killedAt.put(process.pid(), Instant.now());
    }

    /** SIGSTOP, then SIGCONT after {@code length}: a node frozen (GC pause, VM migration) past the cluster check-in. */
    void pause(String name, Duration length) throws InterruptedException {
        long pid = nodes.get(name).pid();
        signal("STOP", pid);
        Instant from = Instant.now();
        TimeUnit.MILLISECONDS.sleep(length.toMillis());
        signal("CONT", pid);
        pauses.computeIfAbsent(pid, ignored -> new ArrayList<>()).add(new Instant[] {from, Instant.now()});
    }

    private static void signal(String signal, long pid) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void restartPostgres() {
        postgres.restart();
    }

    /** The run in progress whose attempt has started working (journal), if any. */
    Optional<RunRecord> workingRun() {
        try {
            List<RunRecord> running = store.runs(Optional.of(AUDIT), 20).stream().filter(run -> run.outcome().isEmpty()).toList();
            List<Attempt> attempts = attempts();
            return running.stream().filter(run -> attempts.stream().anyMatch(attempt -> attempt.fireMillis() == run.fireTime().toEpochMilli()
                    && attempt.end().isEmpty() && !killedAt.containsKey(attempt.pid()))).findFirst();
        } catch (RuntimeException storeRestarting) {
            return Optional.empty();
        }
    }

    /** Runs recorded with a result (not running, not interrupted); -1 while the store does not answer. */
    long finishedRuns() {
        try {
            return store.runs(Optional.of(AUDIT), Integer.MAX_VALUE).stream()
                    .filter(run -> run.outcome().isPresent() && run.outcome().get() != RunOutcome.INTERRUPTED).count();
        } catch (RuntimeException storeRestarting) {
            return -1;
        }
    }

    /** Stops every live node with SIGTERM (running runs may finish within the grace period); true if all stopped so. */
    boolean stopNodes() throws InterruptedException {
        for (Process process : nodes.values()) {
            if (process.isAlive()) {
                process.destroy();
            }
        }
        boolean stopped = true;
        for (Process process : nodes.values()) {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                stopped = false;
            }
        }
        return stopped;
    }

    /** One attempt at a run as a node's journal tells it. */
    record Attempt(long fireMillis, long pid, long startMillis, Optional<Long> end) {}

    List<Attempt> attempts() {
        return attempts(journal);
    }

    /** The attempts a journal of {@link FakeExecutor} tells of, in the order they started. */
    static List<Attempt> attempts(Path journal) {
        List<String> lines;
        try {
            lines = Files.exists(journal) ? Files.readAllLines(journal) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> ends = new HashMap<>();
        List<String[]> starts = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            if (parts.length != 4) {
                continue;
            }
            if (parts[0].equals("start")) {
                starts.add(parts);
            } else if (parts[0].equals("end")) {
                ends.put(parts[1] + " " + parts[2], Long.parseLong(parts[3]));
            }
        }
        return starts.stream().map(parts -> new Attempt(Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                Optional.ofNullable(ends.get(parts[1] + " " + parts[2])))).toList();
    }

    /**
     * What the chaos did to the guarantees.
     *
     * @param cronFires fire times of the cron from the first to the last recorded run
     * @param runsRecorded runs in the history
     * @param duplicateFireTimes fire times recorded more than once (must be 0)
     * @param cronFiresWithARun cron fire times with a run of exactly that time
     * @param lateFires runs at a time that is no cron fire time: several missed fires run once, late (misfire policy)
     * @param lostRuns runs left running, interrupted or failed at the end (must be 0)
     * @param attempts attempts started (a run taken over after a kill or a pause has two)
     * @param killedAttempts attempts cut off by SIGKILL
     * @param fencedAttempts attempts frozen by SIGSTOP whose run another node took over meanwhile: when their node
     *     resumes they end at once and their result is dropped (fencing); what they do after the pause is not counted
     *     as working below
     * @param mostAtOnce the most attempts working at the same moment (must be 1)
     */
    record Tally(int cronFires, int runsRecorded, int duplicateFireTimes, int cronFiresWithARun, int lateFires, int lostRuns,
            int attempts, int killedAttempts, int fencedAttempts, int mostAtOnce) {
        boolean holds() {
            return duplicateFireTimes == 0 && lostRuns == 0 && mostAtOnce <= 1;
        }

        String table() {
            return """
                    cron fire times in the window      %d
                    runs recorded                      %d
                    fire times recorded twice          %d   (must be 0)
                    cron fire times with their run     %d
                    late runs (missed fires, once)     %d
                    runs lost (running/interrupted/failed at the end)  %d   (must be 0)
                    attempts started                   %d
                    attempts killed (SIGKILL)          %d
                    attempts fenced (taken over while paused)  %d
                    most attempts working at once      %d   (must be 1)
                    """.formatted(cronFires, runsRecorded, duplicateFireTimes, cronFiresWithARun, lateFires, lostRuns, attempts,
                    killedAttempts, fencedAttempts, mostAtOnce);
        }
    }

    Tally tally() throws ParseException {
        List<RunRecord> runs = store.runs(Optional.of(AUDIT), Integer.MAX_VALUE);
        Map<Instant, Integer> byFireTime = new TreeMap<>();
        runs.forEach(run -> byFireTime.merge(run.fireTime(), 1, Integer::sum));
        int duplicates = (int) byFireTime.values().stream().filter(count -> count > 1).count();
        int lost = (int) runs.stream().filter(run -> run.outcome().isEmpty() || run.outcome().get() == RunOutcome.INTERRUPTED
                || run.outcome().get() == RunOutcome.FAILED).count();
        List<Instant> cronFires = new ArrayList<>();
        if (!byFireTime.isEmpty()) {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone("UTC"));
            Instant first = byFireTime.keySet().iterator().next();
            Instant last = ((TreeMap<Instant, Integer>) byFireTime).lastKey();
            Date next = Date.from(first.minusMillis(1));
            while ((next = expression.getNextValidTimeAfter(next)) != null && !next.toInstant().isAfter(last)) {
                cronFires.add(next.toInstant());
            }
        }
        int withRun = (int) cronFires.stream().filter(byFireTime::containsKey).count();
        int late = (int) byFireTime.keySet().stream().filter(fire -> !cronFires.contains(fire)).count();
        List<Attempt> attempts = attempts();
        int killed = (int) attempts.stream().filter(attempt -> attempt.end().isEmpty() && killedAt.containsKey(attempt.pid())).count();
        List<Attempt> fenced = attempts.stream().filter(attempt -> frozenWhileTakenOver(attempt, attempts)).toList();
        return new Tally(cronFires.size(), runs.size(), duplicates, withRun, late, lost, attempts.size(), killed, fenced.size(),
                mostAtOnce(attempts, fenced));
    }

    /** Whether the attempt's node was frozen during it and another attempt at the same run started after it. */
    private boolean frozenWhileTakenOver(Attempt attempt, List<Attempt> attempts) {
        long end = attempt.end().orElse(Long.MAX_VALUE);
        boolean frozen = pauses.getOrDefault(attempt.pid(), List.of()).stream()
                .anyMatch(pause -> pause[0].toEpochMilli() < end && pause[1].toEpochMilli() > attempt.startMillis());
        return frozen && attempts.stream().anyMatch(other -> other.fireMillis() == attempt.fireMillis() && other.pid() != attempt.pid()
                && other.startMillis() > attempt.startMillis());
    }

    /** Sweeps the attempts' working intervals: cut at a kill, without frozen time, fenced ones only until their pause. */
    private int mostAtOnce(List<Attempt> attempts, List<Attempt> fenced) {
        List<long[]> events = new ArrayList<>();
        for (Attempt attempt : attempts) {
            long end = attempt.end().orElseGet(() -> Optional.ofNullable(killedAt.get(attempt.pid())).map(Instant::toEpochMilli)
                    .orElse(Long.MAX_VALUE));
            long from = attempt.startMillis();
            for (Instant[] pause : pauses.getOrDefault(attempt.pid(), List.of())) {
                long pauseFrom = pause[0].toEpochMilli();
                long pauseTo = pause[1].toEpochMilli();
                if (pauseTo <= from || pauseFrom >= end) {
                    continue;
                }
                if (pauseFrom > from) {
                    events.add(new long[] {from, 1});
                    events.add(new long[] {pauseFrom, -1});
                }
                from = fenced.contains(attempt) ? Long.MAX_VALUE : Math.max(from, pauseTo);
            }
            if (from < end) {
                events.add(new long[] {from, 1});
                events.add(new long[] {end, -1});
            }
        }
        // at equal times an end comes before a start: one attempt ending as the next starts is not overlap
        events.sort(Comparator.<long[]>comparingLong(event -> event[0]).thenComparingLong(event -> event[1]));
        int now = 0;
        int most = 0;
        for (long[] event : events) {
            now += (int) event[1];
            most = Math.max(most, now);
        }
        return most;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : nodes.values()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        database.close();
        postgres.close();
    }
}
