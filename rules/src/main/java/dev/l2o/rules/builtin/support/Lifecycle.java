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
 * One designed lifecycle (the stages of {@code opportunityLifecycle} or of an entry of {@code lifecycles}, or the
 * lead statuses) together with the CRM pipeline it is compared with, so that stage rules treat all alike.
 *
 * @param kind which lifecycle
 * @param name the name of an entry of {@code lifecycles}, or null for {@code opportunityLifecycle} and the lead lifecycle
 * @param section the JSON Pointer of the lifecycle in the blueprint: {@code /opportunityLifecycle}, {@code /lifecycles/1}
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
        String name,
        String section,
        String object,
        String wantedPipeline,
        List<Step> steps,
        List<Pipeline> candidates,
        Pipeline pipeline,
        Map<String, Stage> byKey,
        Map<String, String> unmappedReasons) {

    /** Which lifecycle of the blueprint. */
    public enum Kind {
        OPPORTUNITY("stage", "stages"),
        LEAD("status", "statuses");

        private final String noun;
        private final String plural;

        Kind(String noun, String plural) {
            this.noun = noun;
            this.plural = plural;
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
        requireNonNull(section, "section is null");
        requireNonNull(object, "object is null");
        steps = List.copyOf(steps);
        candidates = List.copyOf(candidates);
        byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
        unmappedReasons = Collections.unmodifiableMap(new LinkedHashMap<>(unmappedReasons));
    }

    /**
     * The blueprint's lifecycles: the opportunity lifecycle, then each entry of {@code lifecycles} in blueprint
     * order, then the lead lifecycle when it has statuses.
     */
    public static List<Lifecycle> of(Blueprint blueprint, Snapshot snapshot) {
        List<Lifecycle> all = new ArrayList<>();
        String crm = snapshot.crm();
        // var: this record shares its simple name with the blueprint's lifecycle
        for (var designed : blueprint.allLifecycles()) {
            String section = BlueprintPointers.lifecycle(blueprint, designed.name()).orElseThrow();
            List<Step> steps = new ArrayList<>();
            for (StageSpec spec : designed.stages()) {
                steps.add(new Step(spec.key(), spec.label(), spec.crm().forCrm(crm), spec.entry().requiredFields(),
                        spec.exit().requiredFields(), spec.probability(), spec.forecastCategory(), spec.closed(),
                        spec.won(), false));
            }
            StageMapping mapping = StageMapping.of(designed, snapshot);
            all.add(new Lifecycle(Kind.OPPORTUNITY, designed.primary() ? null : designed.name(), section, designed.object(),
                    designed.pipeline(), steps, CrmObjects.pipelinesOf(snapshot, designed.object()), mapping.pipeline(),
                    mapping.byKey(), mapping.unmappedReasons()));
        }
        if (blueprint.leadLifecycle() != null && !blueprint.leadLifecycle().statuses().isEmpty()) {
            all.add(lead(blueprint, snapshot));
        }
        return List.copyOf(all);
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
        return new Lifecycle(Kind.LEAD, null, BlueprintPointers.section("leadLifecycle"), object, null, steps, CrmObjects.pipelinesOf(snapshot, object), mapping.pipeline(),
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
        return SourcePositions.child(section, kind.plural);
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
                String criteria = SourcePositions.child(declaration(step), exit ? "exit" : "entry");
                return SourcePositions.child(SourcePositions.child(criteria, "requiredFields"), index);
            }
        }
        return declaration(step);
    }

    /** The step with blueprint key {@code key}. */
    public Optional<Step> step(String key) {
        return steps.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * {@code message} as a finding about this lifecycle says it: prefixed with the lifecycle's name for an entry of
     * {@code lifecycles}, so that findings of a renewal pipeline say which lifecycle they are about.
     */
    public String named(String message) {
        return name == null ? message : Texts.inLifecycle(name, message);
    }

    /** A readable name of the compared pipeline for messages ({@code New Business}), or null without one. */
    public String pipelineName() {
        return pipeline == null ? null : pipeline.label();
    }
}
