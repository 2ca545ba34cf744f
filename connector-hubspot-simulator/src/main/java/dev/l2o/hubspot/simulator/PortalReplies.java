package dev.l2o.hubspot.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The response shapes every endpoint family shares: JSON bodies written by Jackson, HubSpot's error body with
 * a correlation id, cursor pages, batch results, and the standard headers. Thread-safe.
 */
final class PortalReplies {
    /** When the portal's records were made, for timestamps the description does not give. */
    static final Instant CREATED = Instant.parse("2023-03-01T09:00:00Z");

    private final ObjectMapper json = new ObjectMapper();
    private final long portalId;
    private final AtomicLong correlation = new AtomicLong();

    PortalReplies(long portalId) {
        this.portalId = portalId;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    /** {@code 200} with {@code body}. */
    PortalReply ok(JsonNode body) {
        return PortalReply.of(200, headers(), write(body));
    }

    /** {@code status} with HubSpot's error body. */
    PortalReply error(int status, String category, String message) {
        Map<String, String> headers = headers();
        return PortalReply.of(status, headers, write(errorBody(category, message)));
    }

    /** {@code 400 VALIDATION_ERROR}. */
    PortalReply validation(String message) {
        return error(400, "VALIDATION_ERROR", message);
    }

    /** {@code 403 MISSING_SCOPES}, naming the scope the endpoint needs. */
    PortalReply missingScope(String scope) {
        ObjectNode body = errorBody("MISSING_SCOPES", "This app hasn't been granted all required scopes to make this call."
                + " Read more about required scopes here: https://developers.hubspot.com/scopes.");
        ObjectNode detail = body.putArray("errors").addObject();
        detail.put("message", "One or more of the following scopes are required.");
        detail.putObject("context").putArray("requiredGranularScopes").add(scope);
        body.putObject("links").put("scopes", "https://developers.hubspot.com/scopes");
        return PortalReply.of(403, headers(), write(body));
    }

    /** {@code 429 RATE_LIMIT} of {@code policy} ({@code DAILY}, {@code TEN_SECONDLY_ROLLING}), without limit headers. */
    PortalReply tooMany(String policy, String message) {
        ObjectNode body = json.createObjectNode();
        body.put("status", "error").put("message", message).put("errorType", "RATE_LIMIT")
                .put("correlationId", nextCorrelationId()).put("policyName", policy).put("requestId", UUID.randomUUID().toString());
        return PortalReply.of(429, headers(), write(body));
    }

    /** A page of {@code size} items from the {@code after} cursor, with the next cursor when more remain. */
    PortalReply page(int size, int limit, String after, IntFunction<JsonNode> item) {
        int from = 0;
        if (after != null) {
            try {
                from = Integer.parseInt(new String(Base64.getDecoder().decode(after), StandardCharsets.UTF_8).trim());
            } catch (IllegalArgumentException e) {
                return validation("after is not a valid paging cursor: " + after);
            }
        }
        ObjectNode root = json.createObjectNode();
        ArrayNode results = root.putArray("results");
        int to = Math.min(size, from + limit);
        for (int i = Math.max(0, from); i < to; i++) {
            results.add(item.apply(i));
        }
        if (to < size) {
            String cursor = Base64.getEncoder().encodeToString(String.valueOf(to).getBytes(StandardCharsets.UTF_8));
            root.putObject("paging").putObject("next").put("after", cursor).put("link", "?after=" + cursor);
        }
        return ok(root);
    }

    /** A batch read's answer: 200 when every input was found, else 207 naming the {@code missing} ids. */
    PortalReply batch(List<JsonNode> results, List<String> missing) {
        ObjectNode root = json.createObjectNode();
        root.put("status", "COMPLETE");
        root.putArray("results").addAll(results);
        if (!missing.isEmpty()) {
            root.put("numErrors", 1);
            ObjectNode error = root.putArray("errors").addObject();
            error.put("status", "error").put("category", "OBJECT_NOT_FOUND").put("message", "Could not get some objects, they may be deleted or not exist.");
            error.putObject("context").putArray("ids").addAll(missing.stream().map(json.getNodeFactory()::textNode).toList());
        }
        root.put("startedAt", CREATED.toString()).put("completedAt", CREATED.toString());
        PortalReply reply = ok(root);
        return missing.isEmpty() ? reply : reply.withStatus(207);
    }

    /** {@code {"results": [...]}} without paging. */
    PortalReply results(Collection<? extends JsonNode> items) {
        ObjectNode root = json.createObjectNode();
        root.putArray("results").addAll(items);
        return ok(root);
    }

    /** The JSON request body, or null when it is empty or not JSON. */
    JsonNode readBody(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The headers of every JSON answer: content type and a fresh correlation id. */
    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json;charset=utf-8");
        headers.put("X-HubSpot-Correlation-Id", nextCorrelationId());
        return headers;
    }

    private ObjectNode errorBody(String category, String message) {
        ObjectNode body = json.createObjectNode();
        body.put("status", "error").put("message", message).put("correlationId", nextCorrelationId()).put("category", category);
        return body;
    }

    private String nextCorrelationId() {
        return new UUID(portalId, correlation.incrementAndGet()).toString();
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
