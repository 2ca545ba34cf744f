package dev.l2o.salesforce.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A history table after changes: the base's rows without those of deleted opportunities (as Salesforce drops a
 * deleted record's history from queries), then the rows added since, in the order they were written. Keeps an
 * index of the base rows that stay (4 bytes a row) and the added rows as they are. Immutable and thread-safe.
 */
final class ChangedHistoryTable implements HistoryTable {
    /**
     * One row written after the base.
     *
     * @param id the row id
     * @param opportunityId the opportunity
     * @param stageName its stage
     * @param createdMillis when it was written
     * @param amount the amount, or NaN
     * @param closeEpochDay the close date, or {@link Long#MIN_VALUE}
     * @param probability the probability, or NaN
     * @param forecastCategory the forecast category API value, or null
     */
    record AddedRow(String id, String opportunityId, String stageName, long createdMillis, double amount, long closeEpochDay,
            double probability, String forecastCategory) {}

    private final HistoryTable base;
    private final int[] kept;
    private final List<AddedRow> added;

    ChangedHistoryTable(HistoryTable base, List<AddedRow> added, Set<String> deletedOpportunities) {
        this.base = base;
        this.added = List.copyOf(added.stream().filter(row -> !deletedOpportunities.contains(row.opportunityId())).toList());
        HistoryRow row = new HistoryRow();
        int[] all = new int[base.size()];
        int count = 0;
        for (int i = 0; i < base.size(); i++) {
            base.read(i, row);
            if (!deletedOpportunities.contains(row.opportunityId)) {
                all[count++] = i;
            }
        }
        this.kept = Arrays.copyOf(all, count);
    }

    @Override
    public int size() {
        return kept.length + added.size();
    }

    @Override
    public void read(int index, HistoryRow row) {
        if (index < kept.length) {
            base.read(kept[index], row);
            return;
        }
        AddedRow added = this.added.get(index - kept.length);
        row.id = added.id();
        row.opportunityId = added.opportunityId();
        row.stageName = added.stageName();
        row.createdMillis = added.createdMillis();
        row.amount = added.amount();
        row.closeEpochDay = added.closeEpochDay();
        row.probability = added.probability();
        row.forecastCategory = added.forecastCategory();
    }
}
