package dev.l2o.salesforce.simulator;

/**
 * The simulated org's OpportunityHistory rows, addressed by index so that query pages and Bulk result pages
 * can be cut anywhere without holding one object per row. Implementations are immutable and thread-safe.
 */
interface HistoryTable {
    /** The number of rows. */
    int size();

    /** Reads row {@code index} into {@code row}. */
    void read(int index, HistoryRow row);

    /** One mutable row, reused while a page is written. */
    final class HistoryRow {
        String id;
        String opportunityId;
        String stageName;
        long createdMillis;
        /** NaN when null. */
        double amount = Double.NaN;
        /** {@link Long#MIN_VALUE} when null. */
        long closeEpochDay = Long.MIN_VALUE;
        /** NaN when null. */
        double probability = Double.NaN;
        /** The API value ({@code Forecast}, {@code BestCase}), or null. */
        String forecastCategory;
    }
}
