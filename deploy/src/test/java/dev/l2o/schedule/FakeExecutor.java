package dev.l2o.schedule;

import dev.l2o.rules.Severity;
import dev.l2o.store.FindingSummary;
import dev.l2o.store.MaturityScores;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.StageMedian;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A hand-written executor for scheduler tests: works for a while (interruptibly), writes a report and a
 * snapshot into the run directory and returns findings chosen per run. It remembers what it saw.
 */
final class FakeExecutor implements AuditExecutor {
    /** One call, as the executor saw it. */
    record Execution(String audit, Instant fireTime, long startNanos, long endNanos, Optional<String> previousSnapshot) {}

    /** What a run does between writing the first and the last part of its report. */
    @FunctionalInterface
    interface Work {
        void during(RunRequest request) throws InterruptedException;

        /** Real work of a fixed length (interruptible), for tests of the scheduler itself. */
        static Work lasting(Duration duration) {
            return request -> Thread.sleep(duration.toMillis());
        }
    }

    private final Work work;
    private final IntFunction<List<FindingSummary>> findingsOfRun;
    private final Optional<Path> journal;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final List<Execution> executions = new CopyOnWriteArrayList<>();

    FakeExecutor(Duration work, IntFunction<List<FindingSummary>> findingsOfRun, Optional<Path> journal) {
        this(Work.lasting(work), findingsOfRun, journal);
    }

    FakeExecutor(Work work, IntFunction<List<FindingSummary>> findingsOfRun, Optional<Path> journal) {
        this.work = work;
        this.findingsOfRun = findingsOfRun;
        this.journal = journal;
    }

    /** Works for {@code work}, then finds one error in every run. */
    static FakeExecutor working(Duration work) {
        return doing(Work.lasting(work));
    }

    /** Does {@code work}, then finds one error in every run. */
    static FakeExecutor doing(Work work) {
        return new FakeExecutor(work, run -> List.of(finding("L2O-STAGE-MISSING", Severity.ERROR, "stage proposal")), Optional.empty());
    }

    static FindingSummary finding(String ruleId, Severity severity, String subject) {
        return new FindingSummary(ruleId, severity, subject, ruleId + " on " + subject);
    }

    @Override
    public RunResult execute(ScheduledAudit audit, Path runDirectory) {
        return execute(new RunRequest(audit, runDirectory, Instant.now(), Optional.empty(), Map.of()));
    }

    @Override
    public RunResult execute(RunRequest request) {
        int run = calls.incrementAndGet();
        int now = running.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        long start = System.nanoTime();
        write("start " + request.fireTime().toEpochMilli() + " " + ProcessHandle.current().pid() + " " + System.currentTimeMillis());
        try {
            Path report = request.runDirectory().resolve("report.json");
            Files.writeString(report, "{\"audit\":\"" + request.audit().name() + "\",\"run\":" + run + ",\"complete\":");
            work.during(request);
            Files.writeString(report, "true}", StandardOpenOption.APPEND);
            Path snapshot = request.runDirectory().resolve("snapshot.json.gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(snapshot))) {
                out.write(("{\"run\":" + run + "}").getBytes(StandardCharsets.UTF_8));
            }
            List<FindingSummary> findings = findingsOfRun.apply(run);
            RunOutcome outcome = findings.isEmpty() ? RunOutcome.PASSED : RunOutcome.DRIFT;
            executions.add(new Execution(request.audit().name(), request.fireTime(), start, System.nanoTime(),
                    request.previousSnapshot().map(FakeExecutor::gunzip)));
            write("end " + request.fireTime().toEpochMilli() + " " + ProcessHandle.current().pid() + " " + System.currentTimeMillis());
            return new RunResult(outcome, findings,
                    Optional.of(new MaturityScores(2.5, Map.of("lifecycle", 2.5))),
                    List.of(new StageMedian("qualify", 3.0 + run), new StageMedian("propose", 5.5)),
                    List.of(report), Optional.of(snapshot), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunResult.failed(RunOutcome.INTERRUPTED, "interrupted");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            running.decrementAndGet();
        }
    }

    private void write(String line) {
        if (journal.isPresent()) {
            try {
                Files.writeString(journal.get(), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String gunzip(Path file) {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int calls() {
        return calls.get();
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    List<Execution> executions() {
        return new ArrayList<>(executions);
    }
}
