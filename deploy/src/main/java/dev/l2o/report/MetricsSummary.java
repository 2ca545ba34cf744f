package dev.l2o.report;

import dev.l2o.metrics.StageMetrics;
import java.util.Locale;

/** The headline figures of the stage metrics in one line, as the text and Markdown reports print them. */
final class MetricsSummary {
    private MetricsSummary() {}

    /** {@code win rate 31% · sales cycle median 33.6 days · velocity 5,661 per day}. */
    static String line(StageMetrics metrics) {
        return line("win rate", metrics);
    }

    /** As {@link #line(StageMetrics)}, the rate named as the lifecycle's motion names it ({@code renewal rate}). */
    static String line(String rateName, StageMetrics metrics) {
        return rateName + " " + TextReportWriter.percent(metrics.winRate()) + " · sales cycle median "
                + TextReportWriter.days(metrics.salesCycleMedianDays())
                + " days · velocity " + velocity(metrics);
    }

    /** {@code 5,661 per day}, or why there is no figure: {@code not computed (no won deals with an amount in the stage history)}. */
    static String velocity(StageMetrics metrics) {
        return metrics.dealVelocityGap()
                .map(gap -> "not computed (" + gap + ")")
                .orElseGet(() -> velocityFigure(metrics) + " per day");
    }

    /** The velocity per day with thousands separators ({@code 5,661}); call only when there is one. */
    static String velocityFigure(StageMetrics metrics) {
        return String.format(Locale.ROOT, "%,.0f", metrics.dealVelocityPerDay());
    }
}
