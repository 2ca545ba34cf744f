package dev.l2o.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An ordered set of stages for one object: a Salesforce sales process (or the whole OpportunityStage value
 * set), a HubSpot deal pipeline, or a lead lifecycle (Salesforce LeadStatus, HubSpot lifecycle stages).
 *
 * @param id the CRM's id or API name of the pipeline
 * @param label the display label (what a blueprint's {@code pipeline} names)
 * @param object the object whose records move through it ({@code Opportunity}, {@code Lead}, {@code deals})
 * @param isDefault whether records use it when nothing else is said (the master stage list in Salesforce)
 * @param stages the stages in pipeline order, inactive ones included
 * @param ref where the pipeline is defined
 * @param recordTypes the record types whose records move through it (Salesforce: the developer names of the record
 *     types whose sales process it is, sorted); empty when the CRM has no record types or none uses it
 */
public record Pipeline(String id, String label, String object, boolean isDefault, List<Stage> stages, ResourceRef ref,
        List<String> recordTypes) {
    /** A pipeline no record type names. */
    public Pipeline(String id, String label, String object, boolean isDefault, List<Stage> stages, ResourceRef ref) {
        this(id, label, object, isDefault, stages, ref, List.of());
    }

    public Pipeline {
        requireNonNull(id, "id is null");
        label = label == null ? id : label;
        requireNonNull(object, "object is null");
        stages = List.copyOf(stages);
        requireNonNull(ref, "ref is null");
        recordTypes = recordTypes == null ? List.of() : List.copyOf(recordTypes);
    }

    /** Active stages in order. */
    public List<Stage> activeStages() {
        return stages.stream().filter(Stage::active).toList();
    }

    /** The stage whose API name equals {@code name} exactly, else whose API name or label equals it ignoring case. */
    public Optional<Stage> stage(String name) {
        return find(stages, name);
    }

    /** Like {@link #stage}, among the active stages only. */
    public Optional<Stage> activeStage(String name) {
        return find(activeStages(), name);
    }

    private static Optional<Stage> find(List<Stage> stages, String name) {
        Optional<Stage> exact = stages.stream().filter(s -> s.apiName().equals(name)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return stages.stream()
                .filter(s -> s.apiName().toLowerCase(Locale.ROOT).equals(lower)
                        || s.label().toLowerCase(Locale.ROOT).equals(lower))
                .findFirst();
    }
}
