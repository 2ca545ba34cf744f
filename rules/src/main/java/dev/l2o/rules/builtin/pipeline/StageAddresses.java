package dev.l2o.rules.builtin.pipeline;

import dev.l2o.model.Crm;
import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.LeadStatusSpec;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import dev.l2o.rules.StageMapping;

/**
 * Where data findings point: the CRM stage a blueprint stage maps to, or, when the CRM has none, an address
 * built the way the connectors build theirs, so that suppressions and baselines stay stable.
 */
final class StageAddresses {
    private final Blueprint blueprint;
    private final Snapshot snapshot;
    private final StageMapping mapping;
    private final StageMapping leadMapping;

    StageAddresses(Blueprint blueprint, Snapshot snapshot) {
        this.blueprint = blueprint;
        this.snapshot = snapshot;
        this.mapping = StageMapping.of(blueprint, snapshot);
        this.leadMapping = StageMapping.ofLeads(blueprint, snapshot);
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
        String object = blueprint.opportunityLifecycle().object();
        String name = crmName(key);
        if (snapshot.is(Crm.HUBSPOT)) {
            String pipeline = mapping.pipeline() != null ? mapping.pipeline().id()
                    : blueprint.opportunityLifecycle().pipeline() != null ? blueprint.opportunityLifecycle().pipeline()
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
        return stage(fromKey).address() + "->" + crmName(toKey);
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
        String object = blueprint.opportunityLifecycle().object();
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
        return blueprint.opportunityLifecycle().stages().stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }
}
