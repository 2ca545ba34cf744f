package dev.l2o.metrics;

import static dev.l2o.metrics.HistoryFixtures.blueprint;
import static dev.l2o.metrics.HistoryFixtures.pipeline;
import static dev.l2o.metrics.HistoryFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.blueprint.ConversionTarget;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpilledHistoryTest {
    private static final String[] STAGES = {"Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review",
            "Closed Won", "Closed Lost", "Unknown Stage"};
    private static final Instant AS_OF = HistoryFixtures.day(400);

    @TempDir
    Path temp;

    /**
     * 300,000 rows of 60,000 records in random order: packed, arena and non-ASCII ids, ties, repeats, regressions, rows after as-of, amounts and close dates.
     */
    private static StageHistory generated(long sizeBytes, int failAfterRows) {
        return new StageHistory() {
            @Override
            public void forEach(Consumer<StageEvent> sink) {
                SplittableRandom random = new SplittableRandom(21);
                int rows = 0;
                for (int row = 0; row < 300_000; row++) {
                    if (rows++ == failAfterRows) {
                        throw new IllegalStateException("the source broke off");
                    }
                    int record = random.nextInt(60_000);
                    String id = switch (record % 3) {
                        case 0 -> "006" + record;
                        case 1 -> "opportunity-with-a-long-id-" + record;
                        default -> "Opp-é-" + record;
                    };
                    Instant at = HistoryFixtures.DAY_ZERO.plus(Duration.ofHours(random.nextInt(24 * 420)));
                    Double amount = random.nextInt(4) == 0 ? null : (double) random.nextInt(100_000) / 7;
                    LocalDate close = random.nextInt(3) == 0 ? null : HistoryFixtures.DATE_ZERO.plusDays(random.nextInt(500));
                    sink.accept(new StageEvent("Opportunity", id, STAGES[random.nextInt(STAGES.length)], at, amount, close,
                            null, null));
                }
            }

            @Override
            public long sizeBytes() {
                return sizeBytes;
            }

            @Override
            public String description() {
                return "generated";
            }
        };
    }

    private static StageMetrics compute(StageHistory history, SpillPolicy policy) {
        return StageMetricsCalculator.compute(
                blueprint(false, false, List.of(new ConversionTarget("discovery", "won", 0.3))),
                snapshot(List.of(pipeline()), history, List.of()), AS_OF, policy);
    }

    @Test
    void spilledHistoryGivesExactlyTheFiguresOfTheInMemoryPath() throws IOException {
        // given
        StageHistory history = generated(30_000_000, -1);
        SpillPolicy inMemory = new SpillPolicy(1L << 30, 1L << 30, temp);
        SpillPolicy spilled = new SpillPolicy(40_000_000, 1, temp);

        // when
        StageMetrics expected = compute(history, inMemory);
        StageMetrics actual = compute(history, spilled);

        // then
        assertThat(spilled.spills(history)).isTrue();
        assertThat(spilled.partitions(history)).isEqualTo(3);
        assertThat(inMemory.spills(history)).isFalse();
        assertThat(actual).isEqualTo(expected);
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void manySmallPartitionsGiveTheSameFigures() {
        // given
        StageHistory history = generated(30_000_000, -1);

        // when
        StageMetrics expected = compute(history, new SpillPolicy(1L << 30, 1L << 30, temp));
        StageMetrics actual = compute(history, new SpillPolicy(4_000, 0, temp));

        // then
        assertThat(new SpillPolicy(4_000, 0, temp).partitions(history)).isEqualTo(SpillPolicy.MAX_PARTITIONS);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void temporaryFilesAreDeletedWhenReadingFails() throws IOException {
        // given
        StageHistory history = generated(30_000_000, 250_000);

        // when / then
        assertThatThrownBy(() -> compute(history, new SpillPolicy(40_000_000, 1, temp)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the source broke off");
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void historyOfUnknownSizeStaysInMemory() {
        // given
        StageHistory history = generated(-1, -1);

        // then
        assertThat(new SpillPolicy(1, 0, temp).spills(history)).isFalse();
    }
}
