package dev.l2o.salesforce.simulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a responder answers, before the engine adds limit headers and faults. */
record SimulatorResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    SimulatorResponse {
        headers = new LinkedHashMap<>(headers);
    }

    static SimulatorResponse of(int status, String contentType, String body) {
        return new SimulatorResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static SimulatorResponse json(int status, String body) {
        return of(status, "application/json;charset=UTF-8", body);
    }

    static SimulatorResponse xml(int status, byte[] body) {
        return new SimulatorResponse(status, "text/xml;charset=UTF-8", body, Map.of());
    }

    /** A REST error body as Salesforce writes it: a JSON array of {@code {message, errorCode}}. */
    static SimulatorResponse restError(int status, String errorCode, String message) {
        return json(status, "[{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"errorCode\":\""
                + errorCode + "\"}]");
    }

    SimulatorResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimulatorResponse(status, contentType, body, copy);
    }
}
