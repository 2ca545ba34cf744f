package dev.l2o.rules;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import java.util.Collections;
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
