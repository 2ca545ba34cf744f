package dev.l2o.connector;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.Snapshot;
import java.util.Optional;

/**
 * The snapshot of the previous run that an incremental fetch may build on, or why there is none (no file was
 * given, it could not be read). A connector that cannot read incrementally ignores it.
 *
 * @param snapshot the previous snapshot, readable (history included) for the whole fetch; null when absent
 * @param absentReason why there is no previous snapshot (one clause, for reports); null when there is one
 */
public record PreviousSnapshot(Snapshot snapshot, String absentReason) {
    public PreviousSnapshot {
        if ((snapshot == null) == (absentReason == null)) {
            throw new IllegalArgumentException("either a snapshot or the reason it is absent");
        }
    }

    /** A previous snapshot to build on. */
    public static PreviousSnapshot of(Snapshot snapshot) {
        return new PreviousSnapshot(requireNonNull(snapshot, "snapshot is null"), null);
    }

    /** No previous snapshot, for {@code reason} ({@code "no previous snapshot was given"}). */
    public static PreviousSnapshot absent(String reason) {
        return new PreviousSnapshot(null, requireNonNull(reason, "reason is null"));
    }

    public Optional<Snapshot> present() {
        return Optional.ofNullable(snapshot);
    }
}
