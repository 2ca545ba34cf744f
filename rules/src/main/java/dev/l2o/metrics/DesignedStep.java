package dev.l2o.metrics;

import dev.l2o.model.Pipeline;
import dev.l2o.rules.StageMapping;
import java.util.List;
import java.util.Optional;

/**
 * A blueprint stage or lead status as history names are matched against it.
 *
 * @param key the blueprint key
 * @param label the blueprint label, or null
 * @param crmName the {@code crm.<crm>} value for the snapshot's CRM, or null
 */
record DesignedStep(String key, String label, String crmName) {
    /**
     * The index in {@code steps} of the step history name {@code name} belongs to, or -1: by the mapping (API
     * name, then as the mapped pipeline resolves names); a step the mapping left without a CRM stage still
     * claims its {@code crm} name, or its key or label, ignoring case, so history without configuration is
     * still attributed to the blueprint, unless the configuration shows the name is not live (inactive, or in
     * another pipeline): history in such a stage is not measured against the blueprint.
     */
    static int indexOf(List<DesignedStep> steps, StageMapping mapping, String name) {
        Optional<String> key = mapping.keyOf(name);
        Pipeline pipeline = mapping.pipeline();
        if (key.isEmpty() && pipeline != null) {
            key = pipeline.stage(name).flatMap(stage -> mapping.keyOf(stage.apiName()));
        }
        if (key.isPresent()) {
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).key().equals(key.get())) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = 0; i < steps.size(); i++) {
            DesignedStep step = steps.get(i);
            if (mapping.byKey().containsKey(step.key()) || mapping.unmappedReasons().containsKey(step.key())) {
                continue;
            }
            boolean matches = step.crmName() != null
                    ? step.crmName().equalsIgnoreCase(name)
                    : step.key().equalsIgnoreCase(name) || (step.label() != null && step.label().equalsIgnoreCase(name));
            if (matches) {
                return i;
            }
        }
        return -1;
    }
}
