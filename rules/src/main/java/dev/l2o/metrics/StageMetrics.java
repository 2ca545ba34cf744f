package dev.l2o.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stage metrics of one snapshot against one blueprint (CONTRACT.md section 4), and what the data findings and
 * the maturity index need, all computed in one pass over the stage history by {@link StageMetricsCalculator}.
 * A record is open when its latest stay is in a stage that is not closed; closed and won likewise.
 *
 * @param asOf "now": open stays age to it, and history rows after it are ignored
 * @param historyAvailable whether the snapshot had stage history at all
 * @param historySource where the rows came from, or null without history
 * @param rows history rows used: rows of the opportunity object, and rows of the lead lifecycle's object (which
 *     only measure conversions between lead statuses)
 * @param ignoredRows rows of other objects or later than {@code asOf}
 * @param records opportunity records with at least one row used
 * @param openRecords records whose latest stay is in a stage that is not closed
 * @param closedRecords records whose latest stay is in a closed stage
 * @param wonRecords records whose latest stay is in a won stage
 * @param stages blueprint stages in blueprint order, then CRM stages outside the blueprint (in CRM pipeline
 *     order, then by name)
 * @param conversions consecutive steps of the funnel (open stages in order, then won stages), then the other
 *     {@code benchmarks.conversion} targets in blueprint order
 * @param winRate won records / closed records, or null without closed records
 * @param salesCycleMedianDays median days from a record's first row to its first row in a closed stage, over
 *     records that have one, or null
 * @param meanWonAmount mean amount of won records (their latest row with an amount), or null
 * @param meanWonSalesCycleDays mean sales cycle in days of won records, or null
 * @param dealVelocityPerDay open records × mean won amount × win rate / mean won sales cycle days, or null when
 *     a factor is missing or the cycle is zero
 * @param skips forward moves past at least one open blueprint stage (moves to a lost stage are never skips),
 *     whatever {@code allowSkips} says
 * @param regressions backward moves (a closed stage ranks after every open one), whatever
 *     {@code allowRegression} says
 * @param pastCloseDates open records whose close date (the record's current {@code CloseDate}, else the latest
 *     row's) is before the as-of date (UTC)
 * @param openRecordsStaleOrPastDue open records that are over their stage's benchmark or past their close date
 * @param benchmarks the published funnel rates shown beside measured conversions
 */
public record StageMetrics(
        Instant asOf,
        boolean historyAvailable,
        String historySource,
        long rows,
        long ignoredRows,
        long records,
        long openRecords,
        long closedRecords,
        long wonRecords,
        List<StageStat> stages,
        List<Conversion> conversions,
        Double winRate,
        Double salesCycleMedianDays,
        Double meanWonAmount,
        Double meanWonSalesCycleDays,
        Double dealVelocityPerDay,
        List<StageTransition> skips,
        List<StageTransition> regressions,
        RecordSample pastCloseDates,
        long openRecordsStaleOrPastDue,
        List<ConversionBenchmark> benchmarks) {
    public StageMetrics {
        requireNonNull(asOf, "asOf is null");
        stages = List.copyOf(stages);
        conversions = List.copyOf(conversions);
        skips = List.copyOf(skips);
        regressions = List.copyOf(regressions);
        requireNonNull(pastCloseDates, "pastCloseDates is null");
        benchmarks = List.copyOf(benchmarks);
        if (openRecords + closedRecords != records || wonRecords > closedRecords) {
            throw new IllegalArgumentException("record counts do not add up: " + records + " records, " + openRecords
                    + " open, " + closedRecords + " closed, " + wonRecords + " won");
        }
    }

    /** The figures of stage {@code key} (blueprint key or CRM name of an unmapped stage). */
    public Optional<StageStat> stage(String key) {
        return stages.stream().filter(s -> s.stage().equals(key)).findFirst();
    }

    /** The conversion from {@code from} to {@code to}. */
    public Optional<Conversion> conversion(String from, String to) {
        return conversions.stream().filter(c -> c.from().equals(from) && c.to().equals(to)).findFirst();
    }

    /**
     * Why {@code dealVelocityPerDay} could not be computed, in words for a report ({@code no won deals with an
     * amount in the stage history}), or empty when it was: the first missing factor of the formula.
     */
    public Optional<String> dealVelocityGap() {
        if (dealVelocityPerDay != null) {
            return Optional.empty();
        }
        if (records == 0) {
            return Optional.of("no deals in the stage history");
        }
        if (closedRecords == 0) {
            return Optional.of("no closed deals");
        }
        if (wonRecords == 0) {
            return Optional.of("no won deals");
        }
        if (meanWonAmount == null) {
            return Optional.of("no won deals with an amount in the stage history");
        }
        return Optional.of("no sales cycle: every won deal was closed from its first row");
    }

    /** Whether at least one record was measured. */
    public boolean measured() {
        return historyAvailable && records > 0;
    }
}
