package dev.l2o.connector;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the audit needs from the source, so that live connectors ask only for that (fewer API calls,
 * shorter URLs).
 *
 * @param objects the objects whose fields and automations to read ({@code Opportunity}, {@code Lead}, …)
 * @param recordFields per object, the fields whose current values records must carry; an object absent
 *     here needs no record values
 * @param history whether stage history is needed
 * @param automations whether automations are needed: flows, workflow rules, assignment rules and the queues they
 *     name (stage metrics need none; on an org with thousands of flows their reads are most of a fetch's calls).
 *     Validation rules come with their object either way.
 */
public record FetchRequest(Set<String> objects, Map<String, Set<String>> recordFields, boolean history, boolean automations) {
    public FetchRequest {
        objects = Collections.unmodifiableSortedSet(new TreeSet<>(objects));
        TreeMap<String, Set<String>> copy = new TreeMap<>();
        recordFields.forEach((object, fields) -> copy.put(object, Collections.unmodifiableSortedSet(new TreeSet<>(fields))));
        recordFields = Collections.unmodifiableSortedMap(copy);
    }

    /** A request that needs automations. */
    public FetchRequest(Set<String> objects, Map<String, Set<String>> recordFields, boolean history) {
        this(objects, recordFields, history, true);
    }

    /** Everything the source has for the usual Lead-to-Order objects. */
    public static FetchRequest everything() {
        return new FetchRequest(Set.of("Account", "Lead", "Opportunity"), Map.of(), true);
    }

    /** This request without automations. */
    public FetchRequest withoutAutomations() {
        return new FetchRequest(objects, recordFields, history, false);
    }
}
