package dev.l2o.metrics;

import static dev.l2o.metrics.HistoryFixtures.blueprint;
import static dev.l2o.metrics.HistoryFixtures.pipeline;
import static dev.l2o.metrics.HistoryFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LargeHistoryTest {
    private static final int RECORDS = 20_000;
    private static final String[] STAGES = {"Qualification", "Qualification", "Needs Analysis", "Needs Analysis",
            "Proposal/Price Quote", "Qualification", "Needs Analysis", "Needs Analysis", "Proposal/Price Quote", null};
    private static final double[] DAYS = {0, 1, 2, 3, 5, 6, 8, 8.5, 9, 12};

    /** 200,000 rows made on the fly and interleaved across records, half of each record's rows backwards in time. */
    private static final StageHistory GENERATED = new StageHistory() {
        @Override
        public void forEach(Consumer<StageEvent> sink) {
            for (int row = 0; row < STAGES.length; row++) {
                for (int record = 0; record < RECORDS; record++) {
                    int position = record % 2 == 0 ? row : STAGES.length - 1 - row;
                    String stage = STAGES[position] != null ? STAGES[position] : record % 2 == 0 ? "Closed Won" : "Closed Lost";
                    sink.accept(new StageEvent("Opportunity", "006" + record, stage,
                            HistoryFixtures.DAY_ZERO.plus(Duration.ofMinutes(record))
                                    .plus(Duration.ofMillis(Math.round(DAYS[position] * 86_400_000d))),
                            1000.0, null, null, null));
                }
            }
        }

        @Override
        public String description() {
            return "generated";
        }
    };

    @Test
    void computesExactFiguresOverTwoHundredThousandInterleavedRows() {
        // given
        double evaluationP90 = 3.0;

        // when
        StageMetrics metrics = StageMetricsCalculator.compute(blueprint(true, false, List.of()),
                snapshot(List.of(pipeline()), GENERATED, List.of()), HistoryFixtures.day(400));

        // then
        assertThat(metrics.rows()).isEqualTo(10L * RECORDS);
        assertThat(metrics.records()).isEqualTo(RECORDS);
        StageStat discovery = metrics.stage("discovery").orElseThrow();
        assertThat(discovery.entered()).isEqualTo(RECORDS);
        assertThat(discovery.completedStays()).isEqualTo(2L * RECORDS);
        assertThat(discovery.p90Days()).isEqualTo(2.0);
        StageStat evaluation = metrics.stage("evaluation").orElseThrow();
        assertThat(evaluation.meanDays()).isEqualTo((3.0 + 1.0) / 2);
        assertThat(evaluation.medianDays()).isEqualTo(1 + 0.5 * (3 - 1));
        assertThat(evaluation.p90Days()).isEqualTo(evaluationP90);
        assertThat(metrics.winRate()).isEqualTo(0.5);
        assertThat(metrics.salesCycleMedianDays()).isEqualTo(12.0);
        assertThat(metrics.regressions()).singleElement()
                .satisfies(r -> assertThat(r.records()).isEqualTo(RECORDS));
    }

    @Test
    void packedAndArenaRecordIdsGiveTheSameFiguresAcrossLoaderBatches() {
        // given
        Random random = new Random(11);
        String[] stages = {"Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won",
                "Closed Lost", "Unknown Stage"};
        List<String> packable = new ArrayList<>();
        List<String> arena = new ArrayList<>();
        for (int row = 0; row < 15_000; row++) {
            int record = row < 3_000 ? 2_999 - row : random.nextInt(3_000);
            String rest = "|" + stages[random.nextInt(stages.length)] + "|" + random.nextInt(40) + "|"
                    + (random.nextBoolean() ? String.valueOf(random.nextInt(5000)) : "") + "|" + random.nextInt(90);
            packable.add("006" + record + rest);
            arena.add("006-" + record + rest);
        }

        // when
        StageMetrics packed = StageMetricsCalculator.compute(blueprint(true, false, List.of()),
                snapshot(List.of(pipeline()), HistoryFixtures.history(false, packable), List.of()), HistoryFixtures.day(60));
        StageMetrics inArena = StageMetricsCalculator.compute(blueprint(true, false, List.of()),
                snapshot(List.of(pipeline()), HistoryFixtures.history(false, arena), List.of()), HistoryFixtures.day(60));

        // then
        assertThat(packed.records()).isEqualTo(inArena.records()).isEqualTo(3_000);
        assertThat(packed.stages()).extracting(StageStat::stage, StageStat::entered, StageStat::completedStays,
                StageStat::openStays, StageStat::meanDays, StageStat::medianDays, StageStat::p90Days)
                .isEqualTo(inArena.stages().stream().map(s -> tuple(s.stage(), s.entered(), s.completedStays(), s.openStays(),
                        s.meanDays(), s.medianDays(), s.p90Days())).toList());
        assertThat(List.of(packed.winRate(), packed.salesCycleMedianDays(), packed.meanWonAmount()))
                .isEqualTo(List.of(inArena.winRate(), inArena.salesCycleMedianDays(), inArena.meanWonAmount()));
    }

    @Test
    void holdsUnsortedRowsAsPrimitiveColumnsOfSixteenBytesARowPlusIdsInOneArena() {
        // given
        HistoryColumns columns = new HistoryColumns();
        int rows = 200_000;
        int records = 20_000;

        // when
        for (int row = 0; row < rows; row++) {
            columns.add("006" + (row % records), row % 5, row * 1000L, row, RecordBuffer.NO_DATE);
        }

        // then
        assertThat(columns.rowCount()).isEqualTo(rows);
        long perRowColumns = 3L * rows / 2 * (Integer.BYTES + Integer.BYTES + Long.BYTES);
        long perRecordArrays = 3L * records / 2 * 5 * Long.BYTES;
        long idTablesAndArena = 1024L * Long.BYTES + 4L * records * 3 * Long.BYTES + 3L * records / 2 * (Character.BYTES * (3 + "00619999".length()) + Integer.BYTES);
        assertThat(columns.retainedBytes()).isLessThanOrEqualTo(perRowColumns + perRecordArrays + idTablesAndArena);
    }
}
