package dev.l2o.salesforce.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a responder answers, before the engine adds limit headers and faults. */
record SimulatorResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    private static final ObjectMapper JSON = new ObjectMapper();

    SimulatorResponse {
        headers = new LinkedHashMap<>(headers);
    }

    static SimulatorResponse of(int status, String contentType, String body) {
        return new SimulatorResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** {@code body} written by Jackson, so that every value is escaped. */
    static SimulatorResponse json(int status, JsonNode body) {
        try {
            return new SimulatorResponse(status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(body), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that Jackson cannot write", e);
        }
    }

    /** A new JSON object to fill and pass to {@link #json}. */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A new JSON array to fill and pass to {@link #json}. */
    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    static SimulatorResponse xml(int status, byte[] body) {
        return new SimulatorResponse(status, "text/xml;charset=UTF-8", body, Map.of());
    }

    /** A REST error body as Salesforce writes it: a JSON array of {@code {message, errorCode}}. */
    static SimulatorResponse restError(int status, String errorCode, String message) {
        ArrayNode errors = array();
        errors.addObject().put("message", message).put("errorCode", errorCode);
        return json(status, errors);
    }

    SimulatorResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimulatorResponse(status, contentType, body, copy);
    }
}
