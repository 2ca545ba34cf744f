package dev.l2o.model;

import java.nio.file.Path;

/**
 * Stage history read from a file that can also stream its rows as bytes and primitives ({@link #forEachRow}),
 * which a reader of millions of rows uses to skip a {@link String} and a {@link StageEvent} per row. Both ways
 * give the same rows in the same order and fail with the same errors.
 */
public interface ByteStageHistory extends StageHistory {
    /** The object of every row ({@code Opportunity}). */
    String object();

    /** The file the rows are read from: two histories of one file give the same rows. */
    Path file();

    /**
     * The text of bytes {@link StageRowSink#row} received, {@code bytes[from..to)}, in the source's charset. ASCII
     * bytes are decoded without knowing it, so a source may put off telling its charset until a text needs it.
     */
    String decode(byte[] bytes, int from, int to);

    /**
     * Streams every row to {@code sink} in source order: the rows {@link #forEach} gives, minus the
     * {@link StageEvent#probability()} and {@link StageEvent#forecastCategory()} of rows taken as bytes (still
     * checked). Not thread-safe.
     *
     * @throws dev.l2o.error.L2oException as {@link #forEach} does, with the same message
     */
    void forEachRow(StageRowSink sink);
}
