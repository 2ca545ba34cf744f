package dev.l2o.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.model.Snapshot;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * Asserts that an incrementally read snapshot holds what a full read of the same source at the same time
     * holds: the same configuration, records (in order), completeness and as-of time, and the same history as
     * metrics read it, record by record (rows of one record in time order, ties in source order; the parts the
     * rows came from, and so the order of records and the description, may differ). Source attributes (how
     * each was read) are not compared.
     */
    public static void assertSameContent(Snapshot incremental, Snapshot full) {
        assertThat(incremental.crm()).isEqualTo(full.crm());
        assertThat(incremental.asOf()).isEqualTo(full.asOf());
        assertThat(incremental.completeness()).isEqualTo(full.completeness());
        assertThat(incremental.pipelines()).as("pipelines").containsExactlyElementsOf(full.pipelines());
        assertThat(incremental.fields()).as("fields").containsExactlyElementsOf(full.fields());
        assertThat(incremental.automations()).as("automations").containsExactlyElementsOf(full.automations());
        assertThat(incremental.assignmentRules()).as("assignment rules").containsExactlyElementsOf(full.assignmentRules());
        assertThat(incremental.assignees()).as("assignees").containsExactlyElementsOf(full.assignees());
        assertThat(incremental.records()).as("records").containsExactlyElementsOf(full.records());
        if (full.history() == null) {
            assertThat(incremental.history()).as("history").isNull();
            return;
        }
        assertThat(incremental.history()).as("history").isNotNull();
        assertThat(byRecord(incremental.history())).as("history by record").isEqualTo(byRecord(full.history()));
    }

    /** {@code snapshot} as a later run sees it: written to {@code file} and read back, as the scheduler keeps it. */
    public static Snapshot throughFile(Snapshot snapshot, Path file) {
        SnapshotWriter.write(snapshot, file);
        return SnapshotReader.read(file);
    }

    private static Map<String, List<StageEvent>> byRecord(StageHistory history) {
        Map<String, List<StageEvent>> rows = new TreeMap<>();
        history.forEach(row -> rows.computeIfAbsent(row.object() + "/" + row.recordId(), key -> new ArrayList<>()).add(row));
        rows.values().forEach(list -> list.sort(Comparator.comparing(StageEvent::at)));
        return rows;
    }
}
