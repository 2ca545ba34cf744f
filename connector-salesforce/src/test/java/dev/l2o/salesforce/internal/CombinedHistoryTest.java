package dev.l2o.salesforce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CombinedHistoryTest {
    private record Fixed(List<StageEvent> rows, boolean sorted, String description) implements StageHistory {
        @Override
        public void forEach(Consumer<StageEvent> sink) {
            rows.forEach(sink);
        }

        @Override
        public boolean sortedByRecord() {
            return sorted;
        }
    }

    private static StageEvent event(String object, String id) {
        return new StageEvent(object, id, "S", Instant.parse("2026-01-01T00:00:00Z"), null, null, null, null);
    }

    @Test
    void readsEveryPartInOrderOnEachPassAndJoinsTheirDescriptions() {
        // given
        StageHistory combined = CombinedHistory.of(new Fixed(List.of(event("Opportunity", "006a")), true, "opportunities"), null,
                new Fixed(List.of(event("Lead", "00Qa"), event("Lead", "00Qb")), false, "leads"));
        List<StageEvent> first = new ArrayList<>();
        List<StageEvent> second = new ArrayList<>();

        // when
        combined.forEach(first::add);
        combined.forEach(second::add);

        // then
        assertThat(first).extracting(StageEvent::recordId).containsExactly("006a", "00Qa", "00Qb");
        assertThat(second).isEqualTo(first);
        assertThat(combined.description()).isEqualTo("opportunities, leads");
        assertThat(combined.sortedByRecord()).isFalse();
    }

    @Test
    void isSortedOnlyWhenEveryPartIsAndIsAbsentOrTheOnePartWhenThereAreFewer() {
        // given
        Fixed sorted = new Fixed(List.of(), true, "a");

        // when
        StageHistory combined = CombinedHistory.of(sorted, new Fixed(List.of(), true, "b"));

        // then
        assertThat(combined.sortedByRecord()).isTrue();
        assertThat(CombinedHistory.of(null, sorted)).isSameAs(sorted);
        assertThat(CombinedHistory.of(null, null)).isNull();
    }
}
