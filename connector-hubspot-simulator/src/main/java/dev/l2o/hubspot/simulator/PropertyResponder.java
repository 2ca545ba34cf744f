package dev.l2o.hubspot.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.hubspot.simulator.PortalDescription.PipelineSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /crm/v3/properties/{object}}: HubSpot's standard properties of deals, contacts and companies,
 * with the portal's own properties added or overriding them by name. Thread-safe.
 */
final class PropertyResponder {
    private final Map<String, Map<String, ObjectNode>> byObject;
    private final PortalReplies replies;

    PropertyResponder(PortalDescription portal, List<PipelineSpec> pipelines, boolean stageDateProperties, PortalReplies replies) {
        this.byObject = Map.of(
                "deals", properties(StandardProperties.deals(pipelines, portal.owners(), stageDateProperties), portal.dealProperties()),
                "contacts", properties(StandardProperties.contacts(portal.owners()), portal.contactProperties()),
                "companies", properties(StandardProperties.companies(portal.owners()), portal.companyProperties()));
        this.replies = replies;
    }

    private static Map<String, ObjectNode> properties(List<ObjectNode> standard, List<ObjectNode> described) {
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        standard.forEach(p -> byName.put(p.path("name").asText(), p));
        described.forEach(p -> byName.put(p.path("name").asText(), StandardProperties.complete(p.deepCopy(), false)));
        return byName;
    }

    /** The property names of {@code object} ({@code deals}, {@code contacts}, {@code companies}). */
    Set<String> names(String object) {
        return byObject.get(object).keySet();
    }

    /** The responder for the properties of {@code object}. */
    PortalReply list(String object, RouteTable.Request request) {
        return replies.results(byObject.get(object).values());
    }
}
