package dev.l2o.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.snapshot.ListStageHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageHistoriesTest {
    private static StageEvent row(String object, String id, String stage, long second) {
        return new StageEvent(object, id, stage, Instant.ofEpochSecond(second), null, null, null, null);
    }

    private static List<StageEvent> read(StageHistory history) {
        List<StageEvent> rows = new ArrayList<>();
        history.forEach(rows::add);
        return rows;
    }

    @Test
    void concatStreamsEveryPartInOrderOnEachRead() {
        // given
        StageEvent first = row("Opportunity", "006A", "Prospecting", 1);
        StageEvent second = row("Opportunity", "006B", "Closed Won", 2);
        StageEvent third = row("Lead", "00QA", "Open", 0);
        StageHistory history = StageHistories.concat(new ListStageHistory(List.of(first, second), "opportunities.csv", true),
                new ListStageHistory(List.of(third), "leads", true));

        // when
        List<StageEvent> once = read(history);
        List<StageEvent> twice = read(history);

        // then
        assertThat(once).containsExactly(first, second, third);
        assertThat(twice).isEqualTo(once);
        assertThat(history.description()).isEqualTo("opportunities.csv + leads");
    }

    @Test
    void concatIsSortedByRecordOnlyWhenEveryPartIs() {
        // given
        StageHistory sorted = new ListStageHistory(List.of(), "a", true);
        StageHistory unsorted = new ListStageHistory(List.of(), "b", false);

        // when
        boolean allSorted = StageHistories.concat(sorted, sorted).sortedByRecord();
        boolean oneUnsorted = StageHistories.concat(sorted, unsorted).sortedByRecord();

        // then
        assertThat(allSorted).isTrue();
        assertThat(oneUnsorted).isFalse();
    }

    @Test
    void concatOfNoPartsIsRejected() {
        assertThatThrownBy(StageHistories::concat).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parts is empty");
    }

    @Test
    void concatPresentSkipsAbsentHistoriesAndNeedsNoWrapperForOne() {
        // given
        StageHistory opportunities = new ListStageHistory(List.of(), "opportunities", true);
        StageHistory leads = new ListStageHistory(List.of(), "leads", true);

        // when
        StageHistory both = StageHistories.concatPresent(opportunities, null, leads);

        // then
        assertThat(both.description()).isEqualTo("opportunities + leads");
        assertThat(StageHistories.concatPresent(null, opportunities)).isSameAs(opportunities);
        assertThat(StageHistories.concatPresent(null, null)).isNull();
    }

    @Test
    void filterKeepsTheAcceptedRowsInOrderOnEachReadAndKeepsTheSortedClaim() {
        // given
        StageEvent kept = row("Opportunity", "006A", "Prospecting", 1);
        StageEvent dropped = row("Opportunity", "006B", "Closed Won", 2);
        StageHistory filtered = StageHistories.filter(new ListStageHistory(List.of(kept, dropped), "opportunities", true),
                event -> !event.recordId().equals("006B"), "kept opportunities");

        // when
        List<StageEvent> once = read(filtered);
        List<StageEvent> twice = read(filtered);

        // then
        assertThat(once).containsExactly(kept);
        assertThat(twice).isEqualTo(once);
        assertThat(filtered.sortedByRecord()).isTrue();
        assertThat(filtered.description()).isEqualTo("kept opportunities");
    }
}
