package dev.l2o.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.store.CoverageShares;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {
    private static final Instant FIRE = Instant.parse("2026-03-01T02:00:00Z");

    private static RunRecord run(String audit, RunOutcome outcome, int errors, OptionalDouble maturity) {
        return new RunRecord(1, audit, FIRE, Optional.of(outcome), "node-a", 1, FIRE, Optional.of(FIRE.plusMillis(42_500)),
                errors, 2, 0, maturity, Optional.empty(), Optional.empty());
    }

    @Test
    void writesOneGaugePerMetricWithHelpTypeAndASamplePerAudit() {
        // when
        String page = PrometheusMetrics.render(List.of("nightly", "weekly"),
                List.of(run("nightly", RunOutcome.DRIFT, 3, OptionalDouble.of(2.5))), Set.of("weekly"));

        // then
        assertThat(page)
                .contains("# HELP l2o_audit_running Whether the audit is running in this process now (1) or not (0).\n"
                        + "# TYPE l2o_audit_running gauge\n"
                        + "l2o_audit_running{audit=\"nightly\"} 0.0\n"
                        + "l2o_audit_running{audit=\"weekly\"} 1.0\n")
                .contains("# TYPE l2o_audit_last_run_findings gauge\n"
                        + "l2o_audit_last_run_findings{audit=\"nightly\",severity=\"error\"} 3.0\n"
                        + "l2o_audit_last_run_findings{audit=\"nightly\",severity=\"info\"} 0.0\n"
                        + "l2o_audit_last_run_findings{audit=\"nightly\",severity=\"warning\"} 2.0\n")
                .contains("l2o_audit_last_run_outcome{audit=\"nightly\",outcome=\"drift\"} 1.0\n")
                .contains("l2o_audit_last_run_outcome{audit=\"nightly\",outcome=\"passed\"} 0.0\n")
                .contains("l2o_audit_last_run_duration_seconds{audit=\"nightly\"} 42.5\n")
                .contains("l2o_audit_last_run_maturity{audit=\"nightly\"} 2.5\n")
                .contains("l2o_audit_last_run_timestamp_seconds{audit=\"nightly\"} 1.7723304425E9\n")
                .doesNotContain("audit=\"weekly\",");
    }

    @Test
    void aRunWithoutAMaturityScoreHasNoMaturitySample() {
        // when
        String page = PrometheusMetrics.render(List.of("nightly"), List.of(run("nightly", RunOutcome.FAILED, 0, OptionalDouble.empty())),
                Set.of());

        // then
        assertThat(page).doesNotContain("l2o_audit_last_run_maturity{").contains("outcome=\"failed\"} 1.0\n");
    }

    @Test
    void coverageOfTheLastRunIsOneOverallGaugeAndOneGaugePerSection() {
        // given
        Map<String, Double> sections = new LinkedHashMap<>();
        sections.put("stages", 0.9167);
        sections.put("routing", 0.5);

        // when
        String page = PrometheusMetrics.render(List.of("nightly", "weekly"),
                List.of(run("nightly", RunOutcome.DRIFT, 3, OptionalDouble.of(2.5)), run("weekly", RunOutcome.FAILED, 0,
                        OptionalDouble.empty())),
                Map.of("nightly", new CoverageShares(0.7812, sections)), Set.of());

        // then
        assertThat(page)
                .contains("# TYPE l2o_audit_last_run_coverage gauge\n"
                        + "l2o_audit_last_run_coverage{audit=\"nightly\"} 0.7812\n")
                .contains("# TYPE l2o_audit_last_run_coverage_section gauge\n"
                        + "l2o_audit_last_run_coverage_section{audit=\"nightly\",section=\"routing\"} 0.5\n"
                        + "l2o_audit_last_run_coverage_section{audit=\"nightly\",section=\"stages\"} 0.9167\n")
                .doesNotContain("l2o_audit_last_run_coverage{audit=\"weekly\"}");
    }

    @Test
    void labelValuesEscapeQuotesBackslashesAndLineFeeds() {
        // when
        String page = PrometheusMetrics.render(List.of("a\"b\\c\nd"), List.of(), Set.of());

        // then
        assertThat(page).contains("l2o_audit_running{audit=\"a\\\"b\\\\c\\nd\"} 0.0\n");
    }

    @Test
    void theOrderOfTheInputsDoesNotChangeTheBytes() {
        // given
        List<RunRecord> runs = List.of(run("b", RunOutcome.PASSED, 0, OptionalDouble.of(3)), run("a", RunOutcome.DRIFT, 1, OptionalDouble.of(1)));

        // when
        String one = PrometheusMetrics.render(List.of("a", "b"), runs, Set.of("a"));
        String other = PrometheusMetrics.render(List.of("b", "a"), List.of(runs.get(1), runs.get(0)), Set.of("a"));

        // then
        assertThat(one).isEqualTo(other);
    }
}
