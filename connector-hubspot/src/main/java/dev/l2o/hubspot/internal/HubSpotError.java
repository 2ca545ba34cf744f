package dev.l2o.hubspot.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * HubSpot's error body: {@code {status:"error", message, correlationId, category, subCategory?, errors?[{message,
 * context}], policyName? (429)}} (spec {@code Error}; 429 bodies per the API usage guidelines). Missing scopes
 * arrive as {@code category: MISSING_SCOPES} with the needed scopes in {@code errors[].context} under
 * {@code requiredGranularScopes}, {@code requiredScopes} or {@code missingScopes} (seen in public issue threads,
 * e.g. hubspot-api-nodejs#268).
 *
 * @param message HubSpot's message, or empty
 * @param category the category ({@code INVALID_AUTHENTICATION}, {@code MISSING_SCOPES}, {@code RATE_LIMITS}, …), or empty
 * @param policyName the rate-limit policy of a 429 ({@code DAILY}, {@code TEN_SECONDLY_ROLLING}), or empty
 * @param correlationId the id HubSpot support asks for, or empty
 * @param scopes the scopes the error says are needed, sorted
 */
record HubSpotError(String message, String category, String policyName, String correlationId, List<String> scopes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    HubSpotError {
        scopes = List.copyOf(scopes);
    }

    static HubSpotError parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            root = JSON.createObjectNode();
        }
        if (root == null || !root.isObject()) {
            root = JSON.createObjectNode();
        }
        TreeSet<String> scopes = new TreeSet<>();
        for (JsonNode error : root.path("errors")) {
            JsonNode context = error.path("context");
            for (String key : List.of("requiredGranularScopes", "requiredScopes", "missingScopes")) {
                for (JsonNode scope : context.path(key)) {
                    scopes.add(scope.asText());
                }
            }
        }
        return new HubSpotError(root.path("message").asText(""), root.path("category").asText(""),
                root.path("policyName").asText(""), root.path("correlationId").asText(""), new ArrayList<>(scopes));
    }

    boolean isDailyLimit() {
        return policyName.equals("DAILY");
    }
}
