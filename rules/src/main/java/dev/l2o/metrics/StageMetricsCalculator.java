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
import java.util.function.Consumer;

/**
 * Computes {@link StageMetrics} from a snapshot's stage history in one pass, for every lifecycle at once, by the
 * definitions of CONTRACT.md section 4. Rows are held with lifecycle-neutral stage codes ({@link StageCodes}); each
 * record, once its rows are together, goes to its lifecycle's walker ({@link RecordRouter}, {@link RecordLifecycles}).
 * History sorted by record ({@link StageHistory#sortedByRecord()}) is walked record by record as it
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

    /** Records from which history held in memory is walked on two threads: below, a thread costs more than it saves. */
    static final int PARALLEL_WALK_RECORDS = 50_000;

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
     * over its own records ({@link RecordLifecycles}), from one read of the history. Rows of another lifecycle's
     * records count as ignored rows.
     *
     * @throws dev.l2o.error.L2oException when the history cannot be read
     */
    public static LifecycleMetrics computeAll(Blueprint blueprint, Snapshot snapshot, Instant asOf) {
        return computeAll(blueprint, snapshot, asOf, SpillPolicy.ofRuntime());
    }

    /**
     * As {@link #computeAll(Blueprint, Snapshot, Instant)}, with the rows {@code early} read ahead when they are the rows
     * this computation reads ({@link EarlyHistoryRead}); else the history is read here, as without it.
     *
     * @param early a read started before the snapshot was fetched, or null
     */
    public static LifecycleMetrics computeAll(Blueprint blueprint, Snapshot snapshot, Instant asOf, EarlyHistoryRead early) {
        return computeAll(blueprint, snapshot, asOf, SpillPolicy.ofRuntime(), PARALLEL_WALK_RECORDS, early);
    }

    /** As {@link #compute(Blueprint, Snapshot, Instant)}, spilling unsorted history to disk as {@code spill} decides. */
    static StageMetrics compute(Blueprint blueprint, Snapshot snapshot, Instant asOf, SpillPolicy spill) {
        return computeAll(blueprint, snapshot, asOf, spill).primary();
    }

    /** As {@link #computeAll(Blueprint, Snapshot, Instant)}, spilling unsorted history to disk as {@code spill} decides. */
    static LifecycleMetrics computeAll(Blueprint blueprint, Snapshot snapshot, Instant asOf, SpillPolicy spill) {
        return computeAll(blueprint, snapshot, asOf, spill, PARALLEL_WALK_RECORDS, null);
    }

    /**
     * As {@link #computeAll(Blueprint, Snapshot, Instant, SpillPolicy)}, walking history held in memory on two threads
     * when it has at least {@code parallelWalkRecords} records, and with {@code early}'s rows when they are the ones it
     * reads.
     */
    static LifecycleMetrics computeAll(Blueprint blueprint, Snapshot snapshot, Instant asOf, SpillPolicy spill,
            int parallelWalkRecords, EarlyHistoryRead early) {
        requireNonNull(blueprint, "blueprint is null");
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(blueprint.opportunityLifecycle(), "blueprint has no opportunityLifecycle");
        StageHistory history = snapshot.history();
        if (history == null || history.sortedByRecord() || !spill.spills(history)) {
            return compute(blueprint, snapshot, asOf, null, 0, parallelWalkRecords, early);
        }
        try (SpillDirectory directory = SpillDirectory.create(spill.directory())) {
            return compute(blueprint, snapshot, asOf, directory, spill.partitions(history), parallelWalkRecords, null);
        }
    }

    /**
     * What one lifecycle measures: lifecycle {@code index} of the blueprint. Only the first, {@code opportunityLifecycle},
     * measures lead statuses and the blueprint's conversion targets.
     */
    private record Measurement(Blueprint blueprint, Lifecycle lifecycle, int index) {
        boolean primary() {
            return index == RecordLifecycles.PRIMARY;
        }
    }

    /** One lifecycle's computation: its stages, its planned conversions, its walker, and its side of the router. */
    private record Lane(Measurement measurement, LeadStatusHistory leads, List<PlannedConversion> planned,
            Map<String, Integer> closeDays, RecordRouter.Lane routed) {
        static Lane of(Measurement measurement, Snapshot snapshot, long asOfMillis, LeadStatusHistory leads) {
            StageSlots slots = StageSlots.of(measurement.lifecycle(), snapshot);
            List<PlannedConversion> planned = planConversions(measurement, slots, leads);
            Map<String, Integer> closeDays = currentCloseDays(snapshot, measurement.lifecycle().object());
            return new Lane(measurement, leads, planned, closeDays, new RecordRouter.Lane(measurement.lifecycle().object(),
                    slots, walker(slots, asOfMillis, closeDays, planned)));
        }

        private static HistoryWalker walker(StageSlots slots, long asOfMillis, Map<String, Integer> closeDays,
                List<PlannedConversion> planned) {
            int[] from = planned.stream().filter(PlannedConversion::measured).mapToInt(p -> p.fromSlot).toArray();
            int[] to = planned.stream().filter(PlannedConversion::measured).mapToInt(p -> p.toSlot).toArray();
            return new HistoryWalker(slots, asOfMillis, closeDays, from, to);
        }

        /** A fresh side of the router for the same lifecycle (its own slots and walker), for a second walking thread. */
        RecordRouter.Lane twin(Snapshot snapshot, long asOfMillis) {
            StageSlots slots = StageSlots.of(measurement.lifecycle(), snapshot);
            return new RecordRouter.Lane(measurement.lifecycle().object(), slots, walker(slots, asOfMillis, closeDays, planned));
        }

        StageSlots slots() {
            return routed.slots();
        }

        HistoryWalker walker() {
            return routed.walker();
        }
    }

    /**
     * Reads the history once for every lifecycle. With {@code spill} null, unsorted rows are held in memory; else in
     * {@code partitions} files in {@code spill}. Rows held in memory are walked on two threads from
     * {@code parallelWalkRecords} records on. Rows {@code early} read ahead are used when they are those this read
     * would hold in memory.
     */
    private static LifecycleMetrics compute(Blueprint blueprint, Snapshot snapshot, Instant asOf, SpillDirectory spill,
            int partitions, int parallelWalkRecords, EarlyHistoryRead early) {
        List<Lifecycle> designed = blueprint.allLifecycles();
        LeadStatusHistory leads = new LeadStatusHistory(blueprint, snapshot);
        List<Lane> lanes = new ArrayList<>();
        for (int index = 0; index < designed.size(); index++) {
            Measurement measurement = new Measurement(blueprint, designed.get(index), index);
            lanes.add(Lane.of(measurement, snapshot, asOf.toEpochMilli(),
                    measurement.primary() ? leads : LeadStatusHistory.none()));
        }
        StageHistory history = snapshot.history();
        RowIntake intake = new RowIntake(designed, asOf.toEpochMilli(), leads, new StageCodes());
        HeldRows held = early == null || history == null || spill != null ? null : early.take(history, intake);
        if (held != null) {
            intake = new RowIntake(designed, asOf.toEpochMilli(), leads, held.codes());
            intake.rows = held.rows();
        }
        StageCodes codes = intake.codes;
        RecordLifecycles records = RecordLifecycles.of(designed, snapshot);
        RecordRouter router = new RecordRouter(codes, records, lanes.stream().map(Lane::routed).toList());

        if (history != null) {
            if (history.sortedByRecord()) {
                streamSorted(history, intake, router);
            } else if (spill != null) {
                for (Lane lane : lanes) {
                    lane.slots().spillDurationsTo(spill);
                    lane.walker().spillTo(spill);
                }
                PartitionedRows rows = new PartitionedRows(spill, partitions);
                readUnsorted(history, intake, rows);
                rows.forEachRecord(router);
            } else {
                HistoryColumns.Grouped grouped = (held != null ? held : holdInMemory(history, intake)).grouped();
                if (grouped.records() < parallelWalkRecords) {
                    grouped.walk(0, grouped.records(), router);
                } else {
                    List<RecordRouter.Lane> second = lanes.stream().map(lane -> lane.twin(snapshot, asOf.toEpochMilli())).toList();
                    records.know(codes);
                    walkInHalves(grouped, router, new RecordRouter(codes, records, second));
                    for (int i = 0; i < lanes.size(); i++) {
                        lanes.get(i).routed().add(second.get(i));
                    }
                }
            }
        }
        List<LifecycleMetrics.Measured> measured = new ArrayList<>();
        for (Lane lane : lanes) {
            long used = lane.routed().rows() + (lane.measurement().primary() ? intake.leadRows : 0);
            measured.add(new LifecycleMetrics.Measured(lane.measurement().lifecycle().name(),
                    metrics(lane, history, asOf, used, intake.rows - used)));
        }
        return new LifecycleMetrics(measured);
    }

    /**
     * Walks the first half of the records with {@code first} on this thread and the second with {@code second} on
     * another: the walk is the one part of the computation that the reading threads leave to a single core. Each thread
     * then sorts its own durations, so that adding the halves up merges sorted lists instead of sorting on one core.
     */
    private static void walkInHalves(HistoryColumns.Grouped grouped, RecordRouter first, RecordRouter second) {
        int middle = grouped.records() / 2;
        InTwoThreads.run("l2o-history-walk", () -> {
            grouped.walk(0, middle, first);
            first.sortLists();
        }, () -> {
            grouped.walk(middle, grouped.records(), second);
            second.sortLists();
        });
    }

    private static StageMetrics metrics(Lane lane, StageHistory history, Instant asOf, long usedRows, long ignoredRows) {
        HistoryWalker walker = lane.walker();
        LeadStatusHistory leads = lane.leads();
        List<Conversion> conversions = new ArrayList<>();
        int measuredIndex = 0;
        for (PlannedConversion p : lane.planned()) {
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
                usedRows, ignoredRows, walker.records(), walker.openRecords(), walker.closedRecords(),
                walker.wonRecords(), lane.slots().stats(), conversions, walker.winRate(), walker.salesCycleMedianDays(),
                walker.meanWonAmount(), walker.meanWonSalesCycleDays(), walker.dealVelocityPerDay(), walker.skips(),
                walker.regressions(), walker.pastCloseDates(), walker.openStaleOrPastDue(),
                lane.measurement().primary() ? ConversionBenchmark.FORRESTER_FUNNEL : List.of());
    }

    /**
     * Reads every row of unsorted {@code history} into memory, grouped by record (a second thread fills the columns while
     * this one reads).
     */
    static HeldRows holdInMemory(StageHistory history, RowIntake intake) {
        HistoryColumns columns = new HistoryColumns(HistoryColumns.expectedRows(history.sizeBytes()));
        ColumnLoader loader = new ColumnLoader(columns);
        readUnsorted(history, intake, loader);
        loader.finish();
        long latest = columns.latestTime();
        return new HeldRows(intake.codes, columns.grouped(), intake.rows, latest);
    }

    /**
     * Unsorted rows held in memory: their stage codes, the rows grouped by record, every row read (held or not), and
     * the latest time of a row held ({@link Long#MIN_VALUE} without rows).
     */
    record HeldRows(StageCodes codes, HistoryColumns.Grouped grouped, long rows, long latestMillis) {}

    /**
     * Which rows the lifecycles read, counting every row: lead rows not after as-of go to the lead statuses; rows of
     * a lifecycle's object not after as-of are held with their stage coded; all others are left out. Which lifecycle
     * uses a held row is decided per record when it is walked ({@link RecordRouter}).
     */
    static final class RowIntake {
        private final List<String> objects;
        private final long asOfMillis;
        private final LeadStatusHistory leads;
        private final StageCodes codes;
        /** Every row read (held, given to the lead statuses or left out), and the lead rows used. */
        private long rows;
        private long leadRows;

        RowIntake(List<Lifecycle> designed, long asOfMillis, LeadStatusHistory leads, StageCodes codes) {
            this(asOfMillis, designed.stream().map(Lifecycle::object).distinct().toList(), leads, codes);
        }

        /** Rows of {@code object} up to {@code asOfMillis}, none of them lead rows: a read ahead of the blueprint. */
        static RowIntake of(String object, long asOfMillis) {
            return new RowIntake(asOfMillis, List.of(object), LeadStatusHistory.none(), new StageCodes());
        }

        private RowIntake(long asOfMillis, List<String> objects, LeadStatusHistory leads, StageCodes codes) {
            this.objects = objects;
            this.asOfMillis = asOfMillis;
            this.leads = leads;
            this.codes = codes;
        }

        /** Rows later than this are left out. */
        long asOfMillis() {
            return asOfMillis;
        }

        /** Whether {@code event} is a row to hold; lead rows go to the lead statuses instead. */
        boolean accept(StageEvent event) {
            rows++;
            long at = event.at().toEpochMilli();
            if (at > asOfMillis) {
                return false;
            }
            if (leads.isLeadRow(event)) {
                leadRows++;
                leads.add(event);
                return false;
            }
            return measures(event.object());
        }

        /** Whether rows of {@code object} are some lifecycle's (and not the lead object's). */
        boolean measures(String object) {
            return !leads.isLeadObject(object) && objects.stream().anyMatch(object::equalsIgnoreCase);
        }

        int code(StageEvent event) {
            return codes.code(event.object(), event.stage());
        }
    }

    /**
     * Reads every row of unsorted history into {@code rows}; abandons them when reading fails. History read from a
     * file of a measured object's rows ({@link ByteStageHistory}) hands its rows over as bytes ({@link ByteRows}).
     */
    private static void readUnsorted(StageHistory history, RowIntake intake, UnsortedRows rows) {
        Consumer<StageEvent> events = event -> {
            if (intake.accept(event)) {
                rows.add(event.recordId(), intake.code(event), event.at().toEpochMilli(), amount(event), closeDay(event));
            }
        };
        try {
            if (history instanceof ByteStageHistory file && intake.measures(file.object())) {
                ByteRows bytes = new ByteRows(file, file.object(), intake.codes, intake.asOfMillis, rows, events);
                file.forEachRow(bytes);
                intake.rows += bytes.rows();
            } else {
                history.forEach(events);
            }
        } catch (RuntimeException | Error e) {
            rows.abandon();
            throw e;
        }
    }

    private static void streamSorted(StageHistory history, RowIntake intake, RecordWalk router) {
        RecordBuffer buffer = new RecordBuffer();
        buffer.clear();
        String[] currentRecord = {null};
        history.forEach(event -> {
            if (!intake.accept(event)) {
                return;
            }
            if (!event.recordId().equals(currentRecord[0])) {
                if (currentRecord[0] != null) {
                    buffer.sortByTime();
                    router.walk(currentRecord[0], buffer);
                }
                buffer.clear();
                currentRecord[0] = event.recordId();
            }
            long time = event.at().toEpochMilli();
            buffer.add(intake.code(event), time);
            buffer.offerValues(time, amount(event), closeDay(event));
        });
        if (currentRecord[0] != null) {
            buffer.sortByTime();
            router.walk(currentRecord[0], buffer);
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
            if (record.object().equalsIgnoreCase(object)) {
                Integer day = closeDay(record);
                if (day != null) {
                    days.put(record.id(), day);
                }
            }
        }
        return days;
    }

    /** The day of the record's first close-date value that is a date, or null. (A loop: it runs for every record.) */
    private static Integer closeDay(CrmRecord record) {
        for (Map.Entry<String, Object> value : record.values().entrySet()) {
            if (value.getKey().equalsIgnoreCase("CloseDate") && value.getValue() instanceof String text) {
                Integer day = parseDay(text);
                if (day != null) {
                    return day;
                }
            }
        }
        return null;
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
