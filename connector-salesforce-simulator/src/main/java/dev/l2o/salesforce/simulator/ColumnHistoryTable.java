package dev.l2o.salesforce.simulator;

import dev.l2o.model.ForecastCategory;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** History loaded from a file into primitive columns and dictionary-coded strings (a few dozen bytes a row). */
final class ColumnHistoryTable implements HistoryTable {
    private final String[] dictionary;
    private final int[] opportunity;
    private final int[] stage;
    private final long[] created;
    private final double[] amount;
    private final long[] closeDay;
    private final double[] probability;
    private final byte[] forecast;
    private final int size;

    private ColumnHistoryTable(Builder builder) {
        this.dictionary = builder.strings.toArray(String[]::new);
        this.size = builder.size;
        this.opportunity = Arrays.copyOf(builder.opportunity, size);
        this.stage = Arrays.copyOf(builder.stage, size);
        this.created = Arrays.copyOf(builder.created, size);
        this.amount = Arrays.copyOf(builder.amount, size);
        this.closeDay = Arrays.copyOf(builder.closeDay, size);
        this.probability = Arrays.copyOf(builder.probability, size);
        this.forecast = Arrays.copyOf(builder.forecast, size);
    }

    /** Loads every row of {@code history} in its source order. */
    static ColumnHistoryTable of(StageHistory history) {
        Builder builder = new Builder();
        history.forEach(builder::add);
        return new ColumnHistoryTable(builder);
    }

    static ColumnHistoryTable empty() {
        return new ColumnHistoryTable(new Builder());
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void read(int index, HistoryRow row) {
        row.id = historyId(index);
        row.opportunityId = dictionary[opportunity[index]];
        row.stageName = dictionary[stage[index]];
        row.createdMillis = created[index];
        row.amount = amount[index];
        row.closeEpochDay = closeDay[index];
        row.probability = probability[index];
        row.forecastCategory = forecast[index] < 0 ? null : apiValue(ForecastCategory.values()[forecast[index]]);
    }

    /** A Salesforce-shaped OpportunityHistory id (key prefix {@code 008}) for row {@code index}. */
    static String historyId(int index) {
        return String.format("008%012dAAA", index);
    }

    /** The API value Salesforce writes for a forecast category. */
    static String apiValue(ForecastCategory category) {
        return switch (category) {
            case PIPELINE -> "Pipeline";
            case BEST_CASE -> "BestCase";
            case MOST_LIKELY -> "MostLikely";
            case COMMIT -> "Forecast";
            case CLOSED -> "Closed";
            case OMITTED -> "Omitted";
        };
    }

    private static final class Builder {
        private final List<String> strings = new ArrayList<>();
        private final Map<String, Integer> codes = new HashMap<>();
        private int size;
        private int[] opportunity = new int[16];
        private int[] stage = new int[16];
        private long[] created = new long[16];
        private double[] amount = new double[16];
        private long[] closeDay = new long[16];
        private double[] probability = new double[16];
        private byte[] forecast = new byte[16];

        void add(StageEvent event) {
            if (size == opportunity.length) {
                int capacity = size * 2;
                opportunity = Arrays.copyOf(opportunity, capacity);
                stage = Arrays.copyOf(stage, capacity);
                created = Arrays.copyOf(created, capacity);
                amount = Arrays.copyOf(amount, capacity);
                closeDay = Arrays.copyOf(closeDay, capacity);
                probability = Arrays.copyOf(probability, capacity);
                forecast = Arrays.copyOf(forecast, capacity);
            }
            opportunity[size] = code(event.recordId());
            stage[size] = code(event.stage());
            created[size] = event.at().toEpochMilli();
            amount[size] = event.amount() == null ? Double.NaN : event.amount();
            closeDay[size] = event.closeDate() == null ? Long.MIN_VALUE : event.closeDate().toEpochDay();
            probability[size] = event.probability() == null ? Double.NaN : event.probability();
            forecast[size] = event.forecastCategory() == null ? -1 : (byte) event.forecastCategory().ordinal();
            size++;
        }

        private int code(String value) {
            return codes.computeIfAbsent(value, v -> {
                strings.add(v);
                return strings.size() - 1;
            });
        }
    }
}
