package dev.l2o.hubspot.simulator;

import static dev.l2o.hubspot.simulator.PortalReplies.CREATED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The v4 automation endpoints: {@code GET /automation/v4/flows} (listings without actions), {@code GET
 * /automation/v4/flows/{id}} and {@code POST /automation/v4/flows/batch/read}. Described flows are completed
 * with the fields HubSpot always sends. Thread-safe.
 */
final class FlowResponder {
    private static final List<String> LISTING_FIELDS =
            List.of("createdAt", "flowType", "id", "isEnabled", "objectTypeId", "revisionId", "updatedAt", "name");

    private final List<ObjectNode> flows;
    private final PortalReplies replies;

    FlowResponder(List<ObjectNode> described, PortalReplies replies) {
        this.replies = replies;
        this.flows = described.stream().map(this::complete).toList();
    }

    private ObjectNode complete(ObjectNode described) {
        ObjectNode flow = described.deepCopy();
        String objectTypeId = flow.path("objectTypeId").asText("0-3");
        ObjectNode complete = replies.object();
        complete.put("type", objectTypeId.equals("0-1") ? "CONTACT_FLOW" : "PLATFORM_FLOW");
        complete.put("id", flow.path("id").asText());
        complete.put("isEnabled", false).put("flowType", "WORKFLOW").put("revisionId", "1");
        complete.put("createdAt", CREATED.toString()).put("updatedAt", CREATED.toString());
        complete.put("startActionId", "1").put("nextAvailableActionId", String.valueOf(flow.path("actions").size() + 1));
        complete.putArray("actions");
        complete.putArray("timeWindows");
        complete.putArray("blockedDates");
        complete.putObject("customProperties");
        complete.putArray("dataSources");
        complete.put("crmObjectCreationStatus", "COMPLETE");
        complete.put("objectTypeId", objectTypeId);
        complete.setAll(flow);
        return complete;
    }

    PortalReply list(RouteTable.Request request) {
        int limit = request.intParameter("limit", 100);
        if (limit < 1 || limit > 100) {
            return replies.validation("limit must be between 1 and 100");
        }
        return replies.page(flows.size(), limit, request.parameter("after"), i -> {
            ObjectNode flow = flows.get(i);
            ObjectNode listing = replies.object();
            for (String field : LISTING_FIELDS) {
                if (flow.has(field)) {
                    listing.set(field, flow.get(field));
                }
            }
            listing.put("uuid", UUID.nameUUIDFromBytes(flow.path("id").asText().getBytes(StandardCharsets.UTF_8)).toString());
            return listing;
        });
    }

    /** One flow by the id in the path's first group. */
    PortalReply one(RouteTable.Request request) {
        String id = request.path().group(1);
        return find(id).<PortalReply>map(replies::ok).orElseGet(() -> replies.error(404, "OBJECT_NOT_FOUND", "Flow " + id + " not found"));
    }

    PortalReply batch(RouteTable.Request request) {
        JsonNode body = replies.readBody(request.body());
        if (body == null || !body.path("inputs").isArray()) {
            return replies.validation("inputs is required");
        }
        List<JsonNode> results = new ArrayList<>();
        for (JsonNode input : body.path("inputs")) {
            find(input.path("flowId").asText()).ifPresent(results::add);
        }
        return replies.batch(results, List.of());
    }

    private Optional<ObjectNode> find(String id) {
        return flows.stream().filter(f -> f.path("id").asText().equals(id)).findFirst();
    }
}
