package dev.l2o.metrics;

import dev.l2o.model.StageHistory;
import java.nio.file.Path;

/**
 * When unsorted history is spilled to temporary files instead of held in the heap, and in how many parts.
 * Held in memory, a row costs about as many heap bytes as it has in a Bulk API CSV (2 million rows: a 150 MB
 * file, 157 MB of heap at the end), so history whose source is larger than {@code heapBytes / 1} is spilled,
 * in parts of about a quarter of the heap each. A source of unknown size is held in memory.
 *
 * @param heapBytes the heap to fit in ({@link Runtime#maxMemory()})
 * @param thresholdBytes source size above which rows are spilled
 * @param directory where the temporary directory goes; null: {@code java.io.tmpdir}
 */
record SpillPolicy(long heapBytes, long thresholdBytes, Path directory) {
    /** Parts never exceed this: a 64 KB write buffer each. */
    static final int MAX_PARTITIONS = 512;

    /** The policy of this JVM: its maximum heap, the default temporary directory. */
    static SpillPolicy ofRuntime() {
        long heap = Runtime.getRuntime().maxMemory();
        return new SpillPolicy(heap, heap, null);
    }

    /** Whether {@code history} (unsorted) is spilled. */
    boolean spills(StageHistory history) {
        long size = history.sizeBytes();
        return size >= 0 && size > thresholdBytes;
    }

    /** How many parts {@code history} is spilled into: each about a quarter of the heap, at least two. */
    int partitions(StageHistory history) {
        long part = Math.max(1, heapBytes / 4);
        long parts = (history.sizeBytes() + part - 1) / part;
        return (int) Math.max(2, Math.min(MAX_PARTITIONS, parts));
    }
}
