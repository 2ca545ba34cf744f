package dev.l2o.rules.builtin.pipeline;

import dev.l2o.model.Crm;
import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintPointers;
import dev.l2o.blueprint.Lifecycle;
import dev.l2o.blueprint.SourcePositions;
import dev.l2o.blueprint.LeadStatusSpec;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import dev.l2o.rules.StageMapping;
import dev.l2o.rules.builtin.support.Subjects;
import dev.l2o.rules.builtin.support.Texts;

/**
 * Where data findings of one opportunity lifecycle point: the CRM stage a blueprint stage maps to, or, when the CRM
 * has none, an address built the way the connectors build theirs, so that suppressions and baselines stay stable.
 * Findings of {@code opportunityLifecycle} keep the stage's own address as subject; those of another lifecycle are
 * scoped to its pipeline ({@code <pipeline address>#<stage>}), as a stage value may be shared by several Salesforce
 * sales processes, and their messages name the lifecycle.
 */
final class StageAddresses {
    private final Blueprint blueprint;
    private final Lifecycle lifecycle;
    private final Snapshot snapshot;
    private final StageMapping mapping;
    private final StageMapping leadMapping;

    StageAddresses(Blueprint blueprint, Lifecycle lifecycle, Snapshot snapshot) {
        this.blueprint = blueprint;
        this.lifecycle = lifecycle;
        this.snapshot = snapshot;
        this.mapping = StageMapping.of(lifecycle, snapshot);
        this.leadMapping = StageMapping.ofLeads(blueprint, snapshot);
    }

    /** The lifecycle whose findings these are. */
    Lifecycle lifecycle() {
        return lifecycle;
    }

    /** {@code message} naming the lifecycle when it is not {@code opportunityLifecycle}. */
    String named(String message) {
        return lifecycle.primary() ? message : Texts.inLifecycle(lifecycle.name(), message);
    }

    /** The subject of a finding about blueprint stage {@code key} (see the class comment). */
    String subject(String key) {
        return lifecycle.primary() ? stage(key).address() : scope() + "#" + crmName(key);
    }

    /** The subject of a finding about the close dates of the lifecycle's open records. */
    String closeDateSubject() {
        return lifecycle.primary() ? closeDate().address() : scope() + "#" + closeDate().path();
    }

    /** The blueprint declaration of stage or lead status {@code key}, else of the lifecycle's {@code property}. */
    String declaration(String key, String property) {
        for (int i = 0; i < lifecycle.stages().size(); i++) {
            if (lifecycle.stages().get(i).key().equals(key)) {
                return SourcePositions.child(declaration("stages"), i);
            }
        }
        return BlueprintPointers.status(blueprint, key).orElse(declaration(property));
    }

    /** The blueprint declaration of the lifecycle's {@code property}: {@code /lifecycles/1/allowRegression}. */
    String declaration(String property) {
        String section = BlueprintPointers.lifecycle(blueprint, lifecycle.name()).orElse(BlueprintPointers.section(lifecycle.name()));
        return SourcePositions.child(section, property);
    }

    /** The address of the lifecycle's pipeline, or the one a connector would give it. */
    private String scope() {
        return mapping.pipeline() != null ? mapping.pipeline().ref().address()
                : Subjects.pipeline(snapshot, lifecycle.object(), lifecycle.pipeline());
    }

    /**
     * The CRM stage of blueprint stage {@code key}, or an address for the name the CRM would use; for a lead
     * status (a key that is no opportunity stage) the CRM's lead status value.
     */
    ResourceRef stage(String key) {
        Stage stage = mapping.byKey().get(key);
        if (stage != null) {
            return stage.ref();
        }
        LeadStatusSpec status = spec(key) == null ? leadStatus(key) : null;
        if (status != null) {
            return leadStatusRef(status);
        }
        String object = lifecycle.object();
        String name = crmName(key);
        if (snapshot.is(Crm.HUBSPOT)) {
            String pipeline = mapping.pipeline() != null ? mapping.pipeline().id()
                    : lifecycle.pipeline() != null ? lifecycle.pipeline()
                    : "default";
            return ResourceRef.of(snapshot.crm(), "pipeline/" + pipeline + "/stage/" + name);
        }
        return ResourceRef.of(snapshot.crm(), object + ".StageName#" + name);
    }

    /** The CRM's name of blueprint stage {@code key}: the mapped API name, the {@code crm} value, else the key. */
    String crmName(String key) {
        Stage stage = mapping.byKey().get(key);
        if (stage != null) {
            return stage.apiName();
        }
        if (spec(key) == null) {
            LeadStatusSpec status = leadStatus(key);
            Stage leadStage = status == null ? null : leadMapping.byKey().get(key);
            if (leadStage != null) {
                return leadStage.apiName();
            }
            return status == null || status.crm().forCrm(snapshot.crm()) == null ? key : status.crm().forCrm(snapshot.crm());
        }
        return spec(key).crm().forCrm(snapshot.crm()) == null ? key : spec(key).crm().forCrm(snapshot.crm());
    }

    /** The subject of a move or conversion between two blueprint stages: {@code <from address>-><to CRM name>}. */
    String move(String fromKey, String toKey) {
        return subject(fromKey) + "->" + crmName(toKey);
    }

    /** The blueprint label of {@code key} (a stage, else a lead status), else the key. */
    String label(String key) {
        StageSpec spec = spec(key);
        if (spec != null) {
            return spec.displayName();
        }
        LeadStatusSpec status = leadStatus(key);
        return status == null ? key : status.displayName();
    }

    /** The close-date field of the opportunity object, as the snapshot defines it or as the CRM names it. */
    ResourceRef closeDate() {
        String object = lifecycle.object();
        String field = Crm.of(snapshot.crm()).orElse(Crm.SALESFORCE).closeDateField();
        return snapshot.field(object, field).map(f -> f.ref()).orElse(ResourceRef.of(snapshot.crm(), object + "." + field));
    }

    /**
     * The CRM lead status a blueprint status maps to, else an address as the connectors build theirs: a
     * HubSpot {@code contacts} property option, a Salesforce {@code Lead.Status} picklist value.
     */
    private ResourceRef leadStatusRef(LeadStatusSpec status) {
        Stage stage = leadMapping.byKey().get(status.key());
        if (stage != null) {
            return stage.ref();
        }
        String name = crmName(status.key());
        boolean hubSpot = snapshot.is(Crm.HUBSPOT);
        if (leadMapping.pipeline() != null) {
            return ResourceRef.of(snapshot.crm(), leadMapping.pipeline().ref().path() + (hubSpot ? "/option/" : "#") + name);
        }
        return ResourceRef.of(snapshot.crm(), hubSpot ? "property/contacts/lifecyclestage/option/" + name
                : blueprint.leadLifecycle().object() + ".Status#" + name);
    }

    private LeadStatusSpec leadStatus(String key) {
        if (blueprint.leadLifecycle() == null) {
            return null;
        }
        return blueprint.leadLifecycle().statuses().stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }

    private StageSpec spec(String key) {
        return lifecycle.stages().stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }
}
