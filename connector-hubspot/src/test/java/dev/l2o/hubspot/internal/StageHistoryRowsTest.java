package dev.l2o.hubspot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class StageHistoryRowsTest {
    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void ordersEntriesByTimeWhateverOrderTheyCameIn() throws IOException {
        // given
        JsonNode history = json("""
                [{"value":"b","timestamp":"2025-01-02T00:00:00Z","sourceType":"CRM_UI"},
                 {"value":"c","timestamp":"2025-01-03T00:00:00.500Z","sourceType":"API"},
                 {"value":"a","timestamp":"2025-01-01T00:00:00Z","sourceType":"IMPORT"}]""");

        // when
        StageHistoryRows.Parsed parsed = StageHistoryRows.parse(history);

        // then
        assertThat(parsed.rows()).extracting(StageHistoryRows.Row::stage).containsExactly("a", "b", "c");
        assertThat(parsed.rows().get(2).epochMillis()).isEqualTo(1_735_862_400_500L);
    }

    @Test
    void readsTiesOldestFirstByReversingHubSpotsNewestFirstOrder() throws IOException {
        // given
        JsonNode history = json("""
                [{"value":"second","timestamp":"2025-01-01T00:00:00Z","sourceType":"AUTOMATION_PLATFORM"},
                 {"value":"first","timestamp":"2025-01-01T00:00:00Z","sourceType":"CRM_UI"}]""");

        // when
        StageHistoryRows.Parsed parsed = StageHistoryRows.parse(history);

        // then
        assertThat(parsed.rows()).extracting(StageHistoryRows.Row::stage).containsExactly("first", "second");
    }

    @Test
    void dropsExactDuplicatesButKeepsTheSameStageSetAgainLater() throws IOException {
        // given
        JsonNode history = json("""
                [{"value":"a","timestamp":"2025-01-05T00:00:00Z","sourceType":"API"},
                 {"value":"a","timestamp":"2025-01-01T00:00:00Z","sourceType":"CRM_UI"},
                 {"value":"a","timestamp":"2025-01-01T00:00:00Z","sourceType":"AUTOMATION_PLATFORM"}]""");

        // when
        StageHistoryRows.Parsed parsed = StageHistoryRows.parse(history);

        // then
        assertThat(parsed.rows()).containsExactly(new StageHistoryRows.Row("a", 1_735_689_600_000L),
                new StageHistoryRows.Row("a", 1_736_035_200_000L));
    }

    @Test
    void skipsClearedValuesAndCountsUnreadableTimestamps() throws IOException {
        // given
        JsonNode history = json("""
                [{"value":"","timestamp":"2025-01-03T00:00:00Z","sourceType":"API"},
                 {"value":"b","timestamp":"yesterday","sourceType":"API"},
                 {"value":"a","timestamp":1735689600000,"sourceType":"CRM_UI"}]""");

        // when
        StageHistoryRows.Parsed parsed = StageHistoryRows.parse(history);

        // then
        assertThat(parsed.rows()).containsExactly(new StageHistoryRows.Row("a", 1_735_689_600_000L));
        assertThat(parsed.unreadable()).isEqualTo(1);
    }
}
