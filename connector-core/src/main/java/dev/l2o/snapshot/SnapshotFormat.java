package dev.l2o.snapshot;

/**
 * Names of the snapshot file format, shared by writer and reader so the two cannot drift apart.
 *
 * <p>A snapshot file is gzip-compressed JSON (the reader also accepts it uncompressed). The first two
 * fields are always {@code format} and {@code version}, so that any reader can tell a newer file from a
 * broken one before it reads anything else. {@code history} comes last, so that writing can stream its rows
 * after everything else. History rows are compact arrays
 * {@code [recordId, stage, at, amount, closeDate, probability, forecastCategory]} where {@code at} is epoch
 * milliseconds (an ISO-8601 string when the instant has a finer precision); a one-field object
 * {@code {"object": "Opportunity"}} precedes the first row and every row whose object differs from the
 * previous row's.
 */
final class SnapshotFormat {
    static final String FORMAT = "l2o-snapshot";
    static final int VERSION = 1;

    static final String FORMAT_FIELD = "format";
    static final String VERSION_FIELD = "version";
    static final String HISTORY_FIELD = "history";
    static final String ROWS_FIELD = "rows";
    static final String DESCRIPTION_FIELD = "description";
    static final String SORTED_FIELD = "sortedByRecord";
    static final String OBJECT_FIELD = "object";
    /**
     * Who changed the setup and when (added within version 1: a file without it was taken before l2o read change
     * trails, and reads as a trail that is not available).
     */
    static final String CHANGE_TRAIL_FIELD = "changeTrail";
    static final String NO_CHANGE_TRAIL_IN_FILE = "the snapshot file was taken without a record of setup changes";
    /** Wraps a non-finite record value, which JSON has no number for: {@code {"double": "NaN"}}. */
    static final String DOUBLE_FIELD = "double";

    private SnapshotFormat() {}

    /**
     * The value of {@code text} as {@link Double#toString} writes a non-finite double (JSON has no number for
     * it), or null when {@code text} is not one of {@code NaN}, {@code Infinity}, {@code -Infinity}.
     */
    static Double nonFiniteDouble(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> null;
        };
    }
}
