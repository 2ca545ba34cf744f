package dev.l2o.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a snapshot came from.
 *
 * @param type the source scheme ({@code sfdx}, {@code salesforce}, {@code hubspot}, {@code snapshot})
 * @param location the path or URL, never with credentials
 * @param attributes what the source said of itself (org id, API version, portal id), sorted by key
 */
public record SourceInfo(String type, String location, Map<String, String> attributes) {
    public SourceInfo {
        requireNonNull(type, "type is null");
        requireNonNull(location, "location is null");
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes == null ? Map.of() : attributes));
    }
}
