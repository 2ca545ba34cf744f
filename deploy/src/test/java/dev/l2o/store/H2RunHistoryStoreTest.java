package dev.l2o.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class H2RunHistoryStoreTest extends RunHistoryStoreContract {
    @Override
    StoreDatabase openEmptyStore(Path folder) {
        return StoreDatabase.open(StoreSettings.embedded(), folder, Map.of(), 4, StoreDatabase.Access.OWNER);
    }

    /**
     * Quartz interrupts its scheduler thread when it shuts down, possibly while that thread commits: on H2's default
     * FileChannel the interrupt would close the database file for every connection of the process.
     */
    @Test
    void aWriteOnAnInterruptedThreadLeavesTheStoreOpenForEveryone() {
        // given
        finishedRun("nightly", night(0), RunOutcome.PASSED, List.of());

        // when: the current thread writes with its interrupt status set
        Thread.currentThread().interrupt();
        try {
            finishedRun("nightly", night(1), RunOutcome.DRIFT, List.of());
        } finally {
            // then: the interrupt is kept for its owner to see
            assertThat(Thread.interrupted()).isTrue();
        }

        // then: the store still reads and writes, for this process and for a reader
        finishedRun("nightly", night(2), RunOutcome.PASSED, List.of());
        assertThat(store.runs(Optional.of("nightly"), 10)).hasSize(3);
        try (StoreDatabase reader = StoreDatabase.open(StoreSettings.embedded(), folder, Map.of(), 1, StoreDatabase.Access.READER)) {
            assertThat(new RunHistoryStore(reader.dataSource()).runs(Optional.empty(), 10)).hasSize(3);
        }
    }

    @Test
    void aReaderSeesTheHistoryWhileTheOwnerHoldsTheFile() {
        // given
        finishedRun("nightly", night(0), RunOutcome.PASSED, List.of());

        // when
        List<RunRecord> runs;
        try (StoreDatabase reader = StoreDatabase.open(StoreSettings.embedded(), folder, Map.of(), 1, StoreDatabase.Access.READER)) {
            runs = new RunHistoryStore(reader.dataSource()).runs(Optional.empty(), 10);
        }

        // then
        assertThat(runs).extracting(RunRecord::auditName).containsExactly("nightly");
    }
}
