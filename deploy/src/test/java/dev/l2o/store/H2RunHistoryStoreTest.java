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
