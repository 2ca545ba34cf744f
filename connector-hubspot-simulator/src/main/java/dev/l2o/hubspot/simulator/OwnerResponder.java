package dev.l2o.hubspot.simulator;

import static dev.l2o.hubspot.simulator.PortalReplies.CREATED;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.hubspot.simulator.PortalDescription.OwnerSpec;
import dev.l2o.hubspot.simulator.PortalDescription.TeamSpec;
import java.util.List;

/** {@code GET /crm/v3/owners}: active or archived owners, 100 a page by default, at most 500. Thread-safe. */
final class OwnerResponder {
    private final List<OwnerSpec> owners;
    private final PortalReplies replies;

    OwnerResponder(List<OwnerSpec> owners, PortalReplies replies) {
        this.owners = List.copyOf(owners);
        this.replies = replies;
    }

    PortalReply list(RouteTable.Request request) {
        int limit = request.intParameter("limit", 100);
        if (limit < 1 || limit > 500) {
            return replies.validation("limit must be between 1 and 500");
        }
        boolean archived = "true".equals(request.parameter("archived"));
        List<OwnerSpec> selected = owners.stream().filter(o -> o.archived() == archived).toList();
        return replies.page(selected.size(), limit, request.parameter("after"), i -> owner(selected.get(i)));
    }

    private ObjectNode owner(OwnerSpec owner) {
        ObjectNode node = replies.object();
        node.put("id", owner.id()).put("email", owner.email()).put("type", owner.type())
                .put("firstName", owner.firstName()).put("lastName", owner.lastName());
        if (owner.userId() != null) {
            node.put("userId", owner.userId()).put("userIdIncludingInactive", owner.userId());
        }
        node.put("createdAt", CREATED.toString()).put("updatedAt", CREATED.toString()).put("archived", owner.archived());
        ArrayNode teams = node.putArray("teams");
        for (TeamSpec team : owner.teams()) {
            teams.addObject().put("id", team.id()).put("name", team.name()).put("primary", team.primary());
        }
        return node;
    }
}
