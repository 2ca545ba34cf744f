package dev.l2o.hubspot.simulator;

import static dev.l2o.hubspot.simulator.PortalReplies.CREATED;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.hubspot.simulator.PortalDescription.PipelineSpec;
import dev.l2o.hubspot.simulator.PortalDescription.StageSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code GET /crm/v3/pipelines/deals}: the deal pipelines and their stages. Thread-safe. */
final class PipelineResponder {
    private final List<PipelineSpec> pipelines;
    private final PortalReplies replies;

    PipelineResponder(List<PipelineSpec> pipelines, PortalReplies replies) {
        this.pipelines = List.copyOf(pipelines);
        this.replies = replies;
    }

    PortalReply deals(RouteTable.Request request) {
        ObjectNode root = replies.object();
        ArrayNode results = root.putArray("results");
        for (PipelineSpec pipeline : pipelines) {
            boolean standard = pipeline.id().equals("default");
            ObjectNode node = results.addObject();
            node.put("label", pipeline.label()).put("displayOrder", pipeline.displayOrder()).put("id", pipeline.id());
            ArrayNode stages = node.putArray("stages");
            for (StageSpec stage : pipeline.stages()) {
                ObjectNode s = stages.addObject();
                s.put("label", stage.label()).put("displayOrder", stage.displayOrder());
                // HubSpot sends deal stage metadata as strings
                s.putObject("metadata").put("isClosed", String.valueOf(stage.closed())).put("probability", String.valueOf(stage.probability()));
                s.put("id", stage.id()).put("createdAt", (standard ? Instant.EPOCH : CREATED).toString())
                        .put("updatedAt", CREATED.toString()).put("archived", stage.archived());
                if (stage.archived()) {
                    s.put("archivedAt", CREATED.plus(Duration.ofDays(200)).toString());
                }
                s.put("writePermissions", "CRUD_ALL");
            }
            node.put("createdAt", (standard ? Instant.EPOCH : CREATED).toString()).put("updatedAt", CREATED.toString()).put("archived", false);
        }
        return replies.ok(root);
    }
}
