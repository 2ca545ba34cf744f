package dev.l2o.metrics;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.ConversionTarget;
import dev.l2o.blueprint.LeadStatusSpec;
import dev.l2o.blueprint.Lifecycle;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.model.ByteStageHistory;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.Snapshot;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Computes {@link StageMetrics} from a snapshot's stage history in one pass, by the definitions of CONTRACT.md
 * section 4. History sorted by record ({@link StageHistory#sortedByRecord()}) is walked record by record as it
 * streams; any other history is first held as primitive columns (16 bytes a row, no object per row) and
 * sorted by (record, time, source position); a second thread fills those columns while the caller's thread
 * reads ({@code ColumnLoader}). Memory grows with records and stages, plus 16 bytes a row for
 * unsorted input and 8 bytes a completed stay: 2 million rows fit a 256 MB heap. Unsorted history whose source
 * is larger than the heap ({@link SpillPolicy}) is instead partitioned by record id into temporary files and
 * walked one partition at a time ({@code PartitionedRows}), with durations beyond a chunk a stage on disk too:
 * the same figures, to the last bit, in a heap of the size of one partition.
 *
 * <p>Rows of the lead lifecycle's object measure the conversions between lead statuses: per lead, the first
 * and last row of each status is kept ({@code LeadStatusHistory}), so memory grows with leads × statuses. They
 * count as used rows but not as records. Rows of other objects, and rows later than {@code asOf}, are ignored
 * (and counted). Stateless and thread-safe; each call reads the history once.
 */
public final class StageMetricsCalculator {
    static final long MILLIS_PER_DAY = 86_400_000L;

    private static final String LEAD_HISTORY_UNAVAILABLE = "not measured: sources provide no lead status history";

    private StageMetricsCalculator() {}

    /**
     * The stage metrics of {@code snapshot}'s {@code opportunityLifecycle} against {@code blueprint} as of {@code asOf}:
     * the first of {@link #computeAll}.
     *
     * @param blueprint a blueprint with an {@code opportunityLifecycle}
     * @param snapshot the snapshot; without history the result has {@code historyAvailable == false} and zero counts
     * @param asOf "now" ({@code --as-of}, else {@link Snapshot#asOf()})
     * @throws dev.l2o.error.L2oException when the history cannot be read
     */
    public static StageMetrics compute(Blueprint blueprint, Snapshot snapshot, Instant asOf) {
        return computeAll(blueprint, snapshot, asOf).primary();
    }

    /**
     * The stage metrics of every opportunity lifecycle of {@code blueprint} ({@link Blueprint#allLifecycles}), each
     * over its own records ({@link RecordLifecycles}). With one lifecycle the history is read once; with more, once
     * to tell the records apart and once a lifecycle. Rows of another lifecycle's records count as ignored rows.
     *
     * @throws dev.l2o.error.L2oException when the history cannot be read
     */
    public static LifecycleMetrics computeAll(Blueprint blueprint, Snapshot snapshot, Instant asOf) {
        return computeAll(blueprint, snapshot, asOf, SpillPolicy.ofRuntime());
    }

    /** As {@link #compute(Blueprint, Snapshot, Instant)}, spilling unsorted history to disk as {@code spill} decides. */
    static StageMetrics compute(Blueprint blueprint, Snapshot snapshot, Instant asOf, SpillPolicy spill) {
        return computeAll(blueprint, snapshot, asOf, spill).primary();
    }

    /** As {@link #computeAll(Blueprint, Snapshot, Instant)}, spilling unsorted history to disk as {@code spill} decides. */
    static LifecycleMetrics computeAll(Blueprint blueprint, Snapshot snapshot, Instant asOf, SpillPolicy spill) {
        requireNonNull(blueprint, "blueprint is null");
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(blueprint.opportunityLifecycle(), "blueprint has no opportunityLifecycle");
        List<Lifecycle> designed = blueprint.allLifecycles();
        RecordLifecycles records = RecordLifecycles.of(designed, snapshot);
        List<LifecycleMetrics.Measured> measured = new ArrayList<>();
        for (int index = 0; index < designed.size(); index++) {
            Measurement measurement = new Measurement(blueprint, designed.get(index), index, records);
            measured.add(new LifecycleMetrics.Measured(designed.get(index).name(), measure(measurement, snapshot, asOf, spill)));
        }
        return new LifecycleMetrics(measured);
    }

    /**
     * What one computation measures: lifecycle {@code index} of the blueprint over the records {@code records} gives
     * it. Only the first, {@code opportunityLifecycle}, measures lead statuses and the blueprint's conversion targets.
     */
    private record Measurement(Blueprint blueprint, Lifecycle lifecycle, int index, RecordLifecycles records) {
        boolean primary() {
            return index == RecordLifecycles.PRIMARY;
        }
    }

    private static StageMetrics measure(Measurement measurement, Snapshot snapshot, Instant asOf, SpillPolicy spill) {
        StageHistory history = snapshot.history();
        if (history == null || history.sortedByRecord() || !spill.spills(history)) {
            return compute(measurement, snapshot, asOf, null, 0);
        }
        try (SpillDirectory directory = SpillDirectory.create(spill.directory())) {
            return compute(measurement, snapshot, asOf, directory, spill.partitions(history));
        }
    }

    /** With {@code spill} null, unsorted rows are held in memory; else in {@code partitions} files in {@code spill}. */
    private static StageMetrics compute(Measurement measurement, Snapshot snapshot, Instant asOf, SpillDirectory spill,
            int partitions) {
        Blueprint blueprint = measurement.blueprint();
        StageSlots slots = StageSlots.of(measurement.lifecycle(), snapshot);
        LeadStatusHistory leads = measurement.primary() ? new LeadStatusHistory(blueprint, snapshot) : LeadStatusHistory.none();
        List<PlannedConversion> planned = planConversions(measurement, slots, leads);
        int[] from = planned.stream().filter(PlannedConversion::measured).mapToInt(p -> p.fromSlot).toArray();
        int[] to = planned.stream().filter(PlannedConversion::measured).mapToInt(p -> p.toSlot).toArray();
        RowFilter filter = new RowFilter(measurement.lifecycle().object(), asOf.toEpochMilli(), leads, measurement.records(),
                measurement.index());
        HistoryWalker walker = new HistoryWalker(slots, filter.asOfMillis, currentCloseDays(snapshot, filter.object), from, to);

        StageHistory history = snapshot.history();
        if (history != null) {
            if (history.sortedByRecord()) {
                streamSorted(history, filter, slots, walker);
            } else if (spill != null) {
                slots.spillDurationsTo(spill);
                walker.spillTo(spill);
                PartitionedRows rows = new PartitionedRows(spill, partitions);
                readUnsorted(history, filter, slots, rows);
                rows.forEachRecord(walker);
            } else {
                HistoryColumns columns = new HistoryColumns();
                ColumnLoader loader = new ColumnLoader(columns);
                readUnsorted(history, filter, slots, loader);
                loader.finish();
                columns.forEachRecord(walker);
            }
        }

        List<Conversion> conversions = new ArrayList<>();
        int measuredIndex = 0;
        for (PlannedConversion p : planned) {
            if (p.measured()) {
                long reached = walker.conversionReached(measuredIndex);
                long converted = walker.conversionConverted(measuredIndex);
                List<String> missed = walker.conversionMissedExamples(measuredIndex);
                measuredIndex++;
                conversions.add(new Conversion(p.from, p.to, history != null, reached, converted,
                        reached == 0 ? null : (double) converted / reached, p.target, p.benchmarkAverage(),
                        p.benchmarkTopPerformer(), history == null ? "not measured: the source has no stage history" : null, missed));
            } else if (p.leadMeasured() && leads.rows() > 0) {
                LeadStatusHistory.Measured figures = leads.measure(p.leadFrom, p.leadTo);
                conversions.add(new Conversion(p.from, p.to, true, figures.reached(), figures.converted(),
                        figures.reached() == 0 ? null : (double) figures.converted() / figures.reached(), p.target,
                        p.benchmarkAverage(), p.benchmarkTopPerformer(), null, figures.notConvertedExamples()));
            } else {
                conversions.add(new Conversion(p.from, p.to, false, 0, 0, null, p.target, p.benchmarkAverage(),
                        p.benchmarkTopPerformer(), p.note, List.of()));
            }
        }
        return new StageMetrics(asOf, history != null, history == null ? null : history.description(),
                filter.usedAndIgnored[0], filter.usedAndIgnored[1], walker.records(), walker.openRecords(), walker.closedRecords(),
                walker.wonRecords(), slots.stats(), conversions, walker.winRate(), walker.salesCycleMedianDays(),
                walker.meanWonAmount(), walker.meanWonSalesCycleDays(), walker.dealVelocityPerDay(), walker.skips(),
                walker.regressions(), walker.pastCloseDates(), walker.openStaleOrPastDue(),
                measurement.primary() ? ConversionBenchmark.FORRESTER_FUNNEL : List.of());
    }

    /**
     * Which rows one computation uses, counting used and ignored rows: lead rows go to the lead statuses; rows of the
     * lifecycle's object not after as-of of the lifecycle's records are used; all others are ignored.
     */
    private static final class RowFilter {
        private final String object;
        private final long asOfMillis;
        private final LeadStatusHistory leads;
        private final RecordLifecycles records;
        private final int lifecycle;
        /** Rows used and rows ignored, as the byte reader ({@link ByteRows}) counts them too. */
        private final long[] usedAndIgnored = {0, 0};

        RowFilter(String object, long asOfMillis, LeadStatusHistory leads, RecordLifecycles records, int lifecycle) {
            this.object = object;
            this.asOfMillis = asOfMillis;
            this.leads = leads;
            this.records = records;
            this.lifecycle = lifecycle;
        }

        /** Whether {@code event} is an opportunity row to use; lead rows go to the lead statuses instead. */
        boolean accept(StageEvent event) {
            long at = event.at().toEpochMilli();
            if (leads.isLeadRow(event) && at <= asOfMillis) {
                usedAndIgnored[0]++;
                leads.add(event);
                return false;
            }
            if (!event.object().equalsIgnoreCase(object) || at > asOfMillis || records.of(event.recordId()) != lifecycle) {
                usedAndIgnored[1]++;
                return false;
            }
            usedAndIgnored[0]++;
            return true;
        }

        /** Whether this computation measures every record of its object (no other lifecycle takes some). */
        boolean takesEveryRecord() {
            return lifecycle == RecordLifecycles.PRIMARY && records.allPrimary();
        }
    }

    /**
     * Reads every row of unsorted history into {@code rows}; abandons them when reading fails. History read from a
     * file of the measured object's rows ({@link ByteStageHistory}) hands its rows over as bytes ({@link ByteRows})
     * when every record is measured here (no other lifecycle takes some of them).
     */
    private static void readUnsorted(StageHistory history, RowFilter filter, StageSlots slots, UnsortedRows rows) {
        Consumer<StageEvent> events = event -> {
            if (filter.accept(event)) {
                rows.add(event.recordId(), slots.resolve(event.stage()), event.at().toEpochMilli(), amount(event),
                        closeDay(event));
            }
        };
        try {
            if (history instanceof ByteStageHistory file && filter.takesEveryRecord() && file.object().equalsIgnoreCase(filter.object)
                    && !filter.leads.isLeadObject(file.object())) {
                file.forEachRow(new ByteRows(file.charset(), slots, filter.asOfMillis, filter.usedAndIgnored, rows, events));
            } else {
                history.forEach(events);
            }
        } catch (RuntimeException | Error e) {
            rows.abandon();
            throw e;
        }
    }

    private static void streamSorted(StageHistory history, RowFilter filter, StageSlots slots, HistoryWalker walker) {
        RecordBuffer buffer = new RecordBuffer();
        buffer.clear();
        String[] currentRecord = {null};
        history.forEach(event -> {
            if (!filter.accept(event)) {
                return;
            }
            if (!event.recordId().equals(currentRecord[0])) {
                if (currentRecord[0] != null) {
                    buffer.sortByTime();
                    walker.walk(currentRecord[0], buffer);
                }
                buffer.clear();
                currentRecord[0] = event.recordId();
            }
            long time = event.at().toEpochMilli();
            buffer.add(slots.resolve(event.stage()), time);
            buffer.offerValues(time, amount(event), closeDay(event));
        });
        if (currentRecord[0] != null) {
            buffer.sortByTime();
            walker.walk(currentRecord[0], buffer);
        }
    }

    private static double amount(StageEvent event) {
        return event.amount() == null ? Double.NaN : event.amount();
    }

    private static int closeDay(StageEvent event) {
        return event.closeDate() == null ? RecordBuffer.NO_DATE : (int) event.closeDate().toEpochDay();
    }

    /** Close dates of the records' current values ({@code CloseDate}, HubSpot {@code closedate}), by record id. */
    private static Map<String, Integer> currentCloseDays(Snapshot snapshot, String object) {
        Map<String, Integer> days = new HashMap<>();
        for (CrmRecord record : snapshot.records()) {
            if (!record.object().equalsIgnoreCase(object)) {
                continue;
            }
            record.values().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase("CloseDate") && e.getValue() instanceof String)
                    .map(e -> parseDay((String) e.getValue()))
                    .filter(Objects::nonNull)
                    .findFirst()
                    .ifPresent(day -> days.put(record.id(), day));
        }
        return days;
    }

    /** An ISO date, or the date part of an ISO date-time; null when it is neither. */
    private static Integer parseDay(String text) {
        String trimmed = text.trim();
        if (trimmed.length() < 10) {
            return null;
        }
        try {
            return (int) LocalDate.parse(trimmed.substring(0, 10)).toEpochDay();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The lifecycle's funnel: its consecutive steps (open stages in blueprint order, then the won stages); for
     * {@code opportunityLifecycle} then the blueprint's other conversion targets, with published benchmarks where a
     * step is a funnel step. Targets between lead statuses are measured from the lead rows when there are any.
     */
    private static List<PlannedConversion> planConversions(Measurement measurement, StageSlots slots,
            LeadStatusHistory leads) {
        Blueprint blueprint = measurement.blueprint();
        List<StageSpec> stages = measurement.lifecycle().stages();
        List<String> funnel = new ArrayList<>();
        stages.stream().filter(s -> !s.closed()).forEach(s -> funnel.add(s.key()));
        stages.stream().filter(StageSpec::won).forEach(s -> funnel.add(s.key()));
        List<PlannedConversion> planned = new ArrayList<>();
        for (int i = 0; i + 1 < funnel.size(); i++) {
            planned.add(measurement.primary() ? plan(blueprint, slots, leads, funnel.get(i), funnel.get(i + 1), null)
                    : new PlannedConversion(funnel.get(i), funnel.get(i + 1), slots.indexOfKey(funnel.get(i)),
                            slots.indexOfKey(funnel.get(i + 1)), -1, -1, null, null, null));
        }
        if (!measurement.primary()) {
            return planned;
        }
        for (ConversionTarget target : blueprint.benchmarks().conversion()) {
            if (target.from() == null || target.to() == null) {
                continue;
            }
            boolean attached = false;
            for (int i = 0; i < planned.size(); i++) {
                PlannedConversion p = planned.get(i);
                if (p.from.equals(target.from()) && p.to.equals(target.to())) {
                    planned.set(i, plan(blueprint, slots, leads, p.from, p.to, target.rate()));
                    attached = true;
                }
            }
            if (!attached) {
                planned.add(plan(blueprint, slots, leads, target.from(), target.to(), target.rate()));
            }
        }
        return planned;
    }

    private static PlannedConversion plan(Blueprint blueprint, StageSlots slots, LeadStatusHistory leads, String from,
            String to, Double target) {
        int fromSlot = slots.indexOfKey(from);
        int toSlot = slots.indexOfKey(to);
        String note = null;
        if (fromSlot < 0 || toSlot < 0) {
            String other = fromSlot < 0 ? from : to;
            note = leadStatus(blueprint, other) != null
                    ? LEAD_HISTORY_UNAVAILABLE
                    : "not measured: '" + other + "' is no blueprint stage or lead status";
        }
        ConversionBenchmark benchmark = benchmark(funnelStep(blueprint, from), funnelStep(blueprint, to));
        return new PlannedConversion(from, to, fromSlot, toSlot, leads.indexOfKey(from), leads.indexOfKey(to), target,
                benchmark, note);
    }

    private static ConversionBenchmark benchmark(String fromStep, String toStep) {
        if (fromStep == null || toStep == null) {
            return null;
        }
        return ConversionBenchmark.FORRESTER_FUNNEL.stream()
                .filter(b -> b.from().equals(fromStep) && b.to().equals(toStep))
                .findFirst()
                .orElse(null);
    }

    /**
     * The benchmark funnel step of a blueprint key: {@code pipeline} for the first open opportunity stage and
     * the converted lead status, {@code won} for a won stage, {@code mql} and {@code sql} for the lead statuses
     * keyed or labelled so ("Marketing Qualified", "Sales Qualified"); null for anything else.
     */
    private static String funnelStep(Blueprint blueprint, String key) {
        List<StageSpec> stages = blueprint.opportunityLifecycle().stages();
        StageSpec firstOpen = stages.stream().filter(s -> !s.closed()).findFirst().orElse(null);
        for (StageSpec stage : stages) {
            if (stage.key().equals(key)) {
                return stage.won() ? "won" : stage == firstOpen ? "pipeline" : null;
            }
        }
        LeadStatusSpec status = leadStatus(blueprint, key);
        if (status == null) {
            return null;
        }
        String label = status.label() == null ? "" : status.label().toLowerCase(Locale.ROOT);
        if (status.converted()) {
            return "pipeline";
        } else if (key.equalsIgnoreCase("mql") || label.contains("marketing qualified")) {
            return "mql";
        } else if (key.equalsIgnoreCase("sql") || label.contains("sales qualified")) {
            return "sql";
        }
        return null;
    }

    private static LeadStatusSpec leadStatus(Blueprint blueprint, String key) {
        if (blueprint.leadLifecycle() == null) {
            return null;
        }
        return blueprint.leadLifecycle().statuses().stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }

    private record PlannedConversion(String from, String to, int fromSlot, int toSlot, int leadFrom, int leadTo,
            Double target, ConversionBenchmark benchmark, String note) {
        boolean measured() {
            return fromSlot >= 0 && toSlot >= 0;
        }

        /** Whether both ends are lead statuses (and no opportunity stage claims either key). */
        boolean leadMeasured() {
            return !measured() && fromSlot < 0 && toSlot < 0 && leadFrom >= 0 && leadTo >= 0;
        }

        Double benchmarkAverage() {
            return benchmark == null ? null : benchmark.average();
        }

        Double benchmarkTopPerformer() {
            return benchmark == null ? null : benchmark.topPerformer();
        }
    }
}
