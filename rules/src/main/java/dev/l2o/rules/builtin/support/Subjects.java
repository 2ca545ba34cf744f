package dev.l2o.rules.builtin.support;

import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;

/**
 * Subjects of findings about things the CRM lacks, so that they are as stable as the {@code ResourceRef}
 * addresses of things it has: suppressions and baselines match on them. Things the CRM has use their own
 * {@code ResourceRef} address.
 */
public final class Subjects {
    private Subjects() {}

    /** {@code salesforce:Opportunity.Pain__c}. */
    public static String field(Snapshot snapshot, String object, String field) {
        return snapshot.crm() + ":" + object + "." + field;
    }

    /** {@code salesforce:Opportunity.StageName#Qualification}: a stage name inside a pipeline's address. */
    public static String stage(Pipeline pipeline, String stageName) {
        return pipeline.ref().address() + "#" + stageName;
    }

    /** {@code salesforce:Opportunity/pipeline/New Business}, or {@code …/pipeline/default} without a name. */
    public static String pipeline(Snapshot snapshot, String object, String name) {
        return snapshot.crm() + ":" + object + "/pipeline/" + (name == null ? "default" : name);
    }

    /** {@code salesforce:Lead/routing/enterprise-inbound}: a blueprint routing rule. */
    public static String routing(Snapshot snapshot, String object, String name) {
        return snapshot.crm() + ":" + object + "/routing/" + name;
    }

    /** {@code salesforce:flow/Opportunity.Renewal_Kickoff}: a blueprint automation. */
    public static String automation(Snapshot snapshot, String kind, String object, String name) {
        return snapshot.crm() + ":" + kind + "/" + (object == null ? "" : object + ".") + name;
    }

    /** {@code salesforce:Opportunity/history}: the stage history of an object. */
    public static String history(Snapshot snapshot, String object) {
        return snapshot.crm() + ":" + object + "/history";
    }
}
