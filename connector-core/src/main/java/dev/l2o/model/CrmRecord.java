package dev.l2o.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The current values of one record. Values are {@code String}, {@code Long}, {@code Double}, {@code Boolean}
 * or null (dates and date-times as ISO-8601 strings), so that CEL and JSON see the same types.
 *
 * @param object the object API name
 * @param id the record id
 * @param values field API name to value, sorted by name
 * @param pipeline the pipeline the record is in as its source tells, by {@link Pipeline#id()} (or label), or null when
 *     the source does not tell: HubSpot's {@code pipeline} deal property; for Salesforce the sales process of the
 *     record's record type ({@code Opportunity.Renewal}), which the connector resolves from the record type metadata
 */
public record CrmRecord(String object, String id, Map<String, Object> values, String pipeline) {
    /** A record whose source does not tell its pipeline. */
    public CrmRecord(String object, String id, Map<String, Object> values) {
        this(object, id, values, null);
    }

    public CrmRecord {
        requireNonNull(object, "object is null");
        requireNonNull(id, "id is null");
        // LinkedHashMap over a TreeMap: sorted, and unlike Map.copyOf it keeps null values.
        values = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(values)));
        for (Object value : values.values()) {
            if (value != null && !(value instanceof String || value instanceof Long || value instanceof Double
                    || value instanceof Boolean)) {
                throw new IllegalArgumentException("unsupported value type " + value.getClass().getName());
            }
        }
    }
}
