package dev.l2o.rules;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.LeadStatusSpec;
import dev.l2o.blueprint.StageSpec;
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

/**
 * How the blueprint's opportunity stages map onto one CRM pipeline, by the contract's rule: a stage's
 * {@code crm.<crm>} value names the CRM stage by API name, label or id; without it the stage matches by key
 * or label, ignoring case.
 *
 * @param pipeline the CRM pipeline the blueprint is compared with, or null when the snapshot has none that fits
 * @param byKey blueprint stage key to its CRM stage, in blueprint order; unmatched stages are absent
 */
public record StageMapping(Pipeline pipeline, Map<String, Stage> byKey) {
    public StageMapping {
        byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
    }

    /**
     * The mapping of the blueprint's opportunity lifecycle onto the snapshot: the pipeline whose label or id
     * equals {@code opportunityLifecycle.pipeline} (ignoring case), else the default pipeline of the object,
     * else its only pipeline. The object is looked up as {@link CrmObjects#pipelinesOf} does.
     */
    public static StageMapping of(Blueprint blueprint, Snapshot snapshot) {
        requireNonNull(blueprint.opportunityLifecycle(), "blueprint has no opportunityLifecycle");
        String object = blueprint.opportunityLifecycle().object();
        Pipeline pipeline = selectPipeline(CrmObjects.pipelinesOf(snapshot, object), blueprint.opportunityLifecycle().pipeline())
                .orElse(null);
        Map<String, Stage> byKey = new LinkedHashMap<>();
        if (pipeline != null) {
            for (StageSpec spec : blueprint.opportunityLifecycle().stages()) {
                match(pipeline, spec.crm().forCrm(snapshot.crm()), spec.key(), spec.label())
                        .ifPresent(stage -> byKey.put(spec.key(), stage));
            }
        }
        return new StageMapping(pipeline, byKey);
    }

    /**
     * The mapping of the blueprint's lead statuses onto the snapshot's pipelines of the lead object (looked up
     * as {@link CrmObjects#pipelinesOf} does). Lead statuses name no pipeline: the default or only one is
     * taken, else the one most statuses match (the first of equals). Without a lead lifecycle the mapping is
     * empty.
     */
    public static StageMapping ofLeads(Blueprint blueprint, Snapshot snapshot) {
        if (blueprint.leadLifecycle() == null) {
            return new StageMapping(null, Map.of());
        }
        List<LeadStatusSpec> statuses = blueprint.leadLifecycle().statuses();
        List<Pipeline> candidates = CrmObjects.pipelinesOf(snapshot, blueprint.leadLifecycle().object());
        Pipeline pipeline = selectPipeline(candidates, null)
                .or(() -> candidates.stream()
                        .max(Comparator.comparingInt((Pipeline p) -> matchStatuses(p, statuses, snapshot.crm()).size())))
                .orElse(null);
        return new StageMapping(pipeline, pipeline == null ? Map.of() : matchStatuses(pipeline, statuses, snapshot.crm()));
    }

    private static Map<String, Stage> matchStatuses(Pipeline pipeline, List<LeadStatusSpec> statuses, String crm) {
        Map<String, Stage> byKey = new LinkedHashMap<>();
        for (LeadStatusSpec spec : statuses) {
            match(pipeline, spec.crm().forCrm(crm), spec.key(), spec.label()).ifPresent(stage -> byKey.put(spec.key(), stage));
        }
        return byKey;
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

    /** The CRM stage for a blueprint stage or status: by its CRM mapping when given, else by key or label. */
    public static Optional<Stage> match(Pipeline pipeline, String crmName, String key, String label) {
        if (crmName != null) {
            return pipeline.stage(crmName);
        }
        Optional<Stage> byKey = pipeline.stage(key);
        return byKey.isPresent() || label == null ? byKey : pipeline.stage(label);
    }

    /** The blueprint key of the CRM stage with API name {@code apiName}, if a blueprint stage maps to it. */
    public Optional<String> keyOf(String apiName) {
        return byKey.entrySet().stream()
                .filter(e -> e.getValue().apiName().equals(apiName))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
