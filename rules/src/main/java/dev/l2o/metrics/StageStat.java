package dev.l2o.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Time-in-stage figures of one stage (CONTRACT.md section 4). Durations are over completed stays only, in days
 * (seconds / 86400); quantiles interpolate linearly between order statistics ({@code quantile_cont}).
 *
 * @param stage the blueprint stage key, or the CRM name of a stage that maps to no blueprint stage
 * @param crmStage the CRM stage API name, or null when a blueprint stage has neither a CRM stage nor history
 * @param label the blueprint label, or the CRM label of a stage outside the blueprint (its CRM name when the
 *     snapshot does not know the stage)
 * @param mapped whether the stage is a blueprint stage
 * @param closed whether a record in the stage is closed (blueprint flags; the CRM's for unmapped stages)
 * @param won whether a record in the stage is won
 * @param entered records with at least one stay in the stage
 * @param completedStays stays that ended with a row of another stage
 * @param openStays stays with no later row (records currently in the stage)
 * @param meanDays mean duration of completed stays, or null when there are none
 * @param medianDays median duration of completed stays, or null when there are none
 * @param p90Days 90th percentile of completed stays, or null when there are none
 * @param maxDaysInStage the blueprint's time benchmark, or null
 * @param openOverBenchmark open stays of an open stage older than {@code maxDaysInStage} at the as-of time
 * @param openOverBenchmarkExamples a few of those records' ids, the smallest first
 */
public record StageStat(
        String stage,
        String crmStage,
        String label,
        boolean mapped,
        boolean closed,
        boolean won,
        long entered,
        long completedStays,
        long openStays,
        Double meanDays,
        Double medianDays,
        Double p90Days,
        Integer maxDaysInStage,
        long openOverBenchmark,
        List<String> openOverBenchmarkExamples) {
    public StageStat {
        requireNonNull(stage, "stage is null");
        requireNonNull(label, "label is null");
        openOverBenchmarkExamples = List.copyOf(openOverBenchmarkExamples);
        if (entered < 0 || completedStays < 0 || openStays < 0 || openOverBenchmark < 0) {
            throw new IllegalArgumentException("negative count in stage " + stage);
        }
    }
}
