package dev.l2o.rules.builtin.support;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintPointers;
import dev.l2o.blueprint.LeadStatusSpec;
import dev.l2o.blueprint.SourcePositions;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import dev.l2o.rules.CrmObjects;
import dev.l2o.rules.StageMapping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One designed lifecycle (the opportunity stages or the lead statuses) together with the CRM pipeline it is
 * compared with, so that stage rules treat both alike.
 *
 * @param kind which lifecycle
 * @param object the blueprint's object ({@code Opportunity}, {@code Lead}, {@code deals})
 * @param wantedPipeline the pipeline the blueprint names, or null for the default one
 * @param steps the designed stages or statuses, in blueprint order
 * @param candidates the snapshot's pipelines of the object
 * @param pipeline the pipeline compared with, or null when none fits
 * @param byKey step key to its CRM stage, in blueprint order; unmatched steps are absent
 * @param unmappedReasons step key to why its only CRM match is not live (see {@link StageMapping#unmappedReasons})
 */
public record Lifecycle(
        Kind kind,
        String object,
        String wantedPipeline,
        List<Step> steps,
        List<Pipeline> candidates,
        Pipeline pipeline,
        Map<String, Stage> byKey,
        Map<String, String> unmappedReasons) {

    /** Which lifecycle of the blueprint. */
    public enum Kind {
        OPPORTUNITY("stage", "stages", "opportunityLifecycle"),
        LEAD("status", "statuses", "leadLifecycle");

        private final String noun;
        private final String plural;
        private final String section;

        Kind(String noun, String plural, String section) {
            this.noun = noun;
            this.plural = plural;
            this.section = section;
        }

        /** What one step is called in messages: {@code stage} or {@code status}. */
        public String noun() {
            return noun;
        }

        /** What several steps are called: {@code stages} or {@code statuses}. */
        public String plural() {
            return plural;
        }
    }

    /**
     * One designed stage or status, reduced to what the configuration rules compare.
     *
     * @param crmName the CRM's name from {@code crm.<crm>}, or null to match by key or label
     * @param probability the designed probability (0–100), or null; always null for lead statuses
     * @param forecastCategory the designed forecast category as written, or null
     * @param exitFields fields required to leave; always empty for lead statuses
     */
    public record Step(
            String key,
            String label,
            String crmName,
            List<String> entryFields,
            List<String> exitFields,
            Double probability,
            String forecastCategory,
            boolean closed,
            boolean won,
            boolean converted) {
        public Step {
            requireNonNull(key, "key is null");
            entryFields = List.copyOf(entryFields);
            exitFields = List.copyOf(exitFields);
        }

        /** The CRM name this step looks for: its mapping, else its key. */
        public String wantedName() {
            return crmName != null ? crmName : key;
        }
    }

    public Lifecycle {
        requireNonNull(kind, "kind is null");
        requireNonNull(object, "object is null");
        steps = List.copyOf(steps);
        candidates = List.copyOf(candidates);
        byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
        unmappedReasons = Collections.unmodifiableMap(new LinkedHashMap<>(unmappedReasons));
    }

    /** The blueprint's lifecycles: the opportunity lifecycle, then the lead lifecycle when it has statuses. */
    public static List<Lifecycle> of(Blueprint blueprint, Snapshot snapshot) {
        List<Lifecycle> all = new ArrayList<>();
        if (blueprint.opportunityLifecycle() != null) {
            all.add(opportunity(blueprint, snapshot));
        }
        if (blueprint.leadLifecycle() != null && !blueprint.leadLifecycle().statuses().isEmpty()) {
            all.add(lead(blueprint, snapshot));
        }
        return List.copyOf(all);
    }

    private static Lifecycle opportunity(Blueprint blueprint, Snapshot snapshot) {
        String crm = snapshot.crm();
        List<Step> steps = new ArrayList<>();
        for (StageSpec spec : blueprint.opportunityLifecycle().stages()) {
            steps.add(new Step(spec.key(), spec.label(), spec.crm().forCrm(crm), spec.entry().requiredFields(),
                    spec.exit().requiredFields(), spec.probability(), spec.forecastCategory(), spec.closed(),
                    spec.won(), false));
        }
        StageMapping mapping = StageMapping.of(blueprint, snapshot);
        String object = blueprint.opportunityLifecycle().object();
        return new Lifecycle(Kind.OPPORTUNITY, object, blueprint.opportunityLifecycle().pipeline(), steps,
                CrmObjects.pipelinesOf(snapshot, object), mapping.pipeline(), mapping.byKey(), mapping.unmappedReasons());
    }

    private static Lifecycle lead(Blueprint blueprint, Snapshot snapshot) {
        String crm = snapshot.crm();
        List<Step> steps = new ArrayList<>();
        for (LeadStatusSpec spec : blueprint.leadLifecycle().statuses()) {
            steps.add(new Step(spec.key(), spec.label(), spec.crm().forCrm(crm), spec.entry().requiredFields(),
                    List.of(), null, null, false, false, spec.converted()));
        }
        String object = blueprint.leadLifecycle().object();
        StageMapping mapping = StageMapping.ofLeads(blueprint, snapshot);
        return new Lifecycle(Kind.LEAD, object, null, steps, CrmObjects.pipelinesOf(snapshot, object), mapping.pipeline(),
                mapping.byKey(), mapping.unmappedReasons());
    }

    /** The CRM stage a step maps to. */
    public Optional<Stage> stage(Step step) {
        return Optional.ofNullable(byKey.get(step.key()));
    }

    /** Why a step without CRM stage still names one that is not live, or empty when no pipeline has it. */
    public Optional<String> unmappedReason(Step step) {
        return Optional.ofNullable(unmappedReasons.get(step.key()));
    }

    /** The JSON Pointer of the blueprint's list of steps: {@code /opportunityLifecycle/stages}. */
    public String declaration() {
        return BlueprintPointers.section(kind.section, kind.plural);
    }

    /** The JSON Pointer of {@code step} in the blueprint: {@code /leadLifecycle/statuses/2}. */
    public String declaration(Step step) {
        int index = steps.indexOf(step);
        if (index < 0) {
            throw new IllegalArgumentException("not a step of this lifecycle: " + step.key());
        }
        return SourcePositions.child(declaration(), index);
    }

    /**
     * The JSON Pointer of one required field of {@code step}:
     * {@code /opportunityLifecycle/stages/2/entry/requiredFields/0}, the first place the step names {@code field}
     * (ignoring case) to enter ({@code exit} false) or to leave ({@code exit} true); the step itself when it does
     * not name it there.
     */
    public String declaration(Step step, boolean exit, String field) {
        List<String> fields = exit ? step.exitFields() : step.entryFields();
        for (int index = 0; index < fields.size(); index++) {
            if (fields.get(index).equalsIgnoreCase(field)) {
                return SourcePositions.pointer(kind.section, kind.plural, steps.indexOf(step), exit ? "exit" : "entry",
                        "requiredFields", index);
            }
        }
        return declaration(step);
    }

    /** The step with blueprint key {@code key}. */
    public Optional<Step> step(String key) {
        return steps.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** A readable name of the compared pipeline for messages ({@code New Business}), or null without one. */
    public String pipelineName() {
        return pipeline == null ? null : pipeline.label();
    }
}
