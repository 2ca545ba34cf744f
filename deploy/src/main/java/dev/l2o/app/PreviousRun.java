package dev.l2o.app;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where an incremental audit finds the previous run's snapshot: a file ({@code --since-snapshot FILE}, the
 * scheduler's copy of the last run's), or why there is none (the scheduled audit's first run).
 *
 * @param file the snapshot file, or null when there is none
 * @param absentReason why there is none; null when there is a file
 */
public record PreviousRun(Path file, String absentReason) {
    public PreviousRun {
        if ((file == null) == (absentReason == null)) {
            throw new IllegalArgumentException("either a file or the reason there is none");
        }
    }

    public static PreviousRun file(Path file) {
        return new PreviousRun(requireNonNull(file, "file is null"), null);
    }

    public static PreviousRun none(String reason) {
        return new PreviousRun(null, requireNonNull(reason, "reason is null"));
    }
}
