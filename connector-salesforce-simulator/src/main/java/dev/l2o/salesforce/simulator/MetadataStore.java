package dev.l2o.salesforce.simulator;

import com.sforce.soap.metadata.Metadata;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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

    MetadataStore(Map<String, ? extends Map<String, Component>> components) {
        SortedMap<String, SortedMap<String, Component>> copy = new TreeMap<>();
        components.forEach((type, named) -> copy.put(type, Collections.unmodifiableSortedMap(new TreeMap<>(named))));
        this.byType = Collections.unmodifiableSortedMap(copy);
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
