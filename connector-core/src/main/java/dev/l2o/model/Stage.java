package dev.l2o.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stage (or lead status) of a pipeline as the CRM defines it.
 *
 * @param apiName the value stored on records (Salesforce picklist API name, HubSpot stage id)
 * @param label the display label
 * @param order 0-based position in the pipeline
 * @param probability default probability in percent (0–100), or null when the CRM has none
 * @param forecastCategory the default forecast category, or null when the CRM has none
 * @param closed whether a record in this stage is closed
 * @param won whether a record in this stage is won (HubSpot: closed with probability 100)
 * @param converted lead statuses only: whether the status means converted
 * @param active whether the stage can still be chosen
 * @param ref where the stage is defined
 * @param attributes CRM-specific detail, sorted by key
 */
public record Stage(
        String apiName,
        String label,
        int order,
        Double probability,
        ForecastCategory forecastCategory,
        boolean closed,
        boolean won,
        boolean converted,
        boolean active,
        ResourceRef ref,
        Map<String, String> attributes) {
    public Stage {
        requireNonNull(apiName, "apiName is null");
        label = label == null ? apiName : label;
        requireNonNull(ref, "ref is null");
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes == null ? Map.of() : attributes));
        if (probability != null && (probability < 0 || probability > 100)) {
            throw new IllegalArgumentException("probability out of 0..100: " + probability);
        }
    }
}
