package dev.l2o.metrics;

import dev.l2o.blueprint.Lifecycle;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import dev.l2o.rules.CrmObjects;
import dev.l2o.rules.StageMapping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stages of one computation, of one opportunity lifecycle: the blueprint stages first (slot i is blueprint stage i), then each CRM stage
 * name met in the history that maps to no blueprint stage. A history stage name resolves through the stage
 * mapping (by API name, then as the CRM pipeline resolves names); a blueprint stage the mapping left without a
 * CRM stage still claims its {@code crm.<crm>} name, or its key or label, ignoring case, so history without
 * configuration (a bare history CSV) is still attributed to the blueprint (see {@link DesignedStep#indexOf}).
 * A stage outside the blueprint is labelled as the CRM labels it (the compared pipeline's stage, else a stage
 * of another pipeline of the object with that API name), else by its history name.
 */
final class StageSlots {
    private final List<StageSpec> specs;
    private final StageMapping mapping;
    private final List<Pipeline> pipelines;
    private final List<DesignedStep> designed = new ArrayList<>();
    private final List<StageSlot> slots = new ArrayList<>();
    private final Map<String, Integer> byHistoryName = new HashMap<>();
    private String lastName;
    private int lastSlot;
    private SpillDirectory spill;

    private StageSlots(Lifecycle lifecycle, Snapshot snapshot) {
        this.specs = lifecycle.stages();
        this.mapping = StageMapping.of(lifecycle, snapshot);
        this.pipelines = CrmObjects.pipelinesOf(snapshot, lifecycle.object());
        int openCount = (int) specs.stream().filter(s -> !s.closed()).count();
        int openRank = 0;
        for (StageSpec spec : specs) {
            designed.add(new DesignedStep(spec.key(), spec.label(), spec.crm().forCrm(snapshot.crm())));
            Stage crmStage = mapping.byKey().get(spec.key());
            int rank = spec.closed() ? openCount : openRank++;
            slots.add(new StageSlot(spec.key(), spec.displayName(), true, spec.closed(), spec.won(), rank,
                    spec.maxDaysInStage(), crmStage == null ? null : crmStage.apiName(),
                    crmStage == null ? Integer.MAX_VALUE : crmStage.order()));
        }
    }

    static StageSlots of(Lifecycle lifecycle, Snapshot snapshot) {
        return new StageSlots(lifecycle, snapshot);
    }

    /** The slot of history stage name {@code name}, creating one for a name outside the blueprint. */
    int resolve(String name) {
        // Rows of one record usually repeat the stage: the same String often arrives again.
        if (name.equals(lastName)) {
            return lastSlot;
        }
        Integer known = byHistoryName.get(name);
        int slot = known != null ? known : register(name);
        lastName = name;
        lastSlot = slot;
        return slot;
    }

    /**
     * Adds the figures of {@code other}, the same lifecycle's slots walked over other records: its stages outside
     * the blueprint are found (or registered) here by their history names, whatever order they were met in.
     */
    void add(StageSlots other) {
        for (int i = 0; i < other.slots.size(); i++) {
            StageSlot theirs = other.slots.get(i);
            int index = i < specs.size() ? i : resolve(theirs.historyNames.first());
            theirs.historyNames.forEach(this::resolve);
            slots.get(index).add(theirs);
        }
    }

    /** Sorts every stage's durations so far, with {@code scratch} (at least {@link #largestDurations} longs). */
    void sortDurations(long[] scratch) {
        slots.forEach(slot -> slot.durations.sort(scratch));
    }

    /** The number of durations of the stage with the most. */
    int largestDurations() {
        return slots.stream().mapToInt(slot -> slot.durations.size()).max().orElse(0);
    }

    /** Durations of every stage, present and to come, keep one chunk in memory and the rest in {@code directory}. */
    void spillDurationsTo(SpillDirectory directory) {
        spill = directory;
        slots.forEach(slot -> slot.durations.spillTo(directory));
    }

    int blueprintStageCount() {
        return specs.size();
    }

    int size() {
        return slots.size();
    }

    StageSlot get(int slot) {
        return slots.get(slot);
    }

    /** Index of the blueprint stage {@code key}, or -1. */
    int indexOfKey(String key) {
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Blueprint stages in blueprint order, then the other stages in CRM pipeline order, then by name. */
    List<StageStat> stats() {
        List<StageStat> stats = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            stats.add(slots.get(i).toStat());
        }
        slots.subList(specs.size(), slots.size()).stream()
                .sorted(Comparator.<StageSlot>comparingInt(s -> s.crmOrder).thenComparing(s -> s.name))
                .forEach(s -> stats.add(s.toStat()));
        return stats;
    }

    private int register(String name) {
        int index = blueprintIndex(name);
        if (index < 0) {
            Optional<Stage> crmStage = Optional.ofNullable(mapping.pipeline()).flatMap(p -> p.stage(name));
            String label = crmStage.or(() -> stageElsewhere(name)).map(Stage::label).orElse(name);
            slots.add(new StageSlot(name, label, false, crmStage.map(Stage::closed).orElse(false),
                    crmStage.map(Stage::won).orElse(false), StageSlot.UNRANKED, null, null,
                    crmStage.map(Stage::order).orElse(Integer.MAX_VALUE)));
            index = slots.size() - 1;
            if (spill != null) {
                slots.get(index).durations.spillTo(spill);
            }
        }
        slots.get(index).historyNames.add(name);
        byHistoryName.put(name, index);
        return index;
    }

    private Optional<Stage> stageElsewhere(String apiName) {
        return pipelines.stream()
                .flatMap(p -> p.stages().stream())
                .filter(s -> s.apiName().equals(apiName))
                .findFirst();
    }

    private int blueprintIndex(String name) {
        return DesignedStep.indexOf(designed, mapping, name);
    }
}
