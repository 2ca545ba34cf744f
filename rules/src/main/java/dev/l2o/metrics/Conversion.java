package dev.l2o.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Stage-to-stage conversion: of the records that reached {@code from}, the share that later reached {@code to}.
 *
 * @param from the blueprint key records start from (opportunity stage or lead status)
 * @param to the blueprint key they convert to
 * @param measured whether the rate could be measured from the history (a target between lead statuses is
 *     measured only when the history has rows of the lead object)
 * @param reached records with a stay in {@code from}
 * @param converted of those, records with a stay in {@code to} that starts after their first stay in {@code from}
 * @param rate {@code converted / reached}, or null when not measured or nothing reached {@code from}
 * @param target the blueprint's {@code benchmarks.conversion} rate, or null
 * @param benchmarkAverage the published average rate for this step of the funnel, or null
 * @param benchmarkTopPerformer the published top-performer rate, or null
 * @param note why the rate is not measured, or null
 * @param notConvertedExamples a few ids of records that reached {@code from} but not {@code to}, the smallest first
 */
public record Conversion(
        String from,
        String to,
        boolean measured,
        long reached,
        long converted,
        Double rate,
        Double target,
        Double benchmarkAverage,
        Double benchmarkTopPerformer,
        String note,
        List<String> notConvertedExamples) {
    public Conversion {
        notConvertedExamples = List.copyOf(notConvertedExamples);
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (converted > reached || converted < 0) {
            throw new IllegalArgumentException("converted must be within 0.." + reached + ": " + converted);
        }
    }

    /** Whether a target is set and the measured rate is below it. */
    public boolean belowTarget() {
        return measured && rate != null && target != null && rate < target;
    }
}
