package dev.l2o.schedule;

import static java.util.Objects.requireNonNull;

import dev.l2o.error.ErrorType;
import dev.l2o.error.L2oException;
import dev.l2o.notify.Notifier;
import dev.l2o.notify.RunChange;
import dev.l2o.store.CompletedRun;
import dev.l2o.store.FindingSummary;
import dev.l2o.store.RunHistoryStore;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one scheduled fire of an audit from start to end: claims the run in the history (one run per fire
 * time, also across a cluster), lets the executor write into a private folder, publishes the folder
 * atomically, records the result, applies retention and notifies. Never throws: every failure becomes the
 * run's outcome or a log line. Thread-safe.
 *
 * <p>A lost connection to the store (PostgreSQL restarting) is waited out for about a minute when a run is
 * claimed or recorded, so that such an outage neither drops a fire nor leaves its run marked running. A run
 * whose node was paused so long that another node took it over is fenced: its result is neither published nor
 * recorded over the newer attempt's.
 */
final class AuditRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AuditRunner.class);
    /** How long and how often a lost store connection is retried: enough for a database restart. */
    static final Duration STORE_RETRY_PAUSE = Duration.ofSeconds(2);
    static final int STORE_ATTEMPTS = 30;
    /** How often a run waiting for another attempt at its audit looks again. */
    static final Duration LOCK_POLL = Duration.ofMillis(500);

    /** Waits between attempts to reach the store; the server sleeps, tests advance their clock. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final ScheduleConfig config;
    private final AuditExecutor executor;
    private final RunHistoryStore store;
    private final Notifier notifier;
    private final Clock clock;
    private final String nodeId;
    private final Map<String, String> environment;
    private final Pause pause;
    private final Map<Long, ActiveRun> active = new ConcurrentHashMap<>();

    AuditRunner(ScheduleConfig config, AuditExecutor executor, RunHistoryStore store, Notifier notifier, Clock clock,
            String nodeId, Map<String, String> environment, Pause pause) {
        this.config = requireNonNull(config, "config is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.store = requireNonNull(store, "store is null");
        this.notifier = requireNonNull(notifier, "notifier is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.nodeId = requireNonNull(nodeId, "nodeId is null");
        this.environment = Map.copyOf(environment);
        this.pause = requireNonNull(pause, "pause is null");
    }

    /**
     * A claimed run in progress; the lock decides between publishing and interruption, whichever comes first.
     *
     * <p>Its thread is interrupted only while the executor works, never while the run uses the store: an interrupt
     * during file I/O closes the embedded H2 database's file channel for every connection of the process
     * (h2database#227, #1076: "MVStore is never going to be interrupt() safe"), and the store's records of the
     * other runs with it. Interrupted elsewhere, the run sees {@link #isInterrupted()} at its next step.
     */
    private static final class ActiveRun {
        final RunRecord attempt;
        final Thread thread;
        final List<Path> temporaries = new ArrayList<>();
        private boolean executing;
        private boolean publishing;
        private boolean interrupted;

        ActiveRun(RunRecord attempt, Thread thread) {
            this.attempt = attempt;
            this.thread = thread;
        }

        /** False if the run was interrupted before its executor started. */
        synchronized boolean startExecuting() {
            if (interrupted) {
                return false;
            }
            executing = true;
            return true;
        }

        /** Called on the run's thread when the executor returns: clears an interrupt sent to it, which is remembered here. */
        synchronized void stopExecuting() {
            executing = false;
            Thread.interrupted();
        }

        synchronized boolean startPublishing() {
            if (interrupted) {
                return false;
            }
            publishing = true;
            return true;
        }

        synchronized boolean isInterrupted() {
            return interrupted;
        }

        synchronized boolean interrupt() {
            if (publishing) {
                return false;
            }
            interrupted = true;
            if (executing) {
                thread.interrupt();
            }
            return true;
        }
    }

    /** Names of the audits running in this process now, sorted. */
    Set<String> runningAudits() {
        Set<String> names = new TreeSet<>();
        active.values().forEach(run -> names.add(run.attempt.auditName()));
        return names;
    }

    boolean isIdle() {
        return active.isEmpty();
    }

    /** Waits until no run is in progress or {@code timeout} (real time) passed; true if idle. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (active) {
            for (long left = timeout.toNanos(); !active.isEmpty() && left > 0; left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(active, left);
            }
            return active.isEmpty();
        }
    }

    private void ended(long runId) {
        synchronized (active) {
            active.remove(runId);
            active.notifyAll();
        }
    }

    /** Runs the fire of {@code auditName} scheduled for {@code fireTime}. */
    void run(String auditName, Instant fireTime) {
        Optional<RunRecord> claimed;
        try {
            claimed = retryingConnection(() -> store.claim(auditName, fireTime, nodeId, clock.instant()));
        } catch (L2oException e) {
            LOG.error("audit {}: run of {} not started: {}", auditName, fireTime, e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("audit {}: run of {} not started: stopped while the store was unreachable", auditName, fireTime);
            return;
        }
        if (claimed.isEmpty()) {
            LOG.info("audit {}: the run of {} is already recorded; not running it again", auditName, fireTime);
            return;
        }
        RunRecord run = claimed.get();
        ActiveRun activeRun = new ActiveRun(run, Thread.currentThread());
        active.put(run.runId(), activeRun);
        try {
            Optional<ScheduledAudit> audit = config.audit(auditName);
            if (audit.isEmpty()) {
                // a cluster node with an older schedule file picked up an audit it does not know
                finish(run, activeRun, Optional.empty(), RunResult.failed(RunOutcome.FAILED,
                        "audit " + auditName + " is not in the schedule file of node " + nodeId), Optional.empty());
                return;
            }
            Optional<RunHistoryStore.AuditLock> lock = lockAudit(run, activeRun);
            if (lock.isEmpty()) {
                return;
            }
            try {
                LOG.info("audit {}: run of {} started on {} (attempt {})", auditName, fireTime, nodeId, run.attempt());
                execute(run, activeRun, audit.get());
            } finally {
                lock.get().close();
            }
        } finally {
            ended(run.runId());
            activeRun.temporaries.forEach(ReportFolders::deleteQuietly);
        }
    }

    private void execute(RunRecord run, ActiveRun activeRun, ScheduledAudit audit) {
        ReportFolders folders = new ReportFolders(audit.outputDirectory());
        Path runDirectory;
        Optional<Path> previousSnapshot = Optional.empty();
        Optional<RunRecord> previous;
        try {
            runDirectory = folders.createTemporary(run.fireTime());
            activeRun.temporaries.add(runDirectory);
            previous = store.previousResult(audit.name(), run.fireTime());
            Optional<byte[]> snapshot = previous.flatMap(before -> store.snapshot(before.runId()));
            if (snapshot.isPresent()) {
                Path file = folders.temporaryFile(run.fireTime(), ".previous-snapshot.json.gz");
                activeRun.temporaries.add(file);
                Files.write(file, snapshot.get());
                previousSnapshot = Optional.of(file);
            }
        } catch (IOException | L2oException e) {
            finish(run, activeRun, Optional.empty(), RunResult.failed(RunOutcome.FAILED, "cannot prepare the run: " + oneLine(e)),
                    Optional.empty());
            return;
        }
        if (!activeRun.startExecuting()) {
            return;
        }
        RunResult result;
        try {
            RunRequest request = new RunRequest(audit, runDirectory, run.fireTime(), previousSnapshot,
                    audit.sourceEnvironment(environment));
            result = requireNonNull(executor.execute(request), "the executor returned no result");
        } catch (L2oException e) {
            RunOutcome outcome = e.type() == ErrorType.EXTERNAL ? RunOutcome.INCOMPLETE : RunOutcome.FAILED;
            result = RunResult.failed(outcome, e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.error("audit {}: internal error in the run of {}", audit.name(), run.fireTime(), e);
            result = RunResult.failed(RunOutcome.FAILED, "internal error: " + oneLine(e));
        } finally {
            activeRun.stopExecuting();
        }
        finish(run, activeRun, Optional.of(new Published(folders, runDirectory)), result, previous);
    }

    /** The private folder of a run and where it goes. */
    private record Published(ReportFolders folders, Path runDirectory) {}

    private void finish(RunRecord run, ActiveRun activeRun, Optional<Published> output, RunResult result,
            Optional<RunRecord> previous) {
        if (!activeRun.startPublishing()) {
            LOG.warn("audit {}: the run of {} ended after it was marked interrupted; its result is dropped",
                    run.auditName(), run.fireTime());
            return;
        }
        if (!stillOwns(activeRun)) {
            LOG.warn("audit {}: the run of {} was taken over by another node while this one worked; its result is dropped",
                    run.auditName(), run.fireTime());
            return;
        }
        Optional<Path> reportDirectory = Optional.empty();
        List<String> reportFiles = List.of();
        Optional<Path> snapshot = Optional.empty();
        RunResult recorded = result;
        if (output.isPresent()) {
            Published published = output.get();
            try {
                Path runDirectory = published.runDirectory();
                if (result.snapshotFile().isPresent()) {
                    // the snapshot goes to the store, not beside the reports: move it out before publishing
                    Path kept = published.folders().temporaryFile(run.fireTime(), ".snapshot.json.gz");
                    activeRun.temporaries.add(kept);
                    Files.move(resolveInside(runDirectory, result.snapshotFile().get()), kept);
                    snapshot = Optional.of(kept);
                }
                reportFiles = relativeFiles(runDirectory, result.reportFiles());
                if (!isEmptyFolder(runDirectory)) {
                    reportDirectory = Optional.of(published.folders().publish(runDirectory, run.fireTime()));
                }
            } catch (IOException | RuntimeException e) {
                recorded = RunResult.failed(RunOutcome.FAILED, "cannot publish the reports: " + oneLine(e));
                reportFiles = List.of();
                snapshot = Optional.empty();
            }
        }
        CompletedRun completed = new CompletedRun(recorded.outcome(), clock.instant(), recorded.findings(), recorded.maturity(),
                recorded.stageMedians(), reportDirectory, reportFiles, snapshot, recorded.detail(), recorded.coverage());
        try {
            if (!retryingConnection(() -> store.complete(run, completed))) {
                LOG.warn("audit {}: the run of {} was taken over by another node before its result was recorded; dropped",
                        run.auditName(), run.fireTime());
                return;
            }
        } catch (L2oException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.error("audit {}: the run of {} finished ({}) but could not be recorded: {}", run.auditName(), run.fireTime(),
                    recorded.outcome(), e.getMessage());
            return;
        }
        LOG.info("audit {}: run of {} finished: {}{}", run.auditName(), run.fireTime(), recorded.outcome(),
                recorded.detail().map(detail -> " (" + detail + ")").orElse(""));
        Optional<ScheduledAudit> audit = config.audit(run.auditName());
        if (audit.isPresent()) {
            applyRetention(audit.get());
            writeTrends(audit.get(), reportDirectory);
            notifyChange(audit.get(), run.runId(), recorded, previous, reportDirectory);
        }
    }

    /**
     * Adds {@code trends.html} (the audit's trends over its kept runs, this one included) to the published folder of a
     * run whose formats include html. Trends never change a run's outcome: a failure is a log line.
     */
    private void writeTrends(ScheduledAudit audit, Optional<Path> reportDirectory) {
        if (reportDirectory.isEmpty() || !audit.formats().contains("html")) {
            return;
        }
        try {
            String page = HistoryQuery.over(store, List.of(audit.name())).trendsHtml(Optional.of(audit.name()), audit.retentionRuns());
            Files.writeString(reportDirectory.get().resolve(TrendPage.FILE_NAME), page);
        } catch (IOException | RuntimeException e) {
            LOG.warn("audit {}: trends not written: {}", audit.name(), oneLine(e));
        }
    }

    /**
     * Waits until no other attempt works on the audit (a node that was frozen and resumed finishes, or drops, the
     * run it was taken; Quartz keeps live nodes apart on its own). Empty if the wait was interrupted (shutdown:
     * the run was marked interrupted) or the store failed (the run is marked failed).
     */
    private Optional<RunHistoryStore.AuditLock> lockAudit(RunRecord run, ActiveRun activeRun) {
        boolean waited = false;
        try {
            while (!activeRun.isInterrupted()) {
                Optional<RunHistoryStore.AuditLock> lock = retryingConnection(() -> store.tryLockAudit(run.auditName()));
                if (lock.isPresent()) {
                    return lock;
                }
                if (!waited) {
                    LOG.warn("audit {}: another attempt still works on the audit; the run of {} waits for it", run.auditName(),
                            run.fireTime());
                    waited = true;
                }
                pause.pause(LOCK_POLL);
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (L2oException e) {
            LOG.error("audit {}: run of {} not started: {}", run.auditName(), run.fireTime(), e.getMessage());
            try {
                store.markInterrupted(run, clock.instant(), "not started: " + e.getMessage());
            } catch (L2oException again) {
                // the run stays marked running; the next start of an unclustered node, or a cluster recovery, takes it over
            }
            return Optional.empty();
        }
    }

    private boolean stillOwns(ActiveRun activeRun) {
        try {
            return retryingConnection(() -> store.stillOwns(activeRun.attempt));
        } catch (L2oException e) {
            // the store will refuse to record the result too; publishing stays safe, the record decides
            LOG.warn("audit {}: cannot check who owns the run of {}: {}", activeRun.attempt.auditName(), activeRun.attempt.fireTime(),
                    e.getMessage());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Calls the store, waiting out a lost connection for up to {@link #STORE_ATTEMPTS} attempts. */
    private <T> T retryingConnection(Supplier<T> call) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (L2oException e) {
                if (attempt >= STORE_ATTEMPTS || !RunHistoryStore.isConnectionFailure(e)) {
                    throw e;
                }
                LOG.warn("run history store unreachable (attempt {} of {}), retrying in {} s: {}", attempt, STORE_ATTEMPTS,
                        STORE_RETRY_PAUSE.toSeconds(), e.getMessage());
                pause.pause(STORE_RETRY_PAUSE);
            }
        }
    }

    private void applyRetention(ScheduledAudit audit) {
        try {
            ReportFolders folders = new ReportFolders(audit.outputDirectory());
            for (RunRecord expired : store.deleteBeyond(audit.name(), audit.retentionRuns())) {
                if (expired.reportDirectory().isPresent()) {
                    folders.deletePublished(Path.of(expired.reportDirectory().get()));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("audit {}: retention not applied: {}", audit.name(), oneLine(e));
        }
    }

    private void notifyChange(ScheduledAudit audit, long runId, RunResult result, Optional<RunRecord> previous,
            Optional<Path> reportDirectory) {
        if (audit.notifications().isEmpty()) {
            return;
        }
        try {
            RunRecord current = store.run(runId).orElseThrow();
            List<FindingSummary> previousFindings = previous.map(before -> store.findings(before.runId())).orElse(List.of());
            RunChange change = new RunChange(current, result.findings(), previous, previousFindings,
                    reportDirectory.map(Path::toString));
            notifier.notifyIfChanged(change, audit.notifications());
        } catch (RuntimeException e) {
            LOG.warn("audit {}: notifications not sent: {}", audit.name(), oneLine(e));
        }
    }

    /**
     * Marks every run still in progress as interrupted and interrupts its thread if its executor works; runs
     * already publishing their result are left to finish. Returns the audits marked.
     */
    List<String> interruptAll(String reason) {
        List<String> interrupted = new ArrayList<>();
        active.forEach((runId, run) -> {
            String auditName = run.attempt.auditName();
            if (run.interrupt()) {
                try {
                    store.markInterrupted(run.attempt, clock.instant(), reason);
                } catch (L2oException e) {
                    LOG.error("audit {}: could not mark run {} interrupted: {}", auditName, runId, e.getMessage());
                }
                run.temporaries.forEach(ReportFolders::deleteQuietly);
                interrupted.add(auditName);
                LOG.warn("audit {}: run {} interrupted: {}", auditName, runId, reason);
            }
        });
        return interrupted;
    }

    private static Path resolveInside(Path runDirectory, Path file) throws IOException {
        Path resolved = runDirectory.resolve(file).normalize();
        if (!resolved.startsWith(runDirectory)) {
            throw new IOException(file + " is not inside the run directory");
        }
        return resolved;
    }

    private static List<String> relativeFiles(Path runDirectory, List<Path> files) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            names.add(runDirectory.relativize(resolveInside(runDirectory, file)).toString().replace('\\', '/'));
        }
        return names;
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(e.getClass().getSimpleName());
    }
}
