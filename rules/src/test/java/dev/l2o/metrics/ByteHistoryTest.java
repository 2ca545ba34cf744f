package dev.l2o.metrics;

import static dev.l2o.metrics.HistoryFixtures.blueprint;
import static dev.l2o.metrics.HistoryFixtures.pipeline;
import static dev.l2o.metrics.HistoryFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.blueprint.ConversionTarget;
import dev.l2o.error.L2oException;
import dev.l2o.history.OpportunityHistoryCsv;
import dev.l2o.model.ByteStageHistory;
import dev.l2o.model.StageHistories;
import dev.l2o.model.StageHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics of a history file read as bytes ({@link ByteStageHistory}) against the same file read as events. */
class ByteHistoryTest {
    private static final String[] STAGES = {"Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review",
            "Closed Won", "Closed Lost", "Unknown Stage", "\"Quoted, Stage\"", " Needs Analysis "};
    private static final Instant AS_OF = HistoryFixtures.day(400);

    @TempDir
    Path temp;

    @Test
    void bytePathGivesExactlyTheFiguresOfTheEventPathInMemoryAndSpilled() throws IOException {
        // given
        Path file = generated(temp.resolve("OpportunityHistory.csv"), 120_000, "\r\n", true, true);
        OpportunityHistoryCsv bytes = OpportunityHistoryCsv.open(file, "OpportunityHistory.csv");
        StageHistory events = asEvents(bytes);
        SpillPolicy inMemory = new SpillPolicy(1L << 30, 1L << 30, temp);
        SpillPolicy spilled = new SpillPolicy(4_000_000, 1, temp);

        // when
        StageMetrics expected = compute(events, inMemory);

        // then
        assertThat(expected.rows()).isGreaterThan(100_000);
        assertThat(expected.ignoredRows()).isPositive();
        assertThat(compute(bytes, inMemory)).isEqualTo(expected);
        assertThat(compute(bytes, spilled)).isEqualTo(expected);
        assertThat(compute(events, spilled)).isEqualTo(expected);
        assertThat(computeOnTwoThreads(bytes, inMemory)).isEqualTo(expected);
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aMalformedRowFailsBothPathsWithTheSameOneLineError() throws IOException {
        // given: a good file with an impossible close date on line 5,001
        Path good = generated(temp.resolve("good.csv"), 10_000, "\n", false, false);
        List<String> lines = new ArrayList<>(Files.readAllLines(good));
        lines.set(5_000, "0089999,006123,Qualification,10,2024-02-30,,2024-01-01T00:00:00.000+0000,false");
        Path file = Files.write(temp.resolve("bad.csv"), lines);
        OpportunityHistoryCsv bytes = OpportunityHistoryCsv.open(file, "bad.csv");
        SpillPolicy inMemory = new SpillPolicy(1L << 30, 1L << 30, temp);

        // when / then
        assertThatThrownBy(() -> compute(asEvents(bytes), inMemory)).isInstanceOf(L2oException.class)
                .hasMessage("bad.csv:5001: column CloseDate: '2024-02-30' is not a date (expected 2026-03-01)");
        assertThatThrownBy(() -> compute(bytes, inMemory)).isInstanceOf(L2oException.class)
                .hasMessage("bad.csv:5001: column CloseDate: '2024-02-30' is not a date (expected 2026-03-01)");
    }

    @Test
    void packedIdsUnpackToTheStringsTheyCameFrom() {
        for (String id : List.of("0", "Z", "z", "006", "0060000000001AB", "006000000000001AAA", "abcdefghij", "abcdefghijK",
                "ZZZZZZZZZZzzzzzzzzzz")) {
            // when
            long first = StringInterner.packedFirst(id);
            long rest = StringInterner.packedRest(id);
            byte[] bytes = ("," + id + ",").getBytes(StandardCharsets.US_ASCII);

            // then
            assertThat(StringInterner.unpack(first, rest)).isEqualTo(id);
            assertThat(StringInterner.packedFirst(bytes, 1, bytes.length - 1)).isEqualTo(first);
            assertThat(StringInterner.packedRest(bytes, 1, bytes.length - 1)).isEqualTo(rest);
        }
    }

    private static StageMetrics compute(StageHistory history, SpillPolicy policy) {
        return compute(history, policy, StageMetricsCalculator.PARALLEL_WALK_RECORDS);
    }

    /** As {@link #compute}, the records walked in two halves on two threads however few they are. */
    private static StageMetrics computeOnTwoThreads(StageHistory history, SpillPolicy policy) {
        return compute(history, policy, 1);
    }

    private static StageMetrics compute(StageHistory history, SpillPolicy policy, int parallelWalkRecords) {
        return StageMetricsCalculator.computeAll(
                blueprint(false, false, List.of(new ConversionTarget("discovery", "won", 0.3))),
                snapshot(List.of(pipeline()), history, List.of()), AS_OF, policy, parallelWalkRecords).primary();
    }

    /** The same file as a plain {@link StageHistory} (a view that keeps every row), so that the calculator reads events. */
    private static StageHistory asEvents(OpportunityHistoryCsv file) {
        StageHistory events = StageHistories.filter(file, row -> true, file.description());
        assertThat(events).isNotInstanceOf(ByteStageHistory.class);
        return events;
    }

    /**
     * Rows of 20,000 records in random order: packed, long and non-ASCII ids, padded and quoted stage names, ties,
     * rows after as-of, empty amounts and close dates, a few timestamps with other offsets or in the Data Export
     * shape, deleted rows, and a description column with commas and line breaks.
     */
    private static Path generated(Path file, int rows, String newline, boolean byteOrderMark, boolean multiLine)
            throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder text = new StringBuilder(byteOrderMark ? "\uFEFF" : "");
        text.append("Id,OpportunityId,StageName,Amount,CloseDate,Description,CreatedDate,IsDeleted").append(newline);
        for (int row = 0; row < rows; row++) {
            int record = random.nextInt(20_000);
            String id = switch (record % 4) {
                case 0, 1 -> "006" + record;
                case 2 -> "opportunity-with-a-long-id-" + record;
                default -> "Opp-\u00e9-" + record;
            };
            Instant at = HistoryFixtures.DAY_ZERO.plusSeconds(random.nextInt(420 * 86_400) / 3_600 * 3_600L)
                    .plusMillis(random.nextInt(3) * 250L);
            String created = switch (random.nextInt(20)) {
                case 0 -> at.plusSeconds(3_600).toString().replace("Z", "+01:00");
                case 1 -> at.toString().replace('T', ' ').replace("Z", "").replaceFirst("\\.\\d+$", "");
                default -> at.toString().replace("Z", "+0000");
            };
            String amount = random.nextInt(4) == 0 ? "" : random.nextInt(100_000) + "." + random.nextInt(100);
            String close = random.nextInt(3) == 0 ? "" : HistoryFixtures.DATE_ZERO.plusDays(random.nextInt(500)).toString();
            String description = switch (random.nextInt(5)) {
                case 0 -> "\"a, b\"";
                case 1 -> multiLine ? "\"two" + newline + "lines\"" : "";
                default -> "";
            };
            String deleted = random.nextInt(50) == 0 ? "true" : "false";
            text.append("008").append(row).append(',').append(id).append(',').append(STAGES[random.nextInt(STAGES.length)])
                    .append(',').append(amount).append(',').append(close).append(',').append(description).append(',')
                    .append(created).append(',').append(deleted).append(newline);
        }
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
