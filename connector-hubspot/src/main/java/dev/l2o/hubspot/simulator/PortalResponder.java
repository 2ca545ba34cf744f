package dev.l2o.hubspot.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.hubspot.simulator.PortalDescription.ContactSpec;
import dev.l2o.hubspot.simulator.PortalDescription.DealSpec;
import dev.l2o.hubspot.simulator.PortalDescription.HistoryEntry;
import dev.l2o.hubspot.simulator.PortalDescription.OwnerSpec;
import dev.l2o.hubspot.simulator.PortalDescription.PipelineSpec;
import dev.l2o.hubspot.simulator.PortalDescription.StageSpec;
import dev.l2o.hubspot.simulator.PortalDescription.TeamSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Answers requests the way a HubSpot portal does: the v3 pipelines, properties, owners and objects endpoints
 * and the v4 flows endpoints in HubSpot's response shapes, cursor paging with {@code after}, page-size limits
 * (100, 50 with {@code propertiesWithHistory}, 400 above), bearer authentication, scopes (403
 * {@code MISSING_SCOPES}), the rolling burst limit and the daily limit (429 with {@code policyName}),
 * {@code X-HubSpot-RateLimit-*} and {@code X-HubSpot-Correlation-Id} headers, 414 for over-long URLs, and
 * injected faults. Independent of the HTTP server so it can be tested directly. Thread-safe.
 */
final class PortalResponder {
    /** HubSpot answers 414 somewhere above 8–16 k characters of request line. */
    static final int MAX_URL_LENGTH = 12_000;
    private static final Instant CREATED = Instant.parse("2023-03-01T09:00:00Z");
    private static final Pattern FLOW_PATH = Pattern.compile("/automation/v4/flows/(\\d+)");
    private static final Pattern PROPERTIES_PATH = Pattern.compile("/crm/v3/properties/(deals|contacts|companies|0-3|0-1|0-2)");

    /** One response: status, headers, body, or a network fault, after an optional delay. */
    record Reply(int status, Map<String, String> headers, String body, FaultKind fault, Duration delay) {}

    /** One request as received, for tests that check what a client sent. */
    record Received(String method, String path, String query) {}

    private final ObjectMapper json = new ObjectMapper();
    private final PortalDescription portal;
    private final SimulatorOptions options;
    private final LongSupplier nanoClock;
    private final DealSource deals;
    private final ContactSource contacts;
    private final List<PipelineSpec> pipelines;
    private final Map<String, ObjectNode> dealProperties;
    private final Map<String, ObjectNode> contactProperties;
    private final Map<String, ObjectNode> companyProperties;
    private final List<ObjectNode> flows;
    private final Map<String, Deque<Long>> windows = new HashMap<>();
    private final AtomicLong dailyUsed = new AtomicLong();
    private final AtomicLong correlation = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong faultsInjected = new AtomicLong();
    private final List<AtomicInteger> faultMatches = new ArrayList<>();
    private final List<Received> received = new ArrayList<>();

    PortalResponder(PortalDescription portal, SimulatorOptions options, LongSupplier nanoClock) {
        this.portal = portal;
        this.options = options;
        this.nanoClock = nanoClock;
        this.deals = new DealSource(portal);
        this.contacts = new ContactSource(portal);
        this.pipelines = portal.effectivePipelines();
        this.dealProperties = properties(StandardProperties.deals(pipelines, portal.owners(), options.stageDateProperties()), portal.dealProperties());
        this.contactProperties = properties(StandardProperties.contacts(portal.owners()), portal.contactProperties());
        this.companyProperties = properties(StandardProperties.companies(portal.owners()), portal.companyProperties());
        this.flows = portal.flows().stream().map(this::completeFlow).toList();
        options.faults().forEach(f -> faultMatches.add(new AtomicInteger()));
    }

    private static Map<String, ObjectNode> properties(List<ObjectNode> standard, List<ObjectNode> described) {
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        standard.forEach(p -> byName.put(p.path("name").asText(), p));
        described.forEach(p -> byName.put(p.path("name").asText(), StandardProperties.complete(p.deepCopy(), false)));
        return byName;
    }

    long rateLimited() {
        return rateLimited.get();
    }

    long faultsInjected() {
        return faultsInjected.get();
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    Reply respond(String method, String url, String authorization, String body) {
        HttpUrl parsed = HttpUrl.parse("http://simulator" + url);
        String path = parsed == null ? url : parsed.encodedPath();
        synchronized (this) {
            received.add(new Received(method, path, parsed == null ? null : parsed.query()));
        }
        Reply fault = fault(path);
        if (fault != null && fault.fault() != FaultKind.TRUNCATED_BODY && fault.fault() != FaultKind.SLOW_RESPONSE) {
            return fault;
        }
        Reply normal = normal(method, url, path, parsed, authorization, body);
        return fault == null ? normal : new Reply(normal.status(), normal.headers(), normal.body(), fault.fault(), fault.delay());
    }

    private Reply normal(String method, String url, String path, HttpUrl parsed, String authorization, String body) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : "";
        if (token.isEmpty() || !options.acceptedTokens().isEmpty() && !options.acceptedTokens().contains(token)) {
            return error(401, "INVALID_AUTHENTICATION", "Authentication credentials not found. This API supports OAuth 2.0 authentication"
                    + " and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview", null);
        }
        Reply limited = rateLimit(token);
        if (limited != null) {
            return limited;
        }
        if (url.length() > MAX_URL_LENGTH) {
            return new Reply(414, headers(token), "<html><body><h1>414 Request-URI Too Large</h1></body></html>", null, Duration.ZERO);
        }
        return withLimitHeaders(route(method, path, parsed, body), token);
    }

    private Reply fault(String path) {
        for (int i = 0; i < options.faults().size(); i++) {
            FaultRule rule = options.faults().get(i);
            if (!rule.path().matcher(path).matches()) {
                continue;
            }
            if (!rule.appliesTo(faultMatches.get(i).getAndIncrement())) {
                continue;
            }
            faultsInjected.incrementAndGet();
            return switch (rule.kind()) {
                case SERVER_ERROR -> error(500, "INTERNAL_ERROR", "internal error", null);
                case BAD_GATEWAY -> new Reply(502, Map.of("Content-Type", "text/html"), "<html><body>502 Bad Gateway</body></html>", null, Duration.ZERO);
                case SERVICE_UNAVAILABLE -> error(503, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable", null);
                case CONNECTION_RESET, EMPTY_RESPONSE, TRUNCATED_BODY, SLOW_RESPONSE ->
                        new Reply(0, Map.of(), null, rule.kind(), rule.delay());
                case EXPIRED_TOKEN -> error(401, "INVALID_AUTHENTICATION", "The OAuth token used to make this call expired", null);
                case DAILY_LIMIT -> tooMany("DAILY", "You have reached your daily limit.", "");
                case BURST_LIMIT -> tooMany("TEN_SECONDLY_ROLLING", "You have reached your ten_secondly_rolling limit.", "");
            };
        }
        return null;
    }

    /**
     * The rolling burst window per token and the daily budget. Rejected requests count towards the daily
     * budget (HubSpot asks that errors stay under 5 % of calls) but not the burst window, so a client that
     * backs off recovers.
     */
    private synchronized Reply rateLimit(String token) {
        if (dailyUsed.get() >= options.dailyLimit()) {
            rateLimited.incrementAndGet();
            return tooMany("DAILY", "You have reached your daily limit.", token);
        }
        dailyUsed.incrementAndGet();
        Deque<Long> window = windows.computeIfAbsent(token, t -> new ArrayDeque<>());
        long now = nanoClock.getAsLong();
        long windowNanos = options.rateWindow().toNanos();
        while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
            window.pollFirst();
        }
        if (window.size() >= options.rateLimit()) {
            rateLimited.incrementAndGet();
            Reply reply = tooMany("TEN_SECONDLY_ROLLING", "You have reached your ten_secondly_rolling limit.", token);
            if (options.retryAfter()) {
                long waitNanos = windowNanos - (now - window.peekFirst());
                reply.headers().put("Retry-After", String.valueOf(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L)));
            }
            return reply;
        }
        window.addLast(now);
        return null;
    }

    private Reply tooMany(String policy, String message, String token) {
        ObjectNode body = json.createObjectNode();
        body.put("status", "error").put("message", message).put("errorType", "RATE_LIMIT")
                .put("correlationId", nextCorrelationId()).put("policyName", policy).put("requestId", UUID.randomUUID().toString());
        return new Reply(429, withLimitHeaders(headers(token), token), write(body), null, Duration.ZERO);
    }

    private Map<String, String> headers(String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json;charset=utf-8");
        headers.put("X-HubSpot-Correlation-Id", nextCorrelationId());
        return headers;
    }

    private Reply withLimitHeaders(Reply reply, String token) {
        withLimitHeaders(reply.headers(), token);
        return reply;
    }

    private synchronized Map<String, String> withLimitHeaders(Map<String, String> headers, String token) {
        Deque<Long> window = windows.getOrDefault(token, new ArrayDeque<>());
        long seconds = Math.max(1, options.rateWindow().toSeconds());
        headers.put("X-HubSpot-RateLimit-Max", String.valueOf(options.rateLimit()));
        headers.put("X-HubSpot-RateLimit-Remaining", String.valueOf(Math.max(0, options.rateLimit() - window.size())));
        headers.put("X-HubSpot-RateLimit-Interval-Milliseconds", String.valueOf(options.rateWindow().toMillis()));
        headers.put("X-HubSpot-RateLimit-Daily", String.valueOf(options.dailyLimit()));
        headers.put("X-HubSpot-RateLimit-Daily-Remaining", String.valueOf(Math.max(0, options.dailyLimit() - dailyUsed.get())));
        headers.put("X-HubSpot-RateLimit-Secondly", String.valueOf(Math.max(1, options.rateLimit() / seconds)));
        headers.put("X-HubSpot-RateLimit-Secondly-Remaining", String.valueOf(Math.max(0, (options.rateLimit() - window.size()) / seconds)));
        return headers;
    }

    private Reply route(String method, String path, HttpUrl url, String body) {
        Optional<String> scope = EndpointScopes.required(method, path);
        if (scope.isPresent() && options.grantedScopes() != null && !options.grantedScopes().contains(scope.get())) {
            return missingScope(scope.get());
        }
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        if (get && path.equals("/crm/v3/pipelines/deals")) {
            return pipelines();
        }
        Matcher properties = PROPERTIES_PATH.matcher(path);
        if (get && properties.matches()) {
            String object = switch (properties.group(1)) {
                case "0-3", "deals" -> "deals";
                case "0-1", "contacts" -> "contacts";
                default -> "companies";
            };
            Map<String, ObjectNode> list = switch (object) {
                case "deals" -> dealProperties;
                case "contacts" -> contactProperties;
                default -> companyProperties;
            };
            return results(list.values());
        }
        if (get && path.equals("/crm/v3/owners")) {
            return owners(url);
        }
        if (get && path.equals("/automation/v4/flows")) {
            return flowListing(url);
        }
        Matcher flow = FLOW_PATH.matcher(path);
        if (get && flow.matches()) {
            return flows.stream().filter(f -> f.path("id").asText().equals(flow.group(1))).findFirst()
                    .map(f -> ok(f)).orElseGet(() -> error(404, "OBJECT_NOT_FOUND", "Flow " + flow.group(1) + " not found", null));
        }
        if (post && path.equals("/automation/v4/flows/batch/read")) {
            return flowBatch(body);
        }
        if (get && (path.equals("/crm/v3/objects/deals") || path.equals("/crm/v3/objects/0-3"))) {
            return dealList(url);
        }
        if (get && (path.equals("/crm/v3/objects/contacts") || path.equals("/crm/v3/objects/0-1"))) {
            return contactList(url);
        }
        if (post && (path.equals("/crm/v3/objects/deals/batch/read") || path.equals("/crm/v3/objects/0-3/batch/read"))) {
            return dealBatch(body);
        }
        if (!get) {
            return error(405, "METHOD_NOT_ALLOWED", "The simulated portal is read-only: " + method + " " + path + " is not served", null);
        }
        return error(404, "OBJECT_NOT_FOUND", "resource not found: " + path, null);
    }

    /** HubSpot's 403 for a token without {@code scope}: category {@code MISSING_SCOPES}, the scope in {@code errors[].context}. */
    private Reply missingScope(String scope) {
        ObjectNode body = errorBody("MISSING_SCOPES", "This app hasn't been granted all required scopes to make this call."
                + " Read more about required scopes here: https://developers.hubspot.com/scopes.");
        ObjectNode detail = body.putArray("errors").addObject();
        detail.put("message", "One or more of the following scopes are required.");
        detail.putObject("context").putArray("requiredGranularScopes").add(scope);
        body.putObject("links").put("scopes", "https://developers.hubspot.com/scopes");
        return new Reply(403, headers(""), write(body), null, Duration.ZERO);
    }

    private Reply pipelines() {
        ArrayNode results = json.createArrayNode();
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
        ObjectNode root = json.createObjectNode();
        root.set("results", results);
        return ok(root);
    }

    private Reply owners(HttpUrl url) {
        int limit = intParameter(url, "limit", 100);
        if (limit < 1 || limit > 500) {
            return validation("limit must be between 1 and 500");
        }
        boolean archived = "true".equals(url.queryParameter("archived"));
        List<OwnerSpec> selected = portal.owners().stream().filter(o -> o.archived() == archived).toList();
        return page(selected.size(), limit, url.queryParameter("after"), i -> owner(selected.get(i)));
    }

    private ObjectNode owner(OwnerSpec owner) {
        ObjectNode node = json.createObjectNode();
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

    private ObjectNode completeFlow(ObjectNode described) {
        ObjectNode flow = described.deepCopy();
        String objectTypeId = flow.path("objectTypeId").asText("0-3");
        ObjectNode complete = json.createObjectNode();
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

    private Reply flowListing(HttpUrl url) {
        int limit = intParameter(url, "limit", 100);
        if (limit < 1 || limit > 100) {
            return validation("limit must be between 1 and 100");
        }
        return page(flows.size(), limit, url.queryParameter("after"), i -> {
            ObjectNode flow = flows.get(i);
            ObjectNode listing = json.createObjectNode();
            for (String field : List.of("createdAt", "flowType", "id", "isEnabled", "objectTypeId", "revisionId", "updatedAt", "name")) {
                if (flow.has(field)) {
                    listing.set(field, flow.get(field));
                }
            }
            listing.put("uuid", UUID.nameUUIDFromBytes(flow.path("id").asText().getBytes(StandardCharsets.UTF_8)).toString());
            return listing;
        });
    }

    private Reply flowBatch(String body) {
        JsonNode request = readBody(body);
        if (request == null || !request.path("inputs").isArray()) {
            return validation("inputs is required");
        }
        List<JsonNode> results = new ArrayList<>();
        for (JsonNode input : request.path("inputs")) {
            String id = input.path("flowId").asText();
            flows.stream().filter(f -> f.path("id").asText().equals(id)).findFirst().ifPresent(results::add);
        }
        return batch(results, List.of());
    }

    /**
     * {@code GET /crm/v3/objects/deals}: default page size 10, at most 100, at most 50 with
     * {@code propertiesWithHistory} (a larger limit is a 400).
     */
    private Reply dealList(HttpUrl url) {
        List<String> withHistory = csv(url.queryParameter("propertiesWithHistory"));
        int limit = intParameter(url, "limit", 10);
        Reply invalid = invalidListLimit(limit, withHistory);
        if (invalid != null) {
            return invalid;
        }
        List<String> properties = requestedProperties(url.queryParameter("properties"));
        return page(deals.size(), limit, url.queryParameter("after"), i -> deal(deals.deal(i), properties, withHistory));
    }

    /**
     * {@code GET /crm/v3/objects/contacts}: the same page limits as deals; properties default to HubSpot's
     * contact defaults, and {@code lifecyclestage} history is the only history a contact holds here.
     */
    private Reply contactList(HttpUrl url) {
        List<String> withHistory = csv(url.queryParameter("propertiesWithHistory"));
        int limit = intParameter(url, "limit", 10);
        Reply invalid = invalidListLimit(limit, withHistory);
        if (invalid != null) {
            return invalid;
        }
        Set<String> properties = new LinkedHashSet<>();
        List<String> requested = csv(url.queryParameter("properties"));
        if (requested.isEmpty()) {
            properties.addAll(List.of("email", "firstname", "lastname"));
        } else {
            requested.stream().filter(contactProperties::containsKey).forEach(properties::add);
        }
        properties.addAll(List.of("createdate", "lastmodifieddate", "hs_object_id"));
        return page(contacts.size(), limit, url.queryParameter("after"), i -> contact(contacts.contact(i), properties, withHistory));
    }

    /** The 400 HubSpot answers for a list page size outside 1–100, or above 50 with {@code propertiesWithHistory}; null when valid. */
    private Reply invalidListLimit(int limit, List<String> withHistory) {
        int max = withHistory.isEmpty() ? 100 : 50;
        if (limit < 1 || limit > max) {
            return validation(withHistory.isEmpty() ? "limit must be between 1 and 100"
                    : "limit must be between 1 and 50 when propertiesWithHistory is requested");
        }
        return null;
    }

    private ObjectNode contact(ContactSpec contact, Set<String> properties, List<String> withHistory) {
        List<HistoryEntry> history = contact.lifecycleHistory().stream().sorted(Comparator.comparing(HistoryEntry::timestamp)).toList();
        Map<String, String> values = new HashMap<>(contact.properties());
        if (!history.isEmpty()) {
            values.putIfAbsent("lifecyclestage", history.get(history.size() - 1).stage());
            values.putIfAbsent("createdate", history.get(0).timestamp().toString());
            values.putIfAbsent("lastmodifieddate", history.get(history.size() - 1).timestamp().toString());
        }
        values.putIfAbsent("createdate", CREATED.toString());
        values.putIfAbsent("lastmodifieddate", values.get("createdate"));
        values.put("hs_object_id", contact.id());
        ObjectNode node = json.createObjectNode();
        node.put("id", contact.id());
        ObjectNode props = node.putObject("properties");
        for (String property : properties) {
            props.put(property, values.get(property));
        }
        if (withHistory.contains("lifecyclestage")) {
            historyArray(node.putObject("propertiesWithHistory").putArray("lifecyclestage"), contact.lifecycleHistory());
        }
        node.put("createdAt", values.get("createdate")).put("updatedAt", values.get("lastmodifieddate")).put("archived", false);
        return node;
    }

    /** History entries as HubSpot's {@code ValueWithTimestamp} objects, in the order held (newest first for generated records). */
    private static void historyArray(ArrayNode entries, List<HistoryEntry> history) {
        for (HistoryEntry entry : history) {
            ObjectNode e = entries.addObject();
            e.put("value", entry.stage()).put("timestamp", entry.timestamp().toString()).put("sourceType", entry.sourceType());
            if (entry.sourceId() != null) {
                e.put("sourceId", entry.sourceId());
            }
            if (entry.updatedByUserId() != null) {
                e.put("updatedByUserId", entry.updatedByUserId());
            }
        }
    }

    private Reply dealBatch(String body) {
        JsonNode request = readBody(body);
        if (request == null || !request.path("inputs").isArray()) {
            return validation("inputs is required");
        }
        List<String> withHistory = new ArrayList<>();
        request.path("propertiesWithHistory").forEach(p -> withHistory.add(p.asText()));
        int max = withHistory.isEmpty() ? 100 : 50;
        if (request.path("inputs").size() > max) {
            return validation("at most " + max + " inputs are allowed" + (withHistory.isEmpty() ? "" : " with propertiesWithHistory"));
        }
        List<String> requested = new ArrayList<>();
        request.path("properties").forEach(p -> requested.add(p.asText()));
        List<String> properties = requestedProperties(requested.isEmpty() ? null : String.join(",", requested));
        List<JsonNode> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (JsonNode input : request.path("inputs")) {
            String id = input.path("id").asText();
            int index = deals.indexOf(id);
            if (index < 0) {
                missing.add(id);
            } else {
                results.add(deal(deals.deal(index), properties, withHistory));
            }
        }
        return batch(results, missing);
    }

    private List<String> requestedProperties(String parameter) {
        Set<String> names = new LinkedHashSet<>();
        List<String> requested = csv(parameter);
        if (requested.isEmpty()) {
            names.addAll(List.of("amount", "closedate", "dealname", "dealstage", "pipeline"));
        } else {
            requested.stream().filter(dealProperties::containsKey).forEach(names::add);
        }
        names.addAll(List.of("createdate", "hs_lastmodifieddate", "hs_object_id"));
        return List.copyOf(names);
    }

    private ObjectNode deal(DealSpec deal, List<String> properties, List<String> withHistory) {
        List<HistoryEntry> history = deal.stageHistory().stream().sorted(Comparator.comparing(HistoryEntry::timestamp)).toList();
        Map<String, String> values = new HashMap<>(deal.properties());
        if (!history.isEmpty()) {
            values.putIfAbsent("dealstage", history.get(history.size() - 1).stage());
            values.putIfAbsent("createdate", history.get(0).timestamp().toString());
            values.putIfAbsent("hs_lastmodifieddate", history.get(history.size() - 1).timestamp().toString());
        }
        values.putIfAbsent("pipeline", pipelines.get(0).id());
        values.putIfAbsent("createdate", CREATED.toString());
        values.putIfAbsent("hs_lastmodifieddate", values.get("createdate"));
        values.put("hs_object_id", deal.id());
        if (options.stageDateProperties()) {
            values.putAll(stageDates(history));
        }
        ObjectNode node = json.createObjectNode();
        node.put("id", deal.id());
        ObjectNode props = node.putObject("properties");
        for (String property : properties) {
            props.put(property, values.get(property));
        }
        if (withHistory.contains("dealstage")) {
            // served in the order the deal holds them: newest first for generated deals, as in HubSpot's examples
            historyArray(node.putObject("propertiesWithHistory").putArray("dealstage"), deal.stageHistory());
        }
        node.put("createdAt", values.get("createdate")).put("updatedAt", values.get("hs_lastmodifieddate")).put("archived", false);
        return node;
    }

    /**
     * The per-stage calculated properties, derived from the history: the latest entry into and exit from each
     * stage, and the cumulative milliseconds of completed stays (re-entries add up).
     */
    static Map<String, String> stageDates(List<HistoryEntry> sorted) {
        Map<String, String> values = new TreeMap<>();
        Map<String, Long> cumulative = new TreeMap<>();
        String current = null;
        Instant since = null;
        for (HistoryEntry entry : sorted) {
            if (entry.stage().equals(current)) {
                continue;
            }
            if (current != null) {
                values.put("hs_v2_date_exited_" + current, entry.timestamp().toString());
                cumulative.merge(current, Duration.between(since, entry.timestamp()).toMillis(), Long::sum);
            }
            current = entry.stage();
            since = entry.timestamp();
            values.put("hs_v2_date_entered_" + current, since.toString());
        }
        cumulative.forEach((stage, millis) -> values.put("hs_v2_cumulative_time_in_" + stage, String.valueOf(millis)));
        return values;
    }

    private Reply page(int size, int limit, String after, java.util.function.IntFunction<JsonNode> item) {
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

    private Reply batch(List<JsonNode> results, List<String> missing) {
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
        Reply reply = ok(root);
        return missing.isEmpty() ? reply : new Reply(207, reply.headers(), reply.body(), null, Duration.ZERO);
    }

    private Reply results(java.util.Collection<ObjectNode> items) {
        ObjectNode root = json.createObjectNode();
        root.putArray("results").addAll(items);
        return ok(root);
    }

    private Reply ok(JsonNode body) {
        return new Reply(200, headers(""), write(body), null, Duration.ZERO);
    }

    private Reply validation(String message) {
        return error(400, "VALIDATION_ERROR", message, null);
    }

    private Reply error(int status, String category, String message, String token) {
        return new Reply(status, headers(token), write(errorBody(category, message)), null, Duration.ZERO);
    }

    private ObjectNode errorBody(String category, String message) {
        ObjectNode body = json.createObjectNode();
        body.put("status", "error").put("message", message).put("correlationId", nextCorrelationId()).put("category", category);
        return body;
    }

    private String nextCorrelationId() {
        return new UUID(portal.portalId(), correlation.incrementAndGet()).toString();
    }

    private JsonNode readBody(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int intParameter(HttpUrl url, String name, int fallback) {
        String value = url == null ? null : url.queryParameter(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> csv(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
