package dev.l2o.rules;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.Lifecycle;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the blueprint's opportunity stages map onto one CRM pipeline, by the contract's rule: a stage's
 * {@code crm.<crm>} value names the CRM stage by API name, label or id; without it the stage matches by key
 * or label, ignoring case. Only active stages of the compared pipeline are matched: a blueprint stage whose
 * only match is inactive (archived) or lives in another pipeline of the object is unmapped, with the reason
 * kept in {@code unmappedReasons}. Rules and metrics all map stages here.
 *
 * @param pipeline the CRM pipeline the blueprint is compared with, or null when the snapshot has none that fits
 * @param byKey blueprint stage key to its CRM stage, in blueprint order; unmatched stages are absent
 * @param unmappedReasons blueprint stage key to why its only CRM match is not live ({@code archived in pipeline
 *     'Sales Pipeline'}, {@code exists only in pipeline 'Partners'}); stages matched nowhere are absent
 */
public record StageMapping(Pipeline pipeline, Map<String, Stage> byKey, Map<String, String> unmappedReasons) {
    public StageMapping {
        byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
        unmappedReasons = Collections.unmodifiableMap(new LinkedHashMap<>(unmappedReasons));
    }

    /** A blueprint stage or lead status as the mapping sees it: its CRM name for the snapshot's CRM, key and label. */
    private record Wanted(String key, String crmName, String label) {}

    /**
     * The mapping of the blueprint's opportunity lifecycle onto the snapshot: the pipeline whose label or id
     * equals {@code opportunityLifecycle.pipeline} (ignoring case), else the default pipeline of the object,
     * else its only pipeline. The object is looked up as {@link CrmObjects#pipelinesOf} does.
     */
    public static StageMapping of(Blueprint blueprint, Snapshot snapshot) {
        requireNonNull(blueprint.opportunityLifecycle(), "blueprint has no opportunityLifecycle");
        return of(Lifecycle.of(blueprint.opportunityLifecycle()), snapshot);
    }

    /**
     * The mapping of one opportunity lifecycle ({@code opportunityLifecycle} or an entry of {@code lifecycles}) onto
     * the snapshot, by the rule of {@link #of(Blueprint, Snapshot)}.
     */
    public static StageMapping of(Lifecycle lifecycle, Snapshot snapshot) {
        List<Pipeline> candidates = CrmObjects.pipelinesOf(snapshot, lifecycle.object());
        Pipeline pipeline = selectPipeline(candidates, lifecycle.pipeline()).orElse(null);
        List<Wanted> stages = lifecycle.stages().stream()
                .map(spec -> new Wanted(spec.key(), spec.crm().forCrm(snapshot.crm()), spec.label()))
                .toList();
        return map(pipeline, candidates, stages);
    }

    /**
     * The mapping of the blueprint's lead statuses onto the snapshot's pipelines of the lead object (looked up
     * as {@link CrmObjects#pipelinesOf} does). Lead statuses name no pipeline: the default or only one is
     * taken, else the one most statuses match (the first of equals). Without a lead lifecycle the mapping is
     * empty.
     */
    public static StageMapping ofLeads(Blueprint blueprint, Snapshot snapshot) {
        if (blueprint.leadLifecycle() == null) {
            return new StageMapping(null, Map.of(), Map.of());
        }
        List<Wanted> statuses = blueprint.leadLifecycle().statuses().stream()
                .map(spec -> new Wanted(spec.key(), spec.crm().forCrm(snapshot.crm()), spec.label()))
                .toList();
        List<Pipeline> candidates = CrmObjects.pipelinesOf(snapshot, blueprint.leadLifecycle().object());
        Pipeline pipeline = selectPipeline(candidates, null)
                .or(() -> candidates.stream()
                        .max(Comparator.comparingInt((Pipeline p) -> map(p, candidates, statuses).byKey().size())))
                .orElse(null);
        return map(pipeline, candidates, statuses);
    }

    private static StageMapping map(Pipeline pipeline, List<Pipeline> candidates, List<Wanted> steps) {
        Map<String, Stage> byKey = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        if (pipeline != null) {
            for (Wanted step : steps) {
                Optional<Stage> stage = match(pipeline, step.crmName(), step.key(), step.label());
                if (stage.isPresent()) {
                    byKey.put(step.key(), stage.get());
                } else {
                    whyUnmapped(pipeline, candidates, step).ifPresent(reason -> reasons.put(step.key(), reason));
                }
            }
        }
        return new StageMapping(pipeline, byKey, reasons);
    }

    /**
     * Why a step without an active stage in {@code pipeline} still names a CRM stage: an inactive stage of the
     * pipeline, active stages of other pipelines of the object, or both; empty when no pipeline has it.
     */
    private static Optional<String> whyUnmapped(Pipeline pipeline, List<Pipeline> candidates, Wanted step) {
        // No active stage matched, so any stage that matches now is an inactive one.
        Optional<Stage> inactive = find(pipeline::stage, step.crmName(), step.key(), step.label());
        List<String> elsewhere = candidates.stream()
                .filter(other -> other != pipeline)
                .filter(other -> match(other, step.crmName(), step.key(), step.label()).isPresent())
                .map(other -> "'" + other.label() + "'")
                .toList();
        String others = (elsewhere.size() == 1 ? "pipeline " : "pipelines ") + String.join(", ", elsewhere);
        if (inactive.isPresent()) {
            String state = "true".equals(inactive.get().attributes().get("archived")) ? "archived" : "inactive";
            String reason = state + " in pipeline '" + pipeline.label() + "'";
            return Optional.of(elsewhere.isEmpty() ? reason : reason + "; active only in " + others);
        }
        return elsewhere.isEmpty() ? Optional.empty() : Optional.of("exists only in " + others);
    }

    /** The pipeline named {@code wanted} (label or id, ignoring case); without a name the default or only one. */
    public static Optional<Pipeline> selectPipeline(List<Pipeline> candidates, String wanted) {
        if (wanted != null) {
            String lower = wanted.toLowerCase(Locale.ROOT);
            return candidates.stream()
                    .filter(p -> p.label().toLowerCase(Locale.ROOT).equals(lower) || p.id().toLowerCase(Locale.ROOT).equals(lower))
                    .findFirst();
        }
        Optional<Pipeline> preferred = candidates.stream().filter(Pipeline::isDefault).findFirst();
        return preferred.isPresent() || candidates.size() != 1 ? preferred : Optional.of(candidates.get(0));
    }

    /**
     * The active CRM stage for a blueprint stage or status: by its CRM mapping when given, else by key or label.
     * An inactive stage never matches: records can no longer enter it.
     */
    public static Optional<Stage> match(Pipeline pipeline, String crmName, String key, String label) {
        return find(pipeline::activeStage, crmName, key, label);
    }

    private static Optional<Stage> find(Function<String, Optional<Stage>> lookup, String crmName, String key, String label) {
        if (crmName != null) {
            return lookup.apply(crmName);
        }
        Optional<Stage> byKey = lookup.apply(key);
        return byKey.isPresent() || label == null ? byKey : lookup.apply(label);
    }

    /** The blueprint key of the CRM stage with API name {@code apiName}, if a blueprint stage maps to it. */
    public Optional<String> keyOf(String apiName) {
        return byKey.entrySet().stream()
                .filter(e -> e.getValue().apiName().equals(apiName))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
