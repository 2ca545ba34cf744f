package dev.l2o.metrics;

import static dev.l2o.metrics.HistoryFixtures.SCENARIO_ONE;
import static dev.l2o.metrics.HistoryFixtures.SCENARIO_ONE_AS_OF;
import static dev.l2o.metrics.HistoryFixtures.SCENARIO_ONE_TARGETS;
import static dev.l2o.metrics.HistoryFixtures.blueprint;
import static dev.l2o.metrics.HistoryFixtures.day;
import static dev.l2o.metrics.HistoryFixtures.history;
import static dev.l2o.metrics.HistoryFixtures.pipeline;
import static dev.l2o.metrics.HistoryFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.Stage;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class StageMetricsCalculatorTest {
    private static final Offset<Double> EXACT = within(1e-12);

    @Test
    void mergesRepeatedRowsIntoOneStayAndSummarisesCompletedStaysPerStage() {
        // given
        double discoveryMean = (3 + 2 + 5 + 3 + 20) / 5.0;
        double discoveryMedian = 3;
        double discoveryP90 = 5 + (4 * 0.9 - 3) * (20 - 5);

        // when
        StageMetrics metrics = HistoryFixtures.scenarioOne();

        // then
        StageStat discovery = metrics.stage("discovery").orElseThrow();
        assertThat(discovery.crmStage()).isEqualTo("Qualification");
        assertThat(discovery.entered()).isEqualTo(5);
        assertThat(discovery.completedStays()).isEqualTo(5);
        assertThat(discovery.openStays()).isEqualTo(1);
        assertThat(discovery.meanDays()).isCloseTo(discoveryMean, EXACT);
        assertThat(discovery.medianDays()).isCloseTo(discoveryMedian, EXACT);
        assertThat(discovery.p90Days()).isCloseTo(discoveryP90, EXACT);
    }

    @Test
    void countsReEntryAsOneEnteredRecordWithSeveralStaysAndKeepsOpenStaysApart() {
        // given
        double evaluationMean = (4 + 6 + 1 + 0) / 4.0;
        double evaluationMedian = 1 + 0.5 * (4 - 1);
        double evaluationP90 = 4 + (3 * 0.9 - 2) * (6 - 4);

        // when
        StageStat evaluation = HistoryFixtures.scenarioOne().stage("evaluation").orElseThrow();

        // then
        assertThat(evaluation.entered()).isEqualTo(4);
        assertThat(evaluation.completedStays()).isEqualTo(4);
        assertThat(evaluation.openStays()).isEqualTo(1);
        assertThat(evaluation.meanDays()).isCloseTo(evaluationMean, EXACT);
        assertThat(evaluation.medianDays()).isCloseTo(evaluationMedian, EXACT);
        assertThat(evaluation.p90Days()).isCloseTo(evaluationP90, EXACT);
    }

    @Test
    void interpolatesQuantilesOfTwoStaysAndLeavesStagesWithoutCompletedStaysEmpty() {
        // given
        double selectionP90 = 3 + 0.9 * (10 - 3);

        // when
        StageMetrics metrics = HistoryFixtures.scenarioOne();

        // then
        StageStat selection = metrics.stage("selection").orElseThrow();
        assertThat(selection.meanDays()).isCloseTo(6.5, EXACT);
        assertThat(selection.medianDays()).isCloseTo(6.5, EXACT);
        assertThat(selection.p90Days()).isCloseTo(selectionP90, EXACT);
        StageStat won = metrics.stage("won").orElseThrow();
        assertThat(won.entered()).isEqualTo(2);
        assertThat(won.completedStays()).isZero();
        assertThat(won.openStays()).isEqualTo(2);
        assertThat(won.meanDays()).isNull();
        assertThat(won.medianDays()).isNull();
        assertThat(won.p90Days()).isNull();
    }

    @Test
    void reportsStagesOutsideTheBlueprintUnderTheirCrmNameAfterTheBlueprintStages() {
        // when
        StageMetrics metrics = HistoryFixtures.scenarioOne();

        // then
        assertThat(metrics.stages()).extracting(StageStat::stage)
                .containsExactly("discovery", "evaluation", "selection", "won", "lost", "Prospecting");
        StageStat prospecting = metrics.stage("Prospecting").orElseThrow();
        assertThat(prospecting.mapped()).isFalse();
        assertThat(prospecting.crmStage()).isEqualTo("Prospecting");
        assertThat(prospecting.entered()).isEqualTo(1);
        assertThat(prospecting.completedStays()).isEqualTo(1);
        assertThat(prospecting.medianDays()).isCloseTo(4.0, EXACT);
    }

    @Test
    void ordersTiedRowsBySourcePosition() {
        // given
        List<String> tieReversed = List.of(
                "E|Qualification|0", "E|Proposal/Price Quote|20", "E|Needs Analysis|20", "E|Closed Won|30");

        // when
        StageMetrics metrics = StageMetricsCalculator.compute(blueprint(true, true, List.of()),
                snapshot(List.of(pipeline()), history(false, tieReversed), List.of()), SCENARIO_ONE_AS_OF);

        // then
        assertThat(metrics.stage("selection").orElseThrow().meanDays()).isCloseTo(0.0, EXACT);
        assertThat(metrics.stage("evaluation").orElseThrow().meanDays()).isCloseTo(10.0, EXACT);
    }

    @Test
    void computesWinRateSalesCycleAndDealVelocity() {
        // given
        double winRate = 2 / 3.0;
        double salesCycleMedian = 10;
        double meanWonAmount = (1000 + 3000) / 2.0;
        double meanWonCycle = (10 + 30) / 2.0;
        double velocity = 2 * meanWonAmount * winRate / meanWonCycle;

        // when
        StageMetrics metrics = HistoryFixtures.scenarioOne();

        // then
        assertThat(metrics.records()).isEqualTo(5);
        assertThat(metrics.rows()).isEqualTo(18);
        assertThat(metrics.openRecords()).isEqualTo(2);
        assertThat(metrics.closedRecords()).isEqualTo(3);
        assertThat(metrics.wonRecords()).isEqualTo(2);
        assertThat(metrics.winRate()).isCloseTo(winRate, EXACT);
        assertThat(metrics.salesCycleMedianDays()).isCloseTo(salesCycleMedian, EXACT);
        assertThat(metrics.meanWonAmount()).isCloseTo(meanWonAmount, EXACT);
        assertThat(metrics.meanWonSalesCycleDays()).isCloseTo(meanWonCycle, EXACT);
        assertThat(metrics.dealVelocityPerDay()).isCloseTo(velocity, EXACT);
    }

    @Test
    void measuresFunnelConversionsAndTargetsWithBenchmarksAndLeavesLeadTargetsUnmeasured() {
        // when
        StageMetrics metrics = HistoryFixtures.scenarioOne();

        // then
        assertThat(metrics.conversions()).extracting(c -> c.from() + ">" + c.to())
                .containsExactly("discovery>evaluation", "evaluation>selection", "selection>won", "discovery>won", "mql>sql");
        Conversion firstStep = metrics.conversion("discovery", "evaluation").orElseThrow();
        assertThat(firstStep.reached()).isEqualTo(5);
        assertThat(firstStep.converted()).isEqualTo(4);
        assertThat(firstStep.rate()).isCloseTo(0.8, EXACT);
        assertThat(firstStep.notConvertedExamples()).containsExactly("D");
        Conversion targeted = metrics.conversion("evaluation", "selection").orElseThrow();
        assertThat(targeted.rate()).isCloseTo(0.5, EXACT);
        assertThat(targeted.target()).isEqualTo(0.6);
        assertThat(targeted.belowTarget()).isTrue();
        Conversion pipelineToWon = metrics.conversion("discovery", "won").orElseThrow();
        assertThat(pipelineToWon.rate()).isCloseTo(2 / 5.0, EXACT);
        assertThat(pipelineToWon.benchmarkAverage()).isEqualTo(0.26);
        assertThat(pipelineToWon.benchmarkTopPerformer()).isEqualTo(0.34);
        Conversion leads = metrics.conversion("mql", "sql").orElseThrow();
        assertThat(leads.measured()).isFalse();
        assertThat(leads.rate()).isNull();
        assertThat(leads.note()).contains("not measured");
        assertThat(leads.benchmarkAverage()).isEqualTo(0.32);
        assertThat(leads.benchmarkTopPerformer()).isEqualTo(0.39);
        assertThat(metrics.benchmarks()).hasSize(3);
    }

    @Test
    void countsOpenStaysOverTheStageBenchmarkAtTheAsOfTime() {
        // when
        StageMetrics metrics = HistoryFixtures.scenarioOne();

        // then
        assertThat(metrics.stage("discovery").orElseThrow().openOverBenchmark()).isEqualTo(1);
        assertThat(metrics.stage("discovery").orElseThrow().openOverBenchmarkExamples()).containsExactly("D");
        assertThat(metrics.stage("evaluation").orElseThrow().openOverBenchmarkExamples()).containsExactly("C");
        assertThat(metrics.stage("selection").orElseThrow().openOverBenchmark()).isZero();
    }

    @Test
    void anOpenStayExactlyAtTheBenchmarkIsNotStale() {
        // given
        List<String> rows = List.of("X|Qualification|0");

        // when
        StageMetrics atLimit = StageMetricsCalculator.compute(blueprint(true, true, List.of()),
                snapshot(List.of(pipeline()), history(true, rows), List.of()), day(21));
        StageMetrics overLimit = StageMetricsCalculator.compute(blueprint(true, true, List.of()),
                snapshot(List.of(pipeline()), history(true, rows), List.of()), day(21.001));

        // then
        assertThat(atLimit.stage("discovery").orElseThrow().openOverBenchmark()).isZero();
        assertThat(overLimit.stage("discovery").orElseThrow().openOverBenchmark()).isEqualTo(1);
    }

    @Test
    void givesTheSameFiguresForShuffledRowsAsForRowsGroupedByRecord() {
        // given
        List<String> shuffled = new ArrayList<>(SCENARIO_ONE);
        Collections.shuffle(shuffled, new Random(7));
        List<String> tiedRowsInSourceOrder = new ArrayList<>(shuffled);
        tiedRowsInSourceOrder.removeAll(List.of("E|Needs Analysis|20", "E|Proposal/Price Quote|20"));
        tiedRowsInSourceOrder.add(0, "E|Needs Analysis|20");
        tiedRowsInSourceOrder.add(tiedRowsInSourceOrder.size() / 2, "E|Proposal/Price Quote|20");

        // when
        StageMetrics unsorted = StageMetricsCalculator.compute(blueprint(false, true, SCENARIO_ONE_TARGETS),
                snapshot(List.of(pipeline()), history(false, tiedRowsInSourceOrder), List.of()), SCENARIO_ONE_AS_OF);

        // then
        assertThat(unsorted).isEqualTo(HistoryFixtures.scenarioOne());
    }

    @Test
    void sortsLongRecordsStablyByTime() {
        // given
        List<String> ascending = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ascending.add("L|" + (i % 2 == 0 ? "Qualification" : "Needs Analysis") + "|" + (i / 2) * 2 + (i % 2 == 0 ? "" : ".5"));
        }
        ascending.add("L|Proposal/Price Quote|40");
        ascending.add("L|Qualification|40");
        List<String> descending = new ArrayList<>(ascending.subList(0, 40));
        Collections.reverse(descending);
        descending.addAll(ascending.subList(40, 42));

        // when
        StageMetrics inOrder = StageMetricsCalculator.compute(blueprint(true, true, List.of()),
                snapshot(List.of(pipeline()), history(true, ascending), List.of()), day(100));
        StageMetrics reversed = StageMetricsCalculator.compute(blueprint(true, true, List.of()),
                snapshot(List.of(pipeline()), history(false, descending), List.of()), day(100));

        // then
        assertThat(reversed).isEqualTo(inOrder);
        assertThat(inOrder.stage("discovery").orElseThrow().completedStays()).isEqualTo(20);
        assertThat(inOrder.stage("selection").orElseThrow().medianDays()).isCloseTo(0.0, EXACT);
        assertThat(inOrder.stage("discovery").orElseThrow().openStays()).isEqualTo(1);
    }

    @Test
    void findsSkipsRegressionsAndReopenedDealsPerStagePair() {
        // when
        StageMetrics metrics = HistoryFixtures.scenarioTwo();

        // then
        assertThat(metrics.skips()).containsExactly(
                new StageTransition("discovery", "selection", 1, List.of("F")),
                new StageTransition("discovery", "won", 1, List.of("G")));
        assertThat(metrics.regressions()).containsExactly(
                new StageTransition("selection", "discovery", 1, List.of("F")),
                new StageTransition("won", "evaluation", 1, List.of("G")));
        assertThat(metrics.closedRecords()).isEqualTo(1);
        assertThat(metrics.wonRecords()).isZero();
        assertThat(metrics.winRate()).isCloseTo(0.0, EXACT);
        assertThat(metrics.salesCycleMedianDays()).isCloseTo((3 + 2) / 2.0, EXACT);
        assertThat(metrics.dealVelocityPerDay()).isNull();
    }

    @Test
    void movingToALostStageIsNeverASkip() {
        // given
        List<String> rows = List.of("M|Qualification|0", "M|Closed Lost|1");

        // when
        StageMetrics metrics = StageMetricsCalculator.compute(blueprint(false, false, List.of()),
                snapshot(List.of(pipeline()), history(true, rows), List.of()), day(10));

        // then
        assertThat(metrics.skips()).isEmpty();
        assertThat(metrics.regressions()).isEmpty();
    }

    @Test
    void takesTheCloseDateOfTheRecordBeforeTheLatestRowAndIgnoresRowsAfterTheAsOfTime() {
        // when
        StageMetrics metrics = HistoryFixtures.scenarioTwo();

        // then
        assertThat(metrics.pastCloseDates()).isEqualTo(new RecordSample(2, List.of("G", "I")));
        assertThat(metrics.rows()).isEqualTo(13);
        assertThat(metrics.ignoredRows()).isEqualTo(1);
        assertThat(metrics.stage("discovery").orElseThrow().openOverBenchmarkExamples()).containsExactly("I", "K");
        assertThat(metrics.openRecords()).isEqualTo(5);
        assertThat(metrics.openRecordsStaleOrPastDue()).isEqualTo(5);
    }

    @Test
    void attributesHistoryToBlueprintStagesWhenTheSnapshotHasNoPipeline() {
        // when
        StageMetrics metrics = StageMetricsCalculator.compute(blueprint(false, true, List.of()),
                snapshot(List.of(), history(true, SCENARIO_ONE), List.of()), SCENARIO_ONE_AS_OF);

        // then
        assertThat(metrics.stage("discovery").orElseThrow().entered()).isEqualTo(5);
        assertThat(metrics.stage("discovery").orElseThrow().crmStage()).isEqualTo("Qualification");
        assertThat(metrics.winRate()).isCloseTo(2 / 3.0, EXACT);
    }

    @Test
    void aHistoryThatFailsMidwayFailsTheComputationAndStopsTheColumnLoader() {
        // given
        StageHistory failing = new StageHistory() {
            @Override
            public void forEach(Consumer<StageEvent> sink) {
                for (int i = 0; i < 10_000; i++) {
                    sink.accept(new StageEvent("Opportunity", "R" + i, "Qualification", day(i % 50), null, null, null, null));
                }
                throw new L2oException(ErrorCode.MALFORMED_HISTORY, "history.csv:10002: bad timestamp");
            }

            @Override
            public String description() {
                return "history.csv";
            }
        };

        // when
        Throwable thrown = catchThrowable(() -> StageMetricsCalculator.compute(blueprint(false, true, List.of()),
                snapshot(List.of(pipeline()), failing, List.of()), SCENARIO_ONE_AS_OF));

        // then
        assertThat(thrown).isInstanceOf(L2oException.class).hasMessageContaining("history.csv:10002");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("l2o-history-columns") && t.isAlive());
    }

    @Test
    void withoutHistoryReportsNothingMeasured() {
        // when
        StageMetrics metrics = StageMetricsCalculator.compute(blueprint(false, true, SCENARIO_ONE_TARGETS),
                snapshot(List.of(pipeline()), null, List.of()), SCENARIO_ONE_AS_OF);

        // then
        assertThat(metrics.historyAvailable()).isFalse();
        assertThat(metrics.measured()).isFalse();
        assertThat(metrics.stages()).extracting(StageStat::entered).containsOnly(0L);
        assertThat(metrics.conversions()).allSatisfy(c -> assertThat(c.measured()).isFalse());
        assertThat(metrics.winRate()).isNull();
    }

    @Test
    void historyInTheInactiveCrmStageABlueprintStageNamesIsNotMeasuredAgainstThatStage() {
        // given
        Pipeline valueSet = new Pipeline("OpportunityStage", "All stages", "Opportunity", true, pipeline().stages().stream()
                .map(stage -> stage.apiName().equals("Needs Analysis") ? inactive(stage) : stage).toList(),
                pipeline().ref());

        // when
        StageMetrics metrics = StageMetricsCalculator.compute(blueprint(false, true, SCENARIO_ONE_TARGETS),
                snapshot(List.of(valueSet), history(true, SCENARIO_ONE), List.of()), SCENARIO_ONE_AS_OF);

        // then
        assertThat(metrics.stage("evaluation").orElseThrow().entered()).isZero();
        StageStat needsAnalysis = metrics.stage("Needs Analysis").orElseThrow();
        assertThat(needsAnalysis.mapped()).isFalse();
        assertThat(needsAnalysis.entered()).isEqualTo(4);
    }

    @Test
    void historyInAValueSetStageTheSelectedSalesProcessLacksIsNotMeasuredAgainstTheBlueprint() {
        // given
        Pipeline process = new Pipeline("Opportunity.New Business", "New Business", "Opportunity", false,
                pipeline().stages().stream().filter(stage -> !stage.apiName().equals("Needs Analysis")).toList(),
                ResourceRef.of("salesforce", "BusinessProcess/Opportunity.New Business"));

        // when
        StageMetrics metrics = StageMetricsCalculator.compute(blueprint("New Business", false, true, SCENARIO_ONE_TARGETS),
                snapshot(List.of(pipeline(), process), history(true, SCENARIO_ONE), List.of()), SCENARIO_ONE_AS_OF);

        // then
        assertThat(metrics.stage("evaluation").orElseThrow().entered()).isZero();
        assertThat(metrics.stage("Needs Analysis").orElseThrow().entered()).isEqualTo(4);
        assertThat(metrics.stage("discovery").orElseThrow().entered()).isEqualTo(5);
    }

    @Test
    void aStageOutsideTheBlueprintCarriesTheCrmLabelAndKeepsItsIdAsStage() {
        // given
        Pipeline relabelled = new Pipeline("OpportunityStage", "All stages", "Opportunity", true, pipeline().stages().stream()
                .map(stage -> stage.apiName().equals("Prospecting") ? withLabel(stage, "Early Prospecting") : stage).toList(),
                pipeline().ref());

        // when
        StageMetrics metrics = StageMetricsCalculator.compute(blueprint(false, true, SCENARIO_ONE_TARGETS),
                snapshot(List.of(relabelled), history(true, SCENARIO_ONE), List.of()), SCENARIO_ONE_AS_OF);

        // then
        StageStat prospecting = metrics.stage("Prospecting").orElseThrow();
        assertThat(prospecting.label()).isEqualTo("Early Prospecting");
        assertThat(prospecting.crmStage()).isEqualTo("Prospecting");
    }

    @Test
    void saysWhyThereIsNoDealVelocity() {
        // given
        List<String> withoutAmounts = SCENARIO_ONE.stream().map(row -> String.join("|", List.of(row.split("\\|")).subList(0, 3)))
                .toList();
        List<String> createdWon = List.of("A|Closed Won|0|1000", "B|Qualification|0");

        // when
        StageMetrics noAmount = StageMetricsCalculator.compute(blueprint(false, true, List.of()),
                snapshot(List.of(pipeline()), history(true, withoutAmounts), List.of()), SCENARIO_ONE_AS_OF);
        StageMetrics noCycle = StageMetricsCalculator.compute(blueprint(false, true, List.of()),
                snapshot(List.of(pipeline()), history(true, createdWon), List.of()), SCENARIO_ONE_AS_OF);
        StageMetrics nothingClosed = StageMetricsCalculator.compute(blueprint(false, true, List.of()),
                snapshot(List.of(pipeline()), history(true, List.of("B|Qualification|0")), List.of()), SCENARIO_ONE_AS_OF);

        // then
        assertThat(HistoryFixtures.scenarioOne().dealVelocityGap()).isEmpty();
        assertThat(noAmount.dealVelocityPerDay()).isNull();
        assertThat(noAmount.dealVelocityGap()).contains("no won deals with an amount in the stage history");
        assertThat(noCycle.dealVelocityGap()).contains("no sales cycle: every won deal was closed from its first row");
        assertThat(nothingClosed.dealVelocityGap()).contains("no closed deals");
    }

    private static Stage inactive(Stage stage) {
        return new Stage(stage.apiName(), stage.label(), stage.order(), stage.probability(), stage.forecastCategory(),
                stage.closed(), stage.won(), stage.converted(), false, stage.ref(), stage.attributes());
    }

    private static Stage withLabel(Stage stage, String label) {
        return new Stage(stage.apiName(), label, stage.order(), stage.probability(), stage.forecastCategory(),
                stage.closed(), stage.won(), stage.converted(), stage.active(), stage.ref(), stage.attributes());
    }
}
