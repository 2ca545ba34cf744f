package dev.l2o.salesforce.metadata;

import dev.l2o.model.Crm;
import dev.l2o.model.ResourceRef;

/**
 * The printable addresses of Salesforce components, the same whether the metadata came from an SFDX project
 * or a live org: {@code salesforce:Opportunity.StageName#Closed Won}, {@code salesforce:Opportunity.Pain__c},
 * {@code salesforce:Flow/Opportunity_Stage_Change_Alert}, {@code salesforce:ValidationRule/Opportunity.Require_Pain},
 * {@code salesforce:AssignmentRule/Lead.Standard}, {@code salesforce:Queue/Enterprise_SDR},
 * {@code salesforce:BusinessProcess/Opportunity.New Business}. Names are decoded ({@code %2E} is {@code .}).
 */
public final class SalesforceAddresses {
    /** The address scheme of every Salesforce reference. */
    public static final String CRM = Crm.SALESFORCE.id();

    private SalesforceAddresses() {}

    /** {@code Type/fullName}: the address of a whole metadata component ({@code Flow/X}, {@code StandardValueSet/OpportunityStage}). */
    public static ResourceRef component(String type, String fullName) {
        return ResourceRef.of(CRM, type + "/" + fullName);
    }

    /** {@code Object.Field}. */
    public static ResourceRef field(String object, String field) {
        return ResourceRef.of(CRM, object + "." + field);
    }

    /** {@code Object.Field#Value}: a picklist value, such as a stage. */
    public static ResourceRef picklistValue(String object, String field, String value) {
        return ResourceRef.of(CRM, object + "." + field + "#" + value);
    }

    /** {@code Type/Object.Name}: an object's child component ({@code ValidationRule}, {@code BusinessProcess}, …). */
    public static ResourceRef child(String type, String object, String name) {
        return ResourceRef.of(CRM, type + "/" + object + "." + name);
    }

    /**
     * {@code ref}'s address moved to {@code element}: the same file as {@code base} and the element's line, or
     * no file when {@code base} has none.
     */
    public static ResourceRef at(ResourceRef address, ResourceRef base, XmlElement element) {
        return base.file() == null ? address : address.inFile(base.file(), element.line());
    }
}
