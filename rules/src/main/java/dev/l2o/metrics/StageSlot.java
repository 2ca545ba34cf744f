package dev.l2o.metrics;

import java.util.TreeSet;

/**
 * One stage while the history is walked: what it is (blueprint stage or CRM stage outside the blueprint) and
 * its running figures. Mutable, confined to one computation.
 */
final class StageSlot {
    static final int UNRANKED = -1;

    final String name;
    final String label;
    final boolean mapped;
    final boolean closed;
    final boolean won;
    /** Position in the forward order of the funnel: open blueprint stages 0…k-1, closed ones k; unmapped: UNRANKED. */
    final int rank;
    final Integer maxDaysInStage;
    final long maxMillis;
    /** The CRM stage from the stage mapping, or null. */
    final String mappedCrmStage;
    /** Position in the CRM pipeline, for ordering stages outside the blueprint. */
    final int crmOrder;

    final TreeSet<String> historyNames = new TreeSet<>();
    final LongList durations = new LongList();
    final ExampleIds stale = new ExampleIds();
    long entered;
    long openStays;

    /** The record sequence number that last entered this slot; with firstStay/lastStay, reset by record. */
    int recordStamp = -1;
    int firstStay;
    int lastStay;

    StageSlot(String name, String label, boolean mapped, boolean closed, boolean won, int rank,
            Integer maxDaysInStage, String mappedCrmStage, int crmOrder) {
        this.name = name;
        this.label = label;
        this.mapped = mapped;
        this.closed = closed;
        this.won = won;
        this.rank = rank;
        this.maxDaysInStage = maxDaysInStage;
        this.maxMillis = maxDaysInStage == null ? -1 : maxDaysInStage * 86_400_000L;
        this.mappedCrmStage = mappedCrmStage;
        this.crmOrder = crmOrder;
    }

    /** Adds the figures of {@code other}, the same stage walked over other records (history names excepted). */
    void add(StageSlot other) {
        entered += other.entered;
        openStays += other.openStays;
        durations.addAll(other.durations);
        stale.addAll(other.stale);
    }

    boolean enteredBy(int recordSequence) {
        return recordStamp == recordSequence;
    }

    StageStat toStat() {
        int completed = durations.size();
        Double mean = null;
        Double median = null;
        Double p90 = null;
        if (completed > 0) {
            double[] quantiles = durations.quantiles(0.5, 0.9);
            mean = (double) durations.sum() / completed / StageMetricsCalculator.MILLIS_PER_DAY;
            median = quantiles[0] / StageMetricsCalculator.MILLIS_PER_DAY;
            p90 = quantiles[1] / StageMetricsCalculator.MILLIS_PER_DAY;
        }
        String crmStage = mappedCrmStage != null ? mappedCrmStage : historyNames.isEmpty() ? null : historyNames.first();
        return new StageStat(name, crmStage, label, mapped, closed, won, entered, completed, openStays, mean, median,
                p90, maxDaysInStage, stale.count(), stale.examples());
    }
}
