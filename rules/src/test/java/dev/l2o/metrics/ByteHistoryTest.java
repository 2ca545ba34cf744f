package dev.l2o.metrics;

import static dev.l2o.metrics.HistoryFixtures.blueprint;
import static dev.l2o.metrics.HistoryFixtures.pipeline;
import static dev.l2o.metrics.HistoryFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.ConversionTarget;
import dev.l2o.error.L2oException;
import dev.l2o.history.OpportunityHistoryCsv;
import dev.l2o.model.ByteStageHistory;
import dev.l2o.model.StageHistories;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import dev.l2o.model.StageRowSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics of a history file read as bytes ({@link ByteStageHistory}) against the same file read as events. */
class ByteHistoryTest {
    private static final String[] STAGES = {"Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review",
            "Closed Won", "Closed Lost", "Unknown Stage", "\"Quoted, Stage\"", " Needs Analysis "};
    private static final Instant AS_OF = HistoryFixtures.day(400);
    private static final Blueprint BLUEPRINT = blueprint(false, false, List.of(new ConversionTarget("discovery", "won", 0.3)));

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
    void rowsReadEarlyAreUsedOnlyWhenTheyAreTheRowsTheComputationReads() throws IOException {
        // given: a file with rows after AS_OF, read ahead with the as-of known and without it
        Path file = generated(temp.resolve("OpportunityHistory.csv"), 60_000, "\n", false, true);
        CountedReads history = new CountedReads(OpportunityHistoryCsv.open(file, "OpportunityHistory.csv"));
        SpillPolicy inMemory = new SpillPolicy(1L << 30, 1L << 30, temp);
        Instant afterEveryRow = HistoryFixtures.day(10_000);
        StageMetrics expected = compute(history, inMemory);
        StageMetrics expectedLater = compute(history, inMemory, afterEveryRow);
        history.reads = 0;

        // when / then: the as-of given ahead: the rows read early are used, the file is not read again
        assertThat(computeWithEarly(history, inMemory, AS_OF, start(history, Optional.of(AS_OF)))).isEqualTo(expected);
        assertThat(history.reads).isEqualTo(1);
        // no as-of ahead, and a row is later than the computation's: read again, same figures
        assertThat(computeWithEarly(history, inMemory, AS_OF, start(history, Optional.empty()))).isEqualTo(expected);
        assertThat(history.reads).isEqualTo(3);
        // no as-of ahead, every row up to the computation's: used
        assertThat(computeWithEarly(history, inMemory, afterEveryRow, start(history, Optional.empty())))
                .isEqualTo(expectedLater);
        assertThat(history.reads).isEqualTo(4);
        // another as-of than the one given ahead: read again
        assertThat(computeWithEarly(history, inMemory, afterEveryRow, start(history, Optional.of(AS_OF))))
                .isEqualTo(expectedLater);
        assertThat(history.reads).isEqualTo(6);
        // a read of another file than the snapshot's is not used; one of the same file opened apart is
        Path copy = Files.copy(file, temp.resolve("Copy.csv"));
        EarlyHistoryRead ofOther = start(new CountedReads(OpportunityHistoryCsv.open(copy, "Copy.csv")), Optional.of(AS_OF));
        assertThat(computeWithEarly(history, inMemory, AS_OF, ofOther)).isEqualTo(expected);
        assertThat(history.reads).isEqualTo(7);
        EarlyHistoryRead ofSameFile = start(OpportunityHistoryCsv.open(file, "OpportunityHistory.csv"), Optional.of(AS_OF));
        assertThat(computeWithEarly(history, inMemory, AS_OF, ofSameFile)).isEqualTo(expected);
        assertThat(history.reads).isEqualTo(7);
        // a read is used once
        EarlyHistoryRead once = start(history, Optional.of(AS_OF));
        assertThat(computeWithEarly(history, inMemory, AS_OF, once)).isEqualTo(expected);
        assertThat(computeWithEarly(history, inMemory, AS_OF, once)).isEqualTo(expected);
        assertThat(history.reads).isEqualTo(9);
        // what is not read ahead: history that is not a byte file, larger than the heap, or that could not be opened
        CountedReads large = new CountedReads(history.file) {
            @Override
            public long sizeBytes() {
                return Long.MAX_VALUE;
            }
        };
        assertThat(computeWithEarly(history, inMemory, AS_OF, start(large, Optional.of(AS_OF)))).isEqualTo(expected);
        assertThat(large.reads).isZero();
        assertThat(history.reads).isEqualTo(10);
        assertThat(computeWithEarly(history, inMemory, AS_OF, start(asEvents(history.file), Optional.of(AS_OF))))
                .isEqualTo(expected);
        assertThat(history.reads).isEqualTo(11);
        EarlyHistoryRead unopened = EarlyHistoryRead.start(() -> OpportunityHistoryCsv.open(temp.resolve("gone.csv"),
                "gone.csv"), Optional.of(AS_OF));
        assertThat(computeWithEarly(history, inMemory, AS_OF, unopened)).isEqualTo(expected);
        assertThat(history.reads).isEqualTo(12);
    }

    @Test
    void anEarlyReadOfAMalformedRowGivesTheComputationsOneLineError() throws IOException {
        // given: a good file with an impossible close date on line 5,001
        Path good = generated(temp.resolve("good.csv"), 10_000, "\n", false, false);
        List<String> lines = new ArrayList<>(Files.readAllLines(good));
        lines.set(5_000, "0089999,006123,Qualification,10,2024-02-30,,2024-01-01T00:00:00.000+0000,false");
        OpportunityHistoryCsv bytes = OpportunityHistoryCsv.open(Files.write(temp.resolve("bad.csv"), lines), "bad.csv");
        SpillPolicy inMemory = new SpillPolicy(1L << 30, 1L << 30, temp);

        // when / then
        assertThatThrownBy(() -> computeWithEarly(bytes, inMemory, AS_OF, start(bytes, Optional.empty())))
                .isInstanceOf(L2oException.class)
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
        return StageMetricsCalculator.computeAll(BLUEPRINT, snapshot(List.of(pipeline()), history, List.of()), AS_OF, policy,
                parallelWalkRecords, null).primary();
    }

    private static StageMetrics compute(StageHistory history, SpillPolicy policy, Instant asOf) {
        return StageMetricsCalculator.computeAll(BLUEPRINT, snapshot(List.of(pipeline()), history, List.of()), asOf, policy,
                StageMetricsCalculator.PARALLEL_WALK_RECORDS, null).primary();
    }

    private static StageMetrics computeWithEarly(StageHistory history, SpillPolicy policy, Instant asOf,
            EarlyHistoryRead early) {
        return StageMetricsCalculator.computeAll(BLUEPRINT, snapshot(List.of(pipeline()), history, List.of()), asOf, policy,
                StageMetricsCalculator.PARALLEL_WALK_RECORDS, early).primary();
    }

    private static EarlyHistoryRead start(StageHistory history, Optional<Instant> asOf) {
        return EarlyHistoryRead.start(() -> history, asOf);
    }

    /** A history file that counts how often its rows are read. */
    private static class CountedReads implements ByteStageHistory {
        final OpportunityHistoryCsv file;
        volatile int reads;

        CountedReads(OpportunityHistoryCsv file) {
            this.file = file;
        }

        @Override
        public String object() {
            return file.object();
        }

        @Override
        public Path file() {
            return file.file();
        }

        @Override
        public String decode(byte[] bytes, int from, int to) {
            return file.decode(bytes, from, to);
        }

        @Override
        public void forEachRow(StageRowSink sink) {
            reads++;
            file.forEachRow(sink);
        }

        @Override
        public void forEach(Consumer<StageEvent> sink) {
            reads++;
            file.forEach(sink);
        }

        @Override
        public long sizeBytes() {
            return file.sizeBytes();
        }

        @Override
        public String description() {
            return file.description();
        }
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
