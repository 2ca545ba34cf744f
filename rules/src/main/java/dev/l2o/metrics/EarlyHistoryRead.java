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
import java.util.function.Supplier;

/**
 * The rows of an unsorted history file read into memory before the computation that uses them: {@code l2o metrics
 * --history-csv} starts one before it loads the blueprint and fetches the source, so that reading the file overlaps
 * the command's start-up. {@link StageMetricsCalculator#computeAll(Blueprint, dev.l2o.model.Snapshot, Instant, EarlyHistoryRead)}
 * uses the rows only when they are exactly those it would read itself: the same file, a blueprint that measures the
 * file's object, and an as-of time that leaves out the same rows (the one given before the fetch, or, when none was
 * given, a time not before any row's); otherwise it reads the file again. A read that failed on the file's content
 * gives its error there, as the computation's own read would; a file that could not be opened is not read ahead (the
 * source's own opening of it reports why).
 */
public final class EarlyHistoryRead {
    /** The as-of time the rows were read up to; {@link Long#MAX_VALUE}: every row. */
    private final long asOfMillis;
    /** The read; taken (set to null) by the one computation that uses it, so that its memory goes with it. */
    private final AtomicReference<CompletableFuture<Read>> pending;

    /** What the read gave: the file and its rows or the error its content gave; no file when it was not read ahead. */
    private record Read(ByteStageHistory file, StageMetricsCalculator.HeldRows rows, L2oException failure) {
        static final Read NONE = new Read(null, null, null);
    }

    private EarlyHistoryRead(long asOfMillis, CompletableFuture<Read> pending) {
        this.asOfMillis = asOfMillis;
        this.pending = new AtomicReference<>(pending);
    }

    /**
     * Opens a history with {@code opening} and reads it, on a thread of its own, when the computation would hold it in
     * memory from bytes: a file in no order, small enough not to be spilled. Every row of the file's object is read;
     * whether a lifecycle measures that object is told when the rows are {@link #take taken}.
     *
     * @param asOf the as-of time when it is known before the fetch ({@code --as-of}); empty: read every row
     */
    public static EarlyHistoryRead start(Supplier<? extends StageHistory> opening, Optional<Instant> asOf) {
        long asOfMillis = asOf.map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
        CompletableFuture<Read> read = CompletableFuture.supplyAsync(() -> read(opening.get(), asOfMillis), runnable -> {
            Thread thread = new Thread(runnable, "l2o-history-early");
            thread.setDaemon(true);
            thread.start();
        });
        return new EarlyHistoryRead(asOfMillis, read);
    }

    private static Read read(StageHistory history, long asOfMillis) {
        if (!(history instanceof ByteStageHistory file) || history.sortedByRecord()
                || SpillPolicy.ofRuntime().spills(history)) {
            return Read.NONE;
        }
        try {
            return new Read(file, StageMetricsCalculator.holdInMemory(history,
                    StageMetricsCalculator.RowIntake.of(file.object(), asOfMillis)), null);
        } catch (L2oException failure) {
            return new Read(file, null, failure);
        }
    }

    /**
     * The rows read ahead if they are those {@code intake} holds of {@code read}; null otherwise (the caller reads
     * it), after this read has ended, so that two reads never hold rows at once. Only the first call can return them.
     *
     * @throws L2oException the error of a read of the same file that failed on its content (reading it again fails the
     *     same way)
     */
    StageMetricsCalculator.HeldRows take(StageHistory read, StageMetricsCalculator.RowIntake intake) {
        CompletableFuture<Read> taken = pending.getAndSet(null);
        if (taken == null) {
            return null;
        }
        Read early;
        try {
            early = taken.join();
        } catch (CompletionException e) {
            return null;
        }
        if (early.file() == null || !(read instanceof ByteStageHistory file) || !file.file().equals(early.file().file())
                || !file.object().equals(early.file().object())) {
            return null;
        }
        if (early.failure() != null) {
            throw early.failure();
        }
        boolean sameRows = intake.asOfMillis() == asOfMillis
                || (asOfMillis == Long.MAX_VALUE && early.rows().latestMillis() <= intake.asOfMillis());
        return sameRows && intake.measures(file.object()) ? early.rows() : null;
    }
}
