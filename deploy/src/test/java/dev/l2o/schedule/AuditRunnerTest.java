package dev.l2o.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.notify.Notifier;
import dev.l2o.store.RunHistoryStore;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import dev.l2o.store.StoreDatabase;
import dev.l2o.store.StoreSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduling logic of one fire, without Quartz: the test chooses each fire time and moves the clock, so
 * nothing depends on how fast this machine is.
 */
class AuditRunnerTest {
    private static final Instant NIGHT = Instant.parse("2026-01-20T02:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(NIGHT);
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private StoreDatabase database;
    private OutageDataSource dataSource;
    private RunHistoryStore store;

    @BeforeEach
    void openStore() {
        database = StoreDatabase.open(StoreSettings.embedded(), folder.resolve("data"), Map.of(), 4);
        dataSource = new OutageDataSource(database.dataSource());
        store = new RunHistoryStore(dataSource);
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    private AuditRunner runner(ScheduleConfig config, AuditExecutor executor, String nodeId) {
        return new AuditRunner(config, executor, store, new Notifier(Map.of()), clock, nodeId, Map.of(), duration -> {
            pauses.add(duration);
            clock.advance(duration);
        });
    }

    private ScheduleConfig config(String auditKeys) {
        return ScheduleFixture.embedded(folder, "0 0 2 * * ?", "", auditKeys);
    }

    /** Work that takes {@code duration} of the test's clock. */
    private FakeExecutor.Work taking(Duration duration) {
        return request -> clock.advance(duration);
    }

    private static Instant night(int day) {
        return NIGHT.plus(Duration.ofDays(day));
    }

    private Path reports() {
        return folder.resolve("data/reports/nightly");
    }

    private List<String> reportFolderNames() throws IOException {
        return ScheduleFixture.reportFolderNames(reports());
    }

    private List<RunRecord> history() {
        return store.runs(Optional.of("nightly"), 100);
    }

    @Test
    void recordsARunWithItsResultAndTheTimesOfTheClock() {
        // given
        AuditRunner runner = runner(config(""), FakeExecutor.doing(taking(Duration.ofMinutes(7))), "node-a");

        // when
        runner.run("nightly", night(0));

        // then
        RunRecord run = history().get(0);
        assertThat(run.fireTime()).isEqualTo(night(0));
        assertThat(run.outcome()).contains(RunOutcome.DRIFT);
        assertThat(run.nodeId()).isEqualTo("node-a");
        assertThat(run.attempt()).isEqualTo(1);
        assertThat(run.startedAt()).isEqualTo(NIGHT);
        assertThat(run.duration()).contains(Duration.ofMinutes(7));
        assertThat(run.errors()).isEqualTo(1);
        assertThat(run.maturityOverall()).hasValue(2.5);
        assertThat(store.findings(run.runId())).extracting(finding -> finding.ruleId()).containsExactly("L2O-STAGE-MISSING");
        assertThat(store.stageMedians(run.runId())).hasSize(2);
        assertThat(runner.isIdle()).isTrue();
    }

    @Test
    void claimsEachFireTimeOnce() {
        // given
        FakeExecutor executor = FakeExecutor.doing(taking(Duration.ofSeconds(5)));
        AuditRunner nodeA = runner(config(""), executor, "node-a");
        AuditRunner nodeB = runner(config(""), executor, "node-b");

        // when: the same fire reaches both nodes and node A twice
        nodeA.run("nightly", night(0));
        nodeB.run("nightly", night(0));
        nodeA.run("nightly", night(0));

        // then
        assertThat(executor.calls()).isEqualTo(1);
        assertThat(history()).singleElement().satisfies(run -> {
            assertThat(run.nodeId()).isEqualTo("node-a");
            assertThat(run.attempt()).isEqualTo(1);
        });
    }

    @Test
    void publishesTheReportFolderUnderTheFireTimeAndKeepsTheSnapshotInTheStore() throws IOException {
        // given
        AuditRunner runner = runner(config(""), FakeExecutor.doing(taking(Duration.ofSeconds(5))), "node-a");

        // when
        runner.run("nightly", night(0));

        // then
        RunRecord run = history().get(0);
        Path published = reports().resolve("20260120T020000Z");
        assertThat(reportFolderNames()).containsExactly("20260120T020000Z");
        assertThat(run.reportDirectory()).contains(published.toString());
        assertThat(Files.readString(published.resolve("report.json"))).isEqualTo("{\"audit\":\"nightly\",\"run\":1,\"complete\":true}");
        assertThat(published.resolve("snapshot.json.gz")).doesNotExist();
        assertThat(store.reportFiles(run.runId())).containsExactly("report.json");
        assertThat(store.snapshot(run.runId())).isPresent();
    }

    @Test
    void handsEachRunTheSnapshotOfTheRunBeforeItsFireTime() {
        // given
        FakeExecutor executor = FakeExecutor.doing(taking(Duration.ofSeconds(5)));
        AuditRunner runner = runner(config(""), executor, "node-a");

        // when: day 2 runs, then day 1 is recovered late (its node died), then day 3
        runner.run("nightly", night(2));
        runner.run("nightly", night(1));
        runner.run("nightly", night(3));

        // then: a recovered fire compares with what came before it, not with the newest run
        assertThat(executor.executions()).extracting(FakeExecutor.Execution::fireTime).containsExactly(night(2), night(1), night(3));
        assertThat(executor.executions()).extracting(FakeExecutor.Execution::previousSnapshot)
                .containsExactly(Optional.empty(), Optional.empty(), Optional.of("{\"run\":1}"));
    }

    @Test
    void aLateFireAfterAMisfireGetsItsOwnFolder() throws IOException {
        // given: Quartz fires a missed fire once, late, at the instant it noticed (milliseconds included)
        AuditRunner runner = runner(config(""), FakeExecutor.doing(taking(Duration.ofSeconds(5))), "node-a");
        Instant late = night(1).plusMillis(4_321);

        // when
        runner.run("nightly", night(0));
        runner.run("nightly", late);

        // then
        assertThat(reportFolderNames()).containsExactly("20260120T020000Z", "20260121T020004.321Z");
        assertThat(history()).extracting(RunRecord::fireTime).containsExactly(late, night(0));
    }

    @Test
    void takesOverTheRunOfANodeThatDiedAndClearsWhatItLeft() throws IOException {
        // given: node A claimed the fire and died mid-write, leaving its private folder
        store.claim("nightly", night(0), "node-a", NIGHT);
        Path leftover = reports().resolve(".tmp-20260120T020000Z-deadbeef");
        Files.createDirectories(leftover);
        Files.writeString(leftover.resolve("report.json"), "{\"half\":");
        clock.advance(Duration.ofMinutes(1));
        AuditRunner nodeB = runner(config(""), FakeExecutor.doing(taking(Duration.ofSeconds(5))), "node-b");

        // when
        nodeB.run("nightly", night(0));

        // then
        assertThat(history()).singleElement().satisfies(run -> {
            assertThat(run.outcome()).contains(RunOutcome.DRIFT);
            assertThat(run.nodeId()).isEqualTo("node-b");
            assertThat(run.attempt()).isEqualTo(2);
            assertThat(run.startedAt()).isEqualTo(NIGHT.plus(Duration.ofMinutes(1)));
        });
        assertThat(reportFolderNames()).containsExactly("20260120T020000Z");
    }

    @Test
    void anAttemptTakenOverWhileItWorkedPublishesAndRecordsNothing() throws IOException {
        // given: node A is paused mid-run for so long that the cluster gives its fire to node B
        AtomicInteger takeOvers = new AtomicInteger();
        FakeExecutor.Work pausedAndTakenOver = request -> {
            takeOvers.incrementAndGet();
            store.claim("nightly", night(0), "node-b", clock.instant());
        };
        AuditRunner nodeA = runner(config(""), FakeExecutor.doing(pausedAndTakenOver), "node-a");

        // when: node A resumes and ends its run
        nodeA.run("nightly", night(0));

        // then: node B's attempt is untouched and node A published nothing
        assertThat(takeOvers.get()).isEqualTo(1);
        assertThat(history()).singleElement().satisfies(run -> {
            assertThat(run.nodeId()).isEqualTo("node-b");
            assertThat(run.attempt()).isEqualTo(2);
            assertThat(run.outcome()).isEmpty();
        });
        assertThat(reportFolderNames()).isEmpty();
    }

    @Test
    void waitsWhileAnotherAttemptStillWorksOnTheAudit() {
        // given: a node frozen mid-run resumed and still works on the audit (it holds the audit's lock)
        RunHistoryStore.AuditLock resumedNode = store.tryLockAudit("nightly").orElseThrow();
        FakeExecutor executor = FakeExecutor.doing(taking(Duration.ofSeconds(5)));
        AuditRunner runner = new AuditRunner(config(""), executor, store, new Notifier(Map.of()), clock, "node-b", Map.of(),
                duration -> {
                    pauses.add(duration);
                    assertThat(executor.calls()).isZero();
                    resumedNode.close();
                });

        // when
        runner.run("nightly", night(0));

        // then
        assertThat(pauses).containsExactly(AuditRunner.LOCK_POLL);
        assertThat(executor.calls()).isEqualTo(1);
        assertThat(store.tryLockAudit("nightly")).isPresent();
    }

    @Test
    void keepsTheNewestRunsAndDeletesTheFoldersOfTheOthers() throws IOException {
        // given
        AuditRunner runner = runner(config("retention: { runs: 2 }"), FakeExecutor.doing(taking(Duration.ofSeconds(5))), "node-a");

        // when
        for (int day = 0; day < 4; day++) {
            runner.run("nightly", night(day));
        }

        // then
        assertThat(history()).extracting(RunRecord::fireTime).containsExactly(night(3), night(2));
        assertThat(reportFolderNames()).containsExactly("20260122T020000Z", "20260123T020000Z");
    }

    @Test
    void aRunInterruptedWhileItWorksIsMarkedInterruptedAndPublishesNothing() throws Exception {
        // given: a run that works until it is interrupted
        CountDownLatch working = new CountDownLatch(1);
        FakeExecutor.Work untilInterrupted = request -> {
            working.countDown();
            new CountDownLatch(1).await();
        };
        AuditRunner runner = runner(config(""), FakeExecutor.doing(untilInterrupted), "node-a");
        Thread worker = new Thread(() -> runner.run("nightly", night(0)), "test-worker");
        worker.start();
        assertThat(working.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(runner.runningAudits()).containsExactly("nightly");

        // when
        clock.advance(Duration.ofMinutes(3));
        List<String> interrupted = runner.interruptAll("stopped: test");
        worker.join(PATIENCE.toMillis());

        // then
        assertThat(worker.isAlive()).isFalse();
        assertThat(interrupted).containsExactly("nightly");
        assertThat(history()).singleElement().satisfies(run -> {
            assertThat(run.outcome()).contains(RunOutcome.INTERRUPTED);
            assertThat(run.detail()).contains("stopped: test");
            assertThat(run.finishedAt()).contains(NIGHT.plus(Duration.ofMinutes(3)));
        });
        assertThat(reportFolderNames()).isEmpty();
        assertThat(runner.isIdle()).isTrue();
    }

    @Test
    void anInterruptedRunIsRunAgainAtItsFireTime() {
        // given: the process stopped during the run of night 0
        RunRecord stopped = store.claim("nightly", night(0), "node-a", NIGHT).orElseThrow();
        store.markInterrupted(stopped, NIGHT.plusSeconds(30), "stopped");
        AuditRunner runner = runner(config(""), FakeExecutor.doing(taking(Duration.ofSeconds(5))), "node-a");

        // when
        runner.run("nightly", night(0));

        // then
        assertThat(history()).singleElement().satisfies(run -> {
            assertThat(run.outcome()).contains(RunOutcome.DRIFT);
            assertThat(run.attempt()).isEqualTo(2);
        });
    }

    @Test
    void sourceFailuresBecomeIncompleteAndDefectsFailed() {
        // given
        AuditExecutor unreachable = new ThrowingExecutor(new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "portal: HTTP 503"));
        AuditExecutor defective = new ThrowingExecutor(new IllegalStateException("boom"));

        // when
        runner(config(""), unreachable, "node-a").run("nightly", night(0));
        runner(config(""), defective, "node-a").run("nightly", night(1));

        // then
        List<RunRecord> runs = history();
        assertThat(runs.get(1).outcome()).contains(RunOutcome.INCOMPLETE);
        assertThat(runs.get(1).detail()).contains("portal: HTTP 503");
        assertThat(runs.get(0).outcome()).contains(RunOutcome.FAILED);
        assertThat(runs.get(0).detail()).contains("internal error: boom");
    }

    @Test
    void anAuditMissingFromThisNodesScheduleFileFails() {
        // given
        AuditRunner runner = runner(config(""), FakeExecutor.doing(taking(Duration.ofSeconds(5))), "node-a");

        // when
        runner.run("renamed", night(0));

        // then
        assertThat(store.runs(Optional.of("renamed"), 10)).singleElement().satisfies(run -> {
            assertThat(run.outcome()).contains(RunOutcome.FAILED);
            assertThat(run.detail()).hasValueSatisfying(detail -> assertThat(detail).contains("not in the schedule file of node node-a"));
        });
    }

    @Test
    void waitsOutAStoreOutageWhenClaimingAndWhenRecording() throws IOException {
        // given: the database restarts as the fire arrives, and again as the run ends
        FakeExecutor.Work restartAtTheEnd = request -> dataSource.refuseNext(3);
        AuditRunner runner = runner(config(""), FakeExecutor.doing(restartAtTheEnd), "node-a");
        dataSource.refuseNext(2);

        // when
        runner.run("nightly", night(0));

        // then
        assertThat(history()).singleElement().satisfies(run -> assertThat(run.outcome()).contains(RunOutcome.DRIFT));
        assertThat(pauses).hasSize(5).allMatch(AuditRunner.STORE_RETRY_PAUSE::equals);
        assertThat(reportFolderNames()).containsExactly("20260120T020000Z");
    }

    @Test
    void givesUpOnAStoreThatStaysDownWithoutRunning() {
        // given
        FakeExecutor executor = FakeExecutor.doing(taking(Duration.ofSeconds(5)));
        AuditRunner runner = runner(config(""), executor, "node-a");
        dataSource.refuseNext(Integer.MAX_VALUE);

        // when
        runner.run("nightly", night(0));

        // then
        assertThat(executor.calls()).isZero();
        assertThat(pauses).hasSize(AuditRunner.STORE_ATTEMPTS - 1);
        assertThat(runner.isIdle()).isTrue();
    }

    /** An executor that fails the way it was told to. */
    private record ThrowingExecutor(RuntimeException failure) implements AuditExecutor {
        @Override
        public RunResult execute(ScheduledAudit audit, Path runDirectory) {
            throw failure;
        }
    }

    /** The store's connections, refusing a given number of attempts as a database restarting would. */
    private static final class OutageDataSource implements DataSource {
        private final DataSource delegate;
        private final AtomicInteger refusals = new AtomicInteger();

        OutageDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        void refuseNext(int attempts) {
            refusals.set(attempts);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (refusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new SQLTransientConnectionException("the database system is starting up", "57P03");
            }
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return delegate.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return delegate.isWrapperFor(type);
        }
    }
}
