package dev.l2o.salesforce.simulator;

import com.sforce.soap.metadata.Metadata;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The simulated org's metadata as Force WSC records, by type and API fullName ({@code Opportunity.Pain__c},
 * {@code Global 2%2E0}), with the source file each came from. Immutable once built.
 */
final class MetadataStore {
    /** One component: the record as readMetadata returns it, and the file name listMetadata reports. */
    record Component(String type, String fullName, String fileName, Metadata record) {}

    private final SortedMap<String, SortedMap<String, Component>> byType;
    private final Map<String, Instant> lastModified;

    MetadataStore(Map<String, ? extends Map<String, Component>> components) {
        this(components, Map.of());
    }

    private MetadataStore(Map<String, ? extends Map<String, Component>> components, Map<String, Instant> lastModified) {
        SortedMap<String, SortedMap<String, Component>> copy = new TreeMap<>();
        components.forEach((type, named) -> copy.put(type, Collections.unmodifiableSortedMap(new TreeMap<>(named))));
        this.byType = Collections.unmodifiableSortedMap(copy);
        this.lastModified = Map.copyOf(lastModified);
    }

    /**
     * This store with {@code changed} components added or replacing those of the same type and name, modified at
     * {@code at}, and the components keyed {@code type/fullName} in {@code removed} gone.
     */
    MetadataStore with(List<Component> changed, Set<String> removed, Instant at) {
        Map<String, SortedMap<String, Component>> components = new TreeMap<>();
        byType.forEach((type, named) -> components.put(type, new TreeMap<>(named)));
        Map<String, Instant> modified = new HashMap<>(lastModified);
        for (Component component : changed) {
            components.computeIfAbsent(component.type(), t -> new TreeMap<>()).put(component.fullName(), component);
            modified.put(component.type() + "/" + component.fullName(), at);
        }
        for (String key : removed) {
            int slash = key.indexOf('/');
            SortedMap<String, Component> named = components.get(key.substring(0, slash));
            if (named != null) {
                named.remove(key.substring(slash + 1));
            }
            modified.remove(key);
        }
        return new MetadataStore(components, modified);
    }

    /**
     * When a component was last modified, or null for components as loaded (listMetadata then reports 1970, as
     * Salesforce does for standard components).
     */
    Instant lastModified(String type, String fullName) {
        return lastModified.get(type + "/" + fullName);
    }

    /** The component, or null when the org has none of that name (readMetadata then returns an empty record). */
    Component find(String type, String fullName) {
        SortedMap<String, Component> named = byType.get(type);
        return named == null ? null : named.get(fullName);
    }

    /** Every component of {@code type}, by fullName. */
    List<Component> list(String type) {
        SortedMap<String, Component> named = byType.get(type);
        return named == null ? List.of() : List.copyOf(named.values());
    }

    /** How many components of {@code type} there are. */
    int count(String type) {
        SortedMap<String, Component> named = byType.get(type);
        return named == null ? 0 : named.size();
    }
}
