package dev.l2o.metrics;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.LeadStatusSpec;
import dev.l2o.model.Snapshot;
import dev.l2o.model.StageEvent;
import dev.l2o.rules.StageMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lead object's status rows of one computation, summarised per lead: for each blueprint status its first
 * and its last row, each as (time, source position). A conversion from A to B counts a lead with a row of A and
 * a row of B after its first row of A (by time, ties by source position), which is the case exactly when its
 * last row of B comes after its first row of A. Memory grows with leads × statuses, not with rows; rows of
 * statuses outside the blueprint are counted but not kept.
 */
final class LeadStatusHistory {
    private static final int FIRST_TIME = 0;
    private static final int FIRST_POSITION = 1;
    private static final int LAST_TIME = 2;
    private static final int LAST_POSITION = 3;
    private static final int FIELDS = 4;

    private final String object;
    private final List<DesignedStep> statuses = new ArrayList<>();
    private final StageMapping mapping;
    private final Map<String, Integer> byHistoryName = new HashMap<>();
    private final Map<String, long[]> byLead = new HashMap<>();
    private long rows;

    LeadStatusHistory(Blueprint blueprint, Snapshot snapshot) {
        this.object = blueprint.leadLifecycle() == null ? null : blueprint.leadLifecycle().object();
        if (blueprint.leadLifecycle() != null) {
            for (LeadStatusSpec spec : blueprint.leadLifecycle().statuses()) {
                statuses.add(new DesignedStep(spec.key(), spec.label(), spec.crm().forCrm(snapshot.crm())));
            }
        }
        this.mapping = StageMapping.ofLeads(blueprint, snapshot);
    }

    private LeadStatusHistory() {
        this.object = null;
        this.mapping = new StageMapping(null, Map.of(), Map.of());
    }

    /** Lead statuses that take no rows: the computation of a lifecycle other than opportunityLifecycle. */
    static LeadStatusHistory none() {
        return new LeadStatusHistory();
    }

    /** Whether {@code event} is a row of the lead object (which the opportunity metrics then do not see). */
    boolean isLeadRow(StageEvent event) {
        return isLeadObject(event.object());
    }

    /** Whether rows of {@code rowObject} are rows of the lead object. */
    boolean isLeadObject(String rowObject) {
        return object != null && rowObject.equalsIgnoreCase(object);
    }

    /** Adds a row of the lead object that is not after the as-of time. */
    void add(StageEvent event) {
        long position = rows++;
        int status = byHistoryName.computeIfAbsent(event.stage(), name -> DesignedStep.indexOf(statuses, mapping, name));
        if (status < 0) {
            return;
        }
        long[] summary = byLead.computeIfAbsent(event.recordId(), id -> emptySummary());
        long time = event.at().toEpochMilli();
        int base = status * FIELDS;
        if (before(time, position, summary[base + FIRST_TIME], summary[base + FIRST_POSITION])) {
            summary[base + FIRST_TIME] = time;
            summary[base + FIRST_POSITION] = position;
        }
        if (before(summary[base + LAST_TIME], summary[base + LAST_POSITION], time, position)) {
            summary[base + LAST_TIME] = time;
            summary[base + LAST_POSITION] = position;
        }
    }

    /** Lead rows added, including those of statuses outside the blueprint. */
    long rows() {
        return rows;
    }

    /** Index of blueprint status {@code key}, or -1. */
    int indexOfKey(String key) {
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The conversion figures from status index {@code from} to {@code to}: reached, converted and examples. */
    Measured measure(int from, int to) {
        long reached = 0;
        long converted = 0;
        ExampleIds missed = new ExampleIds();
        for (Map.Entry<String, long[]> lead : byLead.entrySet()) {
            long[] summary = lead.getValue();
            int fromBase = from * FIELDS;
            if (summary[fromBase + FIRST_POSITION] == Long.MAX_VALUE) {
                continue;
            }
            reached++;
            int toBase = to * FIELDS;
            boolean later = summary[toBase + LAST_POSITION] != Long.MIN_VALUE
                    && before(summary[fromBase + FIRST_TIME], summary[fromBase + FIRST_POSITION],
                            summary[toBase + LAST_TIME], summary[toBase + LAST_POSITION]);
            if (later) {
                converted++;
            } else {
                // ExampleIds keeps the smallest ids whatever the order they come in.
                missed.add(lead.getKey());
            }
        }
        return new Measured(reached, converted, missed.examples());
    }

    private long[] emptySummary() {
        long[] summary = new long[statuses.size() * FIELDS];
        for (int base = 0; base < summary.length; base += FIELDS) {
            summary[base + FIRST_TIME] = Long.MAX_VALUE;
            summary[base + FIRST_POSITION] = Long.MAX_VALUE;
            summary[base + LAST_TIME] = Long.MIN_VALUE;
            summary[base + LAST_POSITION] = Long.MIN_VALUE;
        }
        return summary;
    }

    private static boolean before(long time, long position, long otherTime, long otherPosition) {
        return time < otherTime || (time == otherTime && position < otherPosition);
    }

    /** Figures of one measured lead conversion. */
    record Measured(long reached, long converted, List<String> notConvertedExamples) {}
}
