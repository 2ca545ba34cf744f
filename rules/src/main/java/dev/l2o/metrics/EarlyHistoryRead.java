package dev.l2o.metrics;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.error.L2oException;
import dev.l2o.model.ByteStageHistory;
import dev.l2o.model.StageHistory;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rows of an unsorted history file read into memory before the computation that uses them: {@code l2o metrics
 * --history-csv} starts one while the source is still being fetched, so that reading the file overlaps the command's
 * start-up. {@link StageMetricsCalculator#computeAll(Blueprint, dev.l2o.model.Snapshot, Instant, EarlyHistoryRead)}
 * uses the rows only when they are exactly those it would read itself: the same file, a blueprint that measures the
 * file's object, and an as-of time that leaves out the same rows (the one given before the fetch, or, when none was
 * given, a time not before any row's); otherwise it reads the file again. A read that failed on the file's content
 * gives its error there, as the computation's own read would.
 */
public final class EarlyHistoryRead {
    private final StageHistory history;
    /** The as-of time the rows were read up to; {@link Long#MAX_VALUE}: every row. */
    private final long asOfMillis;
    /** The read; taken (set to null) by the one computation that uses it, so that its memory goes with it. */
    private final AtomicReference<CompletableFuture<StageMetricsCalculator.HeldRows>> pending;

    private EarlyHistoryRead(StageHistory history, long asOfMillis,
            CompletableFuture<StageMetricsCalculator.HeldRows> pending) {
        this.history = history;
        this.asOfMillis = asOfMillis;
        this.pending = new AtomicReference<>(pending);
    }

    /**
     * Starts reading {@code history} on a thread of its own when the computation would hold it in memory from bytes: a
     * file of an object a lifecycle of {@code blueprint} measures, in no order, small enough not to be spilled.
     *
     * @param asOf the as-of time when it is known before the fetch ({@code --as-of}); empty: read every row
     * @return empty when such a history is not read ahead
     */
    public static Optional<EarlyHistoryRead> start(Blueprint blueprint, StageHistory history, Optional<Instant> asOf) {
        if (!(history instanceof ByteStageHistory file) || history.sortedByRecord()
                || SpillPolicy.ofRuntime().spills(history)) {
            return Optional.empty();
        }
        long asOfMillis = asOf.map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
        // No lead statuses: rows of a measured object are no lead rows (take checks against the blueprint's own).
        StageMetricsCalculator.RowIntake intake = new StageMetricsCalculator.RowIntake(blueprint.allLifecycles(),
                asOfMillis, LeadStatusHistory.none(), new StageCodes());
        if (!intake.measures(file.object())) {
            return Optional.empty();
        }
        CompletableFuture<StageMetricsCalculator.HeldRows> read = CompletableFuture.supplyAsync(
                () -> StageMetricsCalculator.holdInMemory(history, intake), runnable -> {
                    Thread thread = new Thread(runnable, "l2o-history-early");
                    thread.setDaemon(true);
                    thread.start();
                });
        return Optional.of(new EarlyHistoryRead(history, asOfMillis, read));
    }

    /**
     * The rows read ahead if they are those {@code intake} holds of {@code read}; null otherwise (the caller reads
     * it), after this read has ended, so that two reads never hold rows at once. Only the first call can return them.
     *
     * @throws L2oException the error of a read that failed on the file's content (reading it again fails the same way)
     */
    StageMetricsCalculator.HeldRows take(StageHistory read, StageMetricsCalculator.RowIntake intake) {
        CompletableFuture<StageMetricsCalculator.HeldRows> taken = pending.getAndSet(null);
        if (taken == null) {
            return null;
        }
        StageMetricsCalculator.HeldRows rows;
        try {
            rows = taken.join();
        } catch (CompletionException e) {
            if (read == history && e.getCause() instanceof L2oException failure) {
                throw failure;
            }
            return null;
        }
        boolean sameRows = intake.asOfMillis() == asOfMillis
                || (asOfMillis == Long.MAX_VALUE && rows.latestMillis() <= intake.asOfMillis());
        return read == history && sameRows && intake.measures(((ByteStageHistory) history).object()) ? rows : null;
    }
}
