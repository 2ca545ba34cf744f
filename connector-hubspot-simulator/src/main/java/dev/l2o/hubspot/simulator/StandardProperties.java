package dev.l2o.hubspot.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.hubspot.simulator.PortalDescription.OwnerSpec;
import dev.l2o.hubspot.simulator.PortalDescription.PipelineSpec;
import dev.l2o.hubspot.simulator.PortalDescription.StageSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The properties every portal has, in the shape of {@code GET /crm/v3/properties/{object}} (spec
 * {@code Property}: {@code name, label, type, fieldType, groupName, description, options} required). Values of
 * {@code dealstage}, {@code pipeline} and {@code hubspot_owner_id} follow the portal's pipelines and owners.
 */
final class StandardProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATED = "2019-08-06T02:41:52.000Z";

    private StandardProperties() {}

    static List<ObjectNode> deals(List<PipelineSpec> pipelines, List<OwnerSpec> owners, boolean stageDates) {
        List<ObjectNode> properties = new ArrayList<>();
        properties.add(property("dealname", "Deal Name", "string", "text", "dealinformation"));
        properties.add(property("amount", "Amount", "number", "number", "dealinformation"));
        properties.add(property("closedate", "Close Date", "datetime", "date", "dealinformation"));
        properties.add(property("createdate", "Create Date", "datetime", "date", "dealinformation"));
        properties.add(property("hs_lastmodifieddate", "Last Modified Date", "datetime", "date", "dealinformation"));
        properties.add(property("hs_object_id", "Record ID", "number", "number", "dealinformation"));
        properties.add(property("hs_deal_stage_probability", "Deal probability", "number", "number", "dealinformation"));
        properties.add(property("hs_is_closed_won", "Is Closed Won", "bool", "booleancheckbox", "dealinformation"));
        ObjectNode dealtype = property("dealtype", "Deal Type", "enumeration", "radio", "dealinformation");
        option(dealtype, "New Business", "newbusiness", 0);
        option(dealtype, "Existing Business", "existingbusiness", 1);
        properties.add(dealtype);
        ObjectNode pipeline = property("pipeline", "Pipeline", "enumeration", "select", "dealinformation");
        ObjectNode dealstage = property("dealstage", "Deal Stage", "enumeration", "radio", "dealinformation");
        int order = 0;
        for (PipelineSpec spec : pipelines) {
            option(pipeline, spec.label(), spec.id(), spec.displayOrder());
            for (StageSpec stage : spec.stages()) {
                ObjectNode option = option(dealstage, stage.label(), stage.id(), order++);
                option.put("hidden", stage.archived());
            }
        }
        properties.add(pipeline);
        properties.add(dealstage);
        properties.add(ownerProperty(owners, "dealinformation"));
        if (stageDates) {
            for (PipelineSpec spec : pipelines) {
                for (StageSpec stage : spec.stages()) {
                    String suffix = " \"" + stage.label() + "\" (" + spec.label() + " Pipeline)";
                    properties.add(calculated("hs_v2_date_entered_" + stage.id(), "Date entered" + suffix, "datetime", "date"));
                    properties.add(calculated("hs_v2_date_exited_" + stage.id(), "Date exited" + suffix, "datetime", "date"));
                    properties.add(calculated("hs_v2_latest_time_in_" + stage.id(), "Latest time in" + suffix, "number", "number"));
                    properties.add(calculated("hs_v2_cumulative_time_in_" + stage.id(), "Cumulative time in" + suffix, "number", "number"));
                }
            }
        }
        return properties;
    }

    static List<ObjectNode> contacts(List<OwnerSpec> owners) {
        List<ObjectNode> properties = new ArrayList<>();
        properties.add(property("firstname", "First Name", "string", "text", "contactinformation"));
        properties.add(property("lastname", "Last Name", "string", "text", "contactinformation"));
        properties.add(property("email", "Email", "string", "text", "contactinformation"));
        properties.add(property("createdate", "Create Date", "datetime", "date", "contactinformation"));
        ObjectNode lifecycle = property("lifecyclestage", "Lifecycle Stage", "enumeration", "radio", "contactinformation");
        String[][] stages = {{"Subscriber", "subscriber"}, {"Lead", "lead"}, {"Marketing Qualified Lead", "marketingqualifiedlead"},
            {"Sales Qualified Lead", "salesqualifiedlead"}, {"Opportunity", "opportunity"}, {"Customer", "customer"},
            {"Evangelist", "evangelist"}, {"Other", "other"}};
        for (int i = 0; i < stages.length; i++) {
            option(lifecycle, stages[i][0], stages[i][1], i);
        }
        properties.add(lifecycle);
        ObjectNode status = property("hs_lead_status", "Lead Status", "enumeration", "radio", "sales_properties");
        String[][] statuses = {{"New", "NEW"}, {"Open", "OPEN"}, {"In Progress", "IN_PROGRESS"}, {"Open Deal", "OPEN_DEAL"},
            {"Unqualified", "UNQUALIFIED"}, {"Attempted to Contact", "ATTEMPTED_TO_CONTACT"}, {"Connected", "CONNECTED"},
            {"Bad Timing", "BAD_TIMING"}};
        for (int i = 0; i < statuses.length; i++) {
            option(status, statuses[i][0], statuses[i][1], i);
        }
        properties.add(status);
        properties.add(ownerProperty(owners, "contactinformation"));
        return properties;
    }

    static List<ObjectNode> companies(List<OwnerSpec> owners) {
        List<ObjectNode> properties = new ArrayList<>();
        properties.add(property("name", "Company name", "string", "text", "companyinformation"));
        properties.add(property("domain", "Company Domain Name", "string", "text", "companyinformation"));
        properties.add(property("industry", "Industry", "enumeration", "select", "companyinformation"));
        properties.add(property("numberofemployees", "Number of Employees", "number", "number", "companyinformation"));
        properties.add(property("annualrevenue", "Annual Revenue", "number", "number", "companyinformation"));
        properties.add(ownerProperty(owners, "companyinformation"));
        return properties;
    }

    private static ObjectNode ownerProperty(List<OwnerSpec> owners, String group) {
        ObjectNode owner = property("hubspot_owner_id", "Owner", "enumeration", "select", group);
        int order = 0;
        for (OwnerSpec spec : owners) {
            if (!spec.archived()) {
                String name = ((spec.firstName() == null ? "" : spec.firstName()) + " " + (spec.lastName() == null ? "" : spec.lastName())).trim();
                option(owner, name.isEmpty() ? spec.email() : name, spec.id(), order++);
            }
        }
        return owner;
    }

    private static ObjectNode property(String name, String label, String type, String fieldType, String group) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", name).put("label", label).put("type", type).put("fieldType", fieldType).put("groupName", group);
        return complete(node, true);
    }

    private static ObjectNode calculated(String name, String label, String type, String fieldType) {
        ObjectNode node = property(name, label, type, fieldType, "deal_activity");
        node.put("calculated", true);
        ((ObjectNode) node.get("modificationMetadata")).put("readOnlyValue", true);
        return node;
    }

    private static ObjectNode option(ObjectNode property, String label, String value, int displayOrder) {
        return ((ArrayNode) property.get("options")).addObject().put("label", label).put("value", value)
                .put("displayOrder", displayOrder).put("hidden", false);
    }

    /** Adds the fields HubSpot always sends that a description left out. */
    static ObjectNode complete(ObjectNode node, boolean hubspotDefined) {
        ObjectNode complete = JSON.createObjectNode();
        complete.put("updatedAt", CREATED).put("createdAt", CREATED).put("name", "").put("label", "")
                .put("type", "string").put("fieldType", "text").put("description", "").put("groupName", "dealinformation");
        complete.putArray("options");
        complete.put("displayOrder", -1).put("calculated", false).put("externalOptions", false).put("hasUniqueValue", false)
                .put("hidden", false).put("hubspotDefined", hubspotDefined);
        complete.putObject("modificationMetadata").put("archivable", !hubspotDefined).put("readOnlyDefinition", hubspotDefined)
                .put("readOnlyValue", false);
        complete.put("formField", true).put("dataSensitivity", "non_sensitive").put("archived", false);
        complete.setAll(node);
        return complete;
    }
}
