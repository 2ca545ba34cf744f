package dev.l2o.store;

import static dev.l2o.rules.Severity.ERROR;
import static dev.l2o.rules.Severity.INFO;
import static dev.l2o.rules.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the run history must do on every database it supports; one subclass per database. */
abstract class RunHistoryStoreContract {
    private static final Instant NIGHT = Instant.parse("2026-01-20T02:00:00Z");

    @TempDir
    Path folder;

    StoreDatabase database;
    RunHistoryStore store;

    /** Opens an empty store. */
    abstract StoreDatabase openEmptyStore(Path folder);

    @BeforeEach
    void openStore() {
        database = openEmptyStore(folder);
        store = new RunHistoryStore(database.dataSource());
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    static Instant night(int day) {
        return NIGHT.plusSeconds(86_400L * day);
    }

    long finishedRun(String audit, Instant fireTime, RunOutcome outcome, List<FindingSummary> findings) {
        RunRecord attempt = store.claim(audit, fireTime, "node-a", fireTime.plusSeconds(1)).orElseThrow();
        long runId = attempt.runId();
        store.complete(attempt, new CompletedRun(outcome, fireTime.plusSeconds(61), findings, Optional.empty(), List.of(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty()));
        return runId;
    }

    static FindingSummary finding(String ruleId, Severity severity, String subject) {
        return new FindingSummary(ruleId, severity, subject, ruleId + " on " + subject);
    }

    @Test
    void recordsOneRunPerFireTime() {
        // given
        finishedRun("nightly", night(0), RunOutcome.PASSED, List.of());

        // when
        Optional<RunRecord> second = store.claim("nightly", night(0), "node-b", night(0).plusSeconds(5));

        // then
        assertThat(second).isEmpty();
        assertThat(store.runs(Optional.of("nightly"), 10)).hasSize(1);
    }

    @Test
    void takesOverARunItsNodeLeftRunning() {
        // given
        store.claim("nightly", night(0), "node-a", night(0));

        // when
        RunRecord taken = store.claim("nightly", night(0), "node-b", night(0).plusSeconds(30)).orElseThrow();

        // then
        assertThat(taken.nodeId()).isEqualTo("node-b");
        assertThat(taken.attempt()).isEqualTo(2);
        assertThat(taken.outcome()).isEmpty();
        assertThat(store.runs(Optional.of("nightly"), 10)).hasSize(1);
    }

    @Test
    void anAttemptThatWasTakenOverRecordsNothing() {
        // given: node-a's attempt was taken over by node-b (node-a was paused past the cluster check-in)
        RunRecord stale = store.claim("nightly", night(0), "node-a", night(0)).orElseThrow();
        RunRecord current = store.claim("nightly", night(0), "node-b", night(0).plusSeconds(30)).orElseThrow();

        // when
        boolean staleRecorded = store.complete(stale, new CompletedRun(RunOutcome.PASSED, night(0).plusSeconds(40), List.of(),
                Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty()));
        store.markInterrupted(stale, night(0).plusSeconds(41), "stopped");

        // then
        assertThat(staleRecorded).isFalse();
        assertThat(store.stillOwns(stale)).isFalse();
        assertThat(store.stillOwns(current)).isTrue();
        RunRecord run = store.run(current.runId()).orElseThrow();
        assertThat(run.outcome()).isEmpty();
        assertThat(run.nodeId()).isEqualTo("node-b");
    }

    @Test
    void anAuditIsLockedByOneAttemptAtATime() {
        // given
        RunHistoryStore.AuditLock held = store.tryLockAudit("nightly").orElseThrow();

        // when
        Optional<RunHistoryStore.AuditLock> second = store.tryLockAudit("nightly");
        Optional<RunHistoryStore.AuditLock> other = store.tryLockAudit("weekly");
        held.close();
        Optional<RunHistoryStore.AuditLock> afterRelease = store.tryLockAudit("nightly");

        // then
        assertThat(second).isEmpty();
        assertThat(other).isPresent();
        assertThat(afterRelease).isPresent();
        other.get().close();
        afterRelease.get().close();
    }

    @Test
    void takesOverAnInterruptedRun() {
        // given
        RunRecord attempt = store.claim("nightly", night(0), "node-a", night(0)).orElseThrow();
        store.markInterrupted(attempt, night(0).plusSeconds(9), "stopped");

        // when
        Optional<RunRecord> taken = store.claim("nightly", night(0), "node-a", night(0).plusSeconds(30));

        // then
        assertThat(taken).map(RunRecord::attempt).contains(2);
        assertThat(taken.get().detail()).isEmpty();
    }

    @Test
    void keepsFindingsMaturityStageMediansFilesAndTheCompressedSnapshot() throws IOException {
        // given
        RunRecord attempt = store.claim("nightly", night(0), "node-a", night(0)).orElseThrow();
        long runId = attempt.runId();
        Path snapshot = folder.resolve("snapshot.json.gz");
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        Files.write(snapshot, bytes);
        Map<String, Double> dimensions = new LinkedHashMap<>();
        dimensions.put("strategy", 1.0);
        dimensions.put("lifecycle", 3.5);
        List<FindingSummary> findings = List.of(finding("L2O-STALE-DEAL", WARNING, "stage negotiate"),
                finding("L2O-STAGE-MISSING", ERROR, "stage proposal"), finding("L2O-STAGE-REGRESSION", INFO, "stage qualify"));

        // when
        store.complete(attempt, new CompletedRun(RunOutcome.DRIFT, night(0).plusSeconds(75), findings,
                Optional.of(new MaturityScores(2.25, dimensions)),
                List.of(new StageMedian("qualify", 4.5), new StageMedian("propose", 12.25)),
                Optional.of(folder.resolve("reports/20260120T020000Z")), List.of("report.json", "report.sarif"),
                Optional.of(snapshot), Optional.empty()));

        // then
        RunRecord run = store.run(runId).orElseThrow();
        assertThat(run.outcome()).contains(RunOutcome.DRIFT);
        assertThat(run.errors()).isEqualTo(1);
        assertThat(run.warnings()).isEqualTo(1);
        assertThat(run.infos()).isEqualTo(1);
        assertThat(run.duration()).map(Duration::getSeconds).contains(75L);
        assertThat(store.findings(runId)).extracting(FindingSummary::ruleId)
                .containsExactly("L2O-STAGE-MISSING", "L2O-STALE-DEAL", "L2O-STAGE-REGRESSION");
        assertThat(store.maturity(runId)).contains(new MaturityScores(2.25, dimensions));
        assertThat(store.maturity(runId).orElseThrow().dimensions().keySet()).containsExactly("strategy", "lifecycle");
        assertThat(store.stageMedians(runId)).containsExactly(new StageMedian("qualify", 4.5), new StageMedian("propose", 12.25));
        assertThat(store.reportFiles(runId)).containsExactly("report.json", "report.sarif");
        assertThat(store.snapshot(runId)).hasValueSatisfying(content -> assertThat(content).isEqualTo(bytes));
        assertThat(run.reportDirectory()).contains(folder.resolve("reports/20260120T020000Z").toString());
    }

    @Test
    void keepsTheCoverageSharesOfARunAndNoneForARunWithout() {
        // given
        RunRecord attempt = store.claim("nightly", night(0), "node-a", night(0)).orElseThrow();
        long runId = attempt.runId();
        Map<String, Double> sections = new LinkedHashMap<>();
        sections.put("stages", 0.9167);
        sections.put("criteria", 0.5);
        sections.put("benchmarks", 1.0);
        long without = finishedRun("nightly", night(1), RunOutcome.PASSED, List.of());

        // when
        store.complete(attempt, new CompletedRun(RunOutcome.DRIFT, night(0).plusSeconds(75), List.of(), Optional.empty(), List.of(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.of(new CoverageShares(0.7812, sections))));

        // then
        assertThat(store.coverage(runId)).contains(new CoverageShares(0.7812, sections));
        assertThat(store.coverage(runId).orElseThrow().sections().keySet()).containsExactly("stages", "criteria", "benchmarks");
        assertThat(store.coverage(without)).isEmpty();
    }

    @Test
    void retentionDeletesTheOldestFinishedRunsWithEverythingKeptForThem() {
        // given
        long oldest = finishedRun("nightly", night(0), RunOutcome.DRIFT, List.of(finding("L2O-FIELD-MISSING", ERROR, "field a")));
        finishedRun("nightly", night(1), RunOutcome.DRIFT, List.of());
        finishedRun("nightly", night(2), RunOutcome.PASSED, List.of());
        finishedRun("nightly", night(3), RunOutcome.PASSED, List.of());
        finishedRun("other", night(0), RunOutcome.PASSED, List.of());
        store.claim("nightly", night(4), "node-a", night(4));

        // when
        List<RunRecord> deleted = store.deleteBeyond("nightly", 2);

        // then
        assertThat(deleted).extracting(RunRecord::fireTime).containsExactly(night(1), night(0));
        assertThat(store.runs(Optional.of("nightly"), 10)).extracting(RunRecord::fireTime)
                .containsExactly(night(4), night(3), night(2));
        assertThat(store.findings(oldest)).isEmpty();
        assertThat(store.runs(Optional.of("other"), 10)).hasSize(1);
    }

    @Test
    void thePreviousResultSkipsInterruptedRuns() {
        // given
        finishedRun("nightly", night(0), RunOutcome.DRIFT, List.of());
        RunRecord interrupted = store.claim("nightly", night(1), "node-a", night(1)).orElseThrow();
        store.markInterrupted(interrupted, night(1).plusSeconds(3), "stopped");

        // when
        Optional<RunRecord> previous = store.previousResult("nightly", night(2));

        // then
        assertThat(previous).map(RunRecord::fireTime).contains(night(0));
    }

    @Test
    void listsTheLatestFinishedRunOfEachAudit() {
        // given
        finishedRun("b-audit", night(0), RunOutcome.DRIFT, List.of());
        finishedRun("b-audit", night(1), RunOutcome.PASSED, List.of());
        finishedRun("a-audit", night(0), RunOutcome.FAILED, List.of());
        store.claim("a-audit", night(1), "node-a", night(1));

        // when
        List<RunRecord> latest = store.latestFinishedRuns();

        // then
        assertThat(latest).extracting(RunRecord::auditName, RunRecord::fireTime)
                .containsExactly(Tuple.tuple("a-audit", night(0)),
                        Tuple.tuple("b-audit", night(1)));
    }

    @Test
    void marksRunsLeftRunningAsInterrupted() {
        // given
        store.claim("nightly", night(0), "node-a", night(0));

        // when
        int marked = store.interruptRunning(night(0).plusSeconds(40), "the process stopped");

        // then
        assertThat(marked).isEqualTo(1);
        assertThat(store.runs(Optional.of("nightly"), 1).get(0).outcome()).contains(RunOutcome.INTERRUPTED);
    }
}
