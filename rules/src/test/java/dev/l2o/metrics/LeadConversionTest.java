package dev.l2o.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.ConversionTarget;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.Stage;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadConversionTest {
    private static final Blueprint BLUEPRINT = HistoryFixtures.blueprint(false, true, List.of(
            new ConversionTarget("mql", "sql", 0.6), new ConversionTarget("sql", "converted", 0.1)));

    private static StageMetrics compute(StageHistory history, List<Pipeline> pipelines) {
        return StageMetricsCalculator.compute(BLUEPRINT, HistoryFixtures.snapshot(pipelines, history, List.of()),
                HistoryFixtures.SCENARIO_ONE_AS_OF);
    }

    private static StageMetrics compute(StageHistory history) {
        return compute(history, List.of(HistoryFixtures.pipeline()));
    }

    private static List<StageEvent> leads() {
        return HistoryFixtures.rows("Lead", HistoryFixtures.LEADS);
    }

    private static List<StageEvent> opportunities() {
        return HistoryFixtures.rows("Opportunity", HistoryFixtures.SCENARIO_ONE);
    }

    private static List<StageEvent> concat(List<StageEvent> first, List<StageEvent> second) {
        List<StageEvent> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** The rows of both lists alternating, each list keeping its own order. */
    private static List<StageEvent> interleave(List<StageEvent> first, List<StageEvent> second) {
        List<StageEvent> all = new ArrayList<>();
        for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
            if (i < second.size()) {
                all.add(second.get(i));
            }
            if (i < first.size()) {
                all.add(first.get(i));
            }
        }
        return all;
    }

    @Test
    void measuresLeadStatusConversionsFromTheFirstRowOfTheFromStatusWithTiesInSourceOrder() {
        // when
        StageMetrics metrics = compute(HistoryFixtures.historyOf(false, leads()));

        // then
        Conversion mqlToSql = metrics.conversion("mql", "sql").orElseThrow();
        assertThat(mqlToSql.measured()).isTrue();
        assertThat(mqlToSql.note()).isNull();
        assertThat(mqlToSql.reached()).isEqualTo(6);
        assertThat(mqlToSql.converted()).isEqualTo(3);
        assertThat(mqlToSql.rate()).isEqualTo(0.5);
        assertThat(mqlToSql.notConvertedExamples()).containsExactly("L2", "L4", "L6");
        assertThat(mqlToSql.benchmarkAverage()).isEqualTo(0.32);
        assertThat(mqlToSql.benchmarkTopPerformer()).isEqualTo(0.39);
        assertThat(mqlToSql.belowTarget()).isTrue();
        Conversion sqlToConverted = metrics.conversion("sql", "converted").orElseThrow();
        assertThat(sqlToConverted.reached()).isEqualTo(6);
        assertThat(sqlToConverted.converted()).isZero();
        assertThat(sqlToConverted.rate()).isZero();
        assertThat(sqlToConverted.notConvertedExamples()).containsExactly("L1", "L3", "L4", "L5", "L6");
    }

    @Test
    void countsLeadRowsAsUsedRowsButNotAsRecords() {
        // when
        StageMetrics metrics = compute(HistoryFixtures.historyOf(false, leads()));

        // then
        assertThat(metrics.rows()).isEqualTo(15);
        assertThat(metrics.ignoredRows()).isEqualTo(1);
        assertThat(metrics.records()).isZero();
    }

    @Test
    void leadRowsMixedIntoOpportunityRowsInAnyOrderLeaveTheOpportunityFiguresUnchanged() {
        // given
        StageMetrics opportunitiesOnly = HistoryFixtures.scenarioOne();
        List<StageHistory> mixed = List.of(
                HistoryFixtures.historyOf(true, concat(opportunities(), leads())),
                HistoryFixtures.historyOf(true, concat(leads(), opportunities())),
                HistoryFixtures.historyOf(false, interleave(opportunities(), leads())),
                HistoryFixtures.historyOf(false, interleave(leads(), opportunities())));

        for (StageHistory history : mixed) {
            // when
            StageMetrics metrics = StageMetricsCalculator.compute(
                    HistoryFixtures.blueprint(false, true, HistoryFixtures.SCENARIO_ONE_TARGETS),
                    HistoryFixtures.snapshot(List.of(HistoryFixtures.pipeline()), history, List.of()),
                    HistoryFixtures.SCENARIO_ONE_AS_OF);

            // then
            assertThat(metrics.rows()).isEqualTo(opportunitiesOnly.rows() + 15);
            assertThat(metrics.ignoredRows()).isEqualTo(opportunitiesOnly.ignoredRows() + 1);
            assertThat(metrics.records()).isEqualTo(opportunitiesOnly.records());
            assertThat(metrics.stages()).isEqualTo(opportunitiesOnly.stages());
            assertThat(metrics.conversions().subList(0, 4)).isEqualTo(opportunitiesOnly.conversions().subList(0, 4));
            assertThat(metrics.skips()).isEqualTo(opportunitiesOnly.skips());
            assertThat(metrics.regressions()).isEqualTo(opportunitiesOnly.regressions());
            assertThat(metrics.winRate()).isEqualTo(opportunitiesOnly.winRate());
            assertThat(metrics.dealVelocityPerDay()).isEqualTo(opportunitiesOnly.dealVelocityPerDay());
            Conversion leads = metrics.conversion("mql", "sql").orElseThrow();
            assertThat(leads.measured()).isTrue();
            assertThat(leads.reached()).isEqualTo(6);
            assertThat(leads.converted()).isEqualTo(3);
            assertThat(leads.target()).isEqualTo(0.32);
        }
    }

    @Test
    void mapsLeadRowsThroughTheLeadPipelineByApiNameAndLabel() {
        // given
        Pipeline leadStatuses = new Pipeline("LeadStatus", "LeadStatus", "Lead", true, List.of(
                leadStage("MQL", "Marketing Qualified", 0),
                leadStage("SQL", "Sales Qualified", 1),
                leadStage("Closed - Converted", "Converted", 2)),
                ResourceRef.of("salesforce", "StandardValueSet/LeadStatus"));
        List<StageEvent> rows = HistoryFixtures.rows("Lead", List.of(
                "A|MQL|0",
                "A|sales qualified|1",
                "B|marketing qualified|0",
                "B|Unknown|1",
                "C|SQL|0"));

        // when
        StageMetrics metrics = compute(HistoryFixtures.historyOf(false, rows),
                List.of(HistoryFixtures.pipeline(), leadStatuses));

        // then
        Conversion mqlToSql = metrics.conversion("mql", "sql").orElseThrow();
        assertThat(mqlToSql.reached()).isEqualTo(2);
        assertThat(mqlToSql.converted()).isEqualTo(1);
        assertThat(mqlToSql.notConvertedExamples()).containsExactly("B");
    }

    @Test
    void leadTargetsStayUnmeasuredWhenTheHistoryHasNoLeadRows() {
        // when
        StageMetrics metrics = compute(HistoryFixtures.historyOf(true, opportunities()));

        // then
        Conversion mqlToSql = metrics.conversion("mql", "sql").orElseThrow();
        assertThat(mqlToSql.measured()).isFalse();
        assertThat(mqlToSql.rate()).isNull();
        assertThat(mqlToSql.note()).isEqualTo("not measured: sources provide no lead status history");
        assertThat(mqlToSql.notConvertedExamples()).isEmpty();
    }

    private static Stage leadStage(String apiName, String label, int order) {
        return new Stage(apiName, label, order, null, null, false, false, false, true,
                ResourceRef.of("salesforce", "Lead.Status#" + apiName), Map.of());
    }
}
