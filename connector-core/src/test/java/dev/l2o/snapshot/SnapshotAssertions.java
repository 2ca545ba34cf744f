package dev.l2o.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.model.Snapshot;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.util.ArrayList;
import java.util.List;

/** Assertions on snapshots for tests of any module: histories are streams, so they are compared row by row. */
public final class SnapshotAssertions {
    private SnapshotAssertions() {}

    /**
     * Asserts that {@code actual} equals {@code expected}: every part but the history by {@code equals}, and the
     * history by description, sort flag and its rows one by one, in order.
     */
    public static void assertSameSnapshot(Snapshot actual, Snapshot expected) {
        assertThat(actual.withHistory(null)).isEqualTo(expected.withHistory(null));
        assertSameHistory(actual.history(), expected.history());
    }

    /** Asserts that both histories are absent, or have the same description, sort flag and rows. */
    public static void assertSameHistory(StageHistory actual, StageHistory expected) {
        if (expected == null) {
            assertThat(actual).as("history").isNull();
            return;
        }
        assertThat(actual).as("history").isNotNull();
        assertThat(actual.description()).as("history description").isEqualTo(expected.description());
        assertThat(actual.sortedByRecord()).as("history sortedByRecord").isEqualTo(expected.sortedByRecord());
        assertThat(rows(actual)).as("history rows").containsExactlyElementsOf(rows(expected));
    }

    /** The rows of a small history, collected; only for fixtures. */
    public static List<StageEvent> rows(StageHistory history) {
        List<StageEvent> rows = new ArrayList<>();
        history.forEach(rows::add);
        return rows;
    }
}
