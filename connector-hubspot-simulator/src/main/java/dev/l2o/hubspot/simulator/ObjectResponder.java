package dev.l2o.hubspot.simulator;

import static dev.l2o.hubspot.simulator.PortalReplies.CREATED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.hubspot.simulator.PortalDescription.ContactSpec;
import dev.l2o.hubspot.simulator.PortalDescription.DealSpec;
import dev.l2o.hubspot.simulator.PortalDescription.HistoryEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The CRM v3 objects endpoints: {@code GET /crm/v3/objects/deals} and {@code /contacts} (cursor pages; default
 * size 10, at most 100, at most 50 with {@code propertiesWithHistory}, a larger limit is a 400) and {@code POST
 * /crm/v3/objects/deals/batch/read} (207 naming the ids not found). Thread-safe.
 */
final class ObjectResponder {
    private static final List<String> DEFAULT_DEAL_PROPERTIES = List.of("amount", "closedate", "dealname", "dealstage", "pipeline");
    private static final List<String> DEFAULT_CONTACT_PROPERTIES = List.of("email", "firstname", "lastname");

    /** The search API answers at most this many results per query; a later page is a 400. */
    static final int SEARCH_RESULT_CAP = 10_000;
    private static final int SEARCH_PAGE_MAX = 200;

    private final DealSource deals;
    private final List<ArchivedRecord> archived;
    private volatile SearchResult lastSearch;
    private final ContactSource contacts;
    private final String defaultPipeline;
    private final boolean stageDateProperties;
    private final PropertyResponder properties;
    private final PortalReplies replies;

    /** The matches of one search query (body without {@code after}), kept so that its pages are cut from one list. */
    private record SearchResult(String query, List<ObjectNode> matches) {}

    ObjectResponder(PortalDescription portal, List<ArchivedRecord> archived, String defaultPipeline, boolean stageDateProperties,
            PropertyResponder properties, PortalReplies replies) {
        this.deals = new DealSource(portal);
        this.archived = List.copyOf(archived);
        this.contacts = new ContactSource(portal);
        this.defaultPipeline = defaultPipeline;
        this.stageDateProperties = stageDateProperties;
        this.properties = properties;
        this.replies = replies;
    }

    PortalReply deals(RouteTable.Request request) {
        if ("true".equals(request.parameter("archived"))) {
            return archivedPage("deals", request);
        }
        List<String> withHistory = request.listParameter("propertiesWithHistory");
        int limit = request.intParameter("limit", 10);
        PortalReply invalid = invalidListLimit(limit, withHistory);
        if (invalid != null) {
            return invalid;
        }
        List<String> names = dealProperties(request.listParameter("properties"));
        return replies.page(deals.size(), limit, request.parameter("after"), i -> deal(deals.deal(i), names, withHistory));
    }

    /** Properties default to HubSpot's contact defaults; {@code lifecyclestage} history is the only history a contact holds here. */
    PortalReply contacts(RouteTable.Request request) {
        if ("true".equals(request.parameter("archived"))) {
            return archivedPage("contacts", request);
        }
        List<String> withHistory = request.listParameter("propertiesWithHistory");
        int limit = request.intParameter("limit", 10);
        PortalReply invalid = invalidListLimit(limit, withHistory);
        if (invalid != null) {
            return invalid;
        }
        List<String> names = selected(request.listParameter("properties"), DEFAULT_CONTACT_PROPERTIES, "contacts",
                List.of("createdate", "lastmodifieddate", "hs_object_id"));
        return replies.page(contacts.size(), limit, request.parameter("after"), i -> contact(contacts.contact(i), names, withHistory));
    }

    PortalReply dealBatch(RouteTable.Request request) {
        return batch(request, (requested, withHistory) -> {
            List<String> names = dealProperties(requested);
            return id -> {
                int at = deals.indexOf(id);
                return at < 0 ? null : deal(deals.deal(at), names, withHistory);
            };
        });
    }

    /** {@code POST /crm/v3/objects/contacts/batch/read}, as for deals. */
    PortalReply contactBatch(RouteTable.Request request) {
        return batch(request, (requested, withHistory) -> {
            List<String> names = selected(requested, DEFAULT_CONTACT_PROPERTIES, "contacts",
                    List.of("createdate", "lastmodifieddate", "hs_object_id"));
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < contacts.size(); i++) {
                index.put(contacts.contact(i).id(), i);
            }
            return id -> index.containsKey(id) ? contact(contacts.contact(index.get(id)), names, withHistory) : null;
        });
    }

    /**
     * A batch read: {@code inputs} (at most 100, or 50 with {@code propertiesWithHistory}), each answered by the
     * lookup {@code reader} makes for the requested properties and history (null: not found, named in a 207).
     */
    private PortalReply batch(RouteTable.Request request,
            BiFunction<List<String>, List<String>, Function<String, JsonNode>> reader) {
        JsonNode body = replies.readBody(request.body());
        if (body == null || !body.path("inputs").isArray()) {
            return replies.validation("inputs is required");
        }
        List<String> withHistory = new ArrayList<>();
        body.path("propertiesWithHistory").forEach(p -> withHistory.add(p.asText()));
        int max = withHistory.isEmpty() ? 100 : 50;
        if (body.path("inputs").size() > max) {
            return replies.validation("at most " + max + " inputs are allowed" + (withHistory.isEmpty() ? "" : " with propertiesWithHistory"));
        }
        List<String> requested = new ArrayList<>();
        body.path("properties").forEach(p -> requested.add(p.asText()));
        Function<String, JsonNode> lookup = reader.apply(requested, withHistory);
        List<JsonNode> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (JsonNode input : body.path("inputs")) {
            String id = input.path("id").asText();
            JsonNode found = lookup.apply(id);
            if (found == null) {
                missing.add(id);
            } else {
                results.add(found);
            }
        }
        return replies.batch(results, missing);
    }

    /**
     * {@code POST /crm/v3/objects/{deals|contacts}/search}: {@code filterGroups} (groups OR-ed, filters in a group
     * AND-ed; operators EQ, NEQ, GT, GTE, LT, LTE on property values, numbers and ISO times compared as epoch
     * milliseconds), {@code sorts} (one property, ASCENDING or DESCENDING; default by id), {@code properties},
     * {@code limit} (1–200, default 10), {@code after} (an offset); answers {@code total}, {@code results} without
     * history and {@code paging.next.after}, and refuses to page beyond the 10,000th result, as HubSpot does.
     */
    PortalReply search(String object, RouteTable.Request request) {
        JsonNode body = replies.readBody(request.body());
        if (body == null) {
            return replies.validation("a JSON body is required");
        }
        int limit = body.path("limit").asInt(10);
        if (limit < 1 || limit > SEARCH_PAGE_MAX) {
            return replies.validation("limit must be between 1 and " + SEARCH_PAGE_MAX);
        }
        int offset;
        try {
            offset = body.hasNonNull("after") ? Integer.parseInt(body.path("after").asText()) : 0;
        } catch (NumberFormatException e) {
            return replies.validation("after is not a valid paging cursor: " + body.path("after").asText());
        }
        if (offset + limit > SEARCH_RESULT_CAP) {
            return replies.validation("the search API returns at most " + SEARCH_RESULT_CAP + " results for one query");
        }
        List<String> requested = new ArrayList<>();
        body.path("properties").forEach(p -> requested.add(p.asText()));
        ObjectNode query = body.deepCopy();
        query.remove("after");
        String key = object + query;
        SearchResult result = lastSearch;
        if (result == null || !result.query().equals(key)) {
            result = new SearchResult(key, matches(object, body, requested));
            lastSearch = result;
        }
        List<ObjectNode> matches = result.matches();
        ObjectNode root = replies.object();
        root.put("total", matches.size());
        ArrayNode results = root.putArray("results");
        int to = Math.min(matches.size(), offset + limit);
        for (int i = Math.max(0, offset); i < to; i++) {
            results.add(matches.get(i));
        }
        if (to < matches.size()) {
            root.putObject("paging").putObject("next").put("after", String.valueOf(to)).put("link", "?after=" + to);
        }
        return replies.ok(root);
    }

    private List<ObjectNode> matches(String object, JsonNode body, List<String> requested) {
        boolean isDeals = object.equals("deals");
        List<String> names = isDeals ? dealProperties(requested)
                : selected(requested, DEFAULT_CONTACT_PROPERTIES, "contacts", List.of("createdate", "lastmodifieddate", "hs_object_id"));
        List<Map<String, String>> allValues = new ArrayList<>();
        List<ObjectNode> nodes = new ArrayList<>();
        int size = isDeals ? deals.size() : contacts.size();
        for (int i = 0; i < size; i++) {
            Map<String, String> values;
            ObjectNode node;
            if (isDeals) {
                DealSpec deal = deals.deal(i);
                values = dealValues(deal, sorted(deal.stageHistory()));
                node = deal(deal, names, List.of());
            } else {
                ContactSpec contact = contacts.contact(i);
                values = contactValues(contact, sorted(contact.lifecycleHistory()));
                node = contact(contact, names, List.of());
            }
            if (SearchFilter.matches(body.path("filterGroups"), values)) {
                allValues.add(values);
                nodes.add(node);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            order.add(i);
        }
        JsonNode sort = body.path("sorts").path(0);
        Comparator<Integer> byId = Comparator.comparing(i -> Long.parseLong(nodes.get(i).path("id").asText()));
        if (sort.hasNonNull("propertyName")) {
            String property = sort.path("propertyName").asText();
            Comparator<Integer> byProperty = Comparator.comparing(i -> SearchFilter.sortKey(allValues.get(i).get(property)));
            order.sort((sort.path("direction").asText("ASCENDING").equals("DESCENDING") ? byProperty.reversed() : byProperty).thenComparing(byId));
        } else {
            order.sort(byId);
        }
        return order.stream().map(nodes::get).toList();
    }

    /** {@code GET /crm/v3/objects/{object}?archived=true}: the archived records, 100 a page. */
    private PortalReply archivedPage(String object, RouteTable.Request request) {
        int limit = request.intParameter("limit", 10);
        if (limit < 1 || limit > 100) {
            return replies.validation("limit must be between 1 and 100");
        }
        List<ArchivedRecord> ofObject = archived.stream().filter(a -> a.object().equals(object)).toList();
        return replies.page(ofObject.size(), limit, request.parameter("after"), i -> {
            ArchivedRecord record = ofObject.get(i);
            ObjectNode node = replies.object();
            node.put("id", record.id());
            node.putObject("properties").put("hs_object_id", record.id());
            node.put("createdAt", CREATED.toString()).put("updatedAt", record.archivedAt().toString())
                    .put("archived", true).put("archivedAt", record.archivedAt().toString());
            return node;
        });
    }

    /** The 400 HubSpot answers for a list page size outside 1–100, or above 50 with {@code propertiesWithHistory}; null when valid. */
    private PortalReply invalidListLimit(int limit, List<String> withHistory) {
        int max = withHistory.isEmpty() ? 100 : 50;
        if (limit < 1 || limit > max) {
            return replies.validation(withHistory.isEmpty() ? "limit must be between 1 and 100"
                    : "limit must be between 1 and 50 when propertiesWithHistory is requested");
        }
        return null;
    }

    private List<String> dealProperties(List<String> requested) {
        return selected(requested, DEFAULT_DEAL_PROPERTIES, "deals", List.of("createdate", "hs_lastmodifieddate", "hs_object_id"));
    }

    /** The requested properties the object has (its defaults when none are requested), then those HubSpot always sends. */
    private List<String> selected(List<String> requested, List<String> defaults, String object, List<String> always) {
        Set<String> names = new LinkedHashSet<>();
        if (requested.isEmpty()) {
            names.addAll(defaults);
        } else {
            requested.stream().filter(properties.names(object)::contains).forEach(names::add);
        }
        names.addAll(always);
        return List.copyOf(names);
    }

    private ObjectNode deal(DealSpec deal, List<String> names, List<String> withHistory) {
        Map<String, String> values = dealValues(deal, sorted(deal.stageHistory()));
        // served in the order the deal holds them: newest first for generated deals, as in HubSpot's examples
        return record(deal.id(), names, values, withHistory.contains("dealstage") ? "dealstage" : null, deal.stageHistory(),
                "hs_lastmodifieddate");
    }

    /** Every property value of a deal, as HubSpot computes the ones the description leaves out. */
    private Map<String, String> dealValues(DealSpec deal, List<HistoryEntry> history) {
        Map<String, String> values = new HashMap<>(deal.properties());
        if (!history.isEmpty()) {
            values.putIfAbsent("dealstage", history.get(history.size() - 1).stage());
            values.putIfAbsent("createdate", history.get(0).timestamp().toString());
            values.putIfAbsent("hs_lastmodifieddate", history.get(history.size() - 1).timestamp().toString());
        }
        values.putIfAbsent("pipeline", defaultPipeline);
        values.putIfAbsent("createdate", CREATED.toString());
        values.putIfAbsent("hs_lastmodifieddate", values.get("createdate"));
        values.put("hs_object_id", deal.id());
        if (stageDateProperties) {
            values.putAll(stageDates(history));
        }
        return values;
    }

    private ObjectNode contact(ContactSpec contact, List<String> names, List<String> withHistory) {
        Map<String, String> values = contactValues(contact, sorted(contact.lifecycleHistory()));
        return record(contact.id(), names, values, withHistory.contains("lifecyclestage") ? "lifecyclestage" : null,
                contact.lifecycleHistory(), "lastmodifieddate");
    }

    private static Map<String, String> contactValues(ContactSpec contact, List<HistoryEntry> history) {
        Map<String, String> values = new HashMap<>(contact.properties());
        if (!history.isEmpty()) {
            values.putIfAbsent("lifecyclestage", history.get(history.size() - 1).stage());
            values.putIfAbsent("createdate", history.get(0).timestamp().toString());
            values.putIfAbsent("lastmodifieddate", history.get(history.size() - 1).timestamp().toString());
        }
        values.putIfAbsent("createdate", CREATED.toString());
        values.putIfAbsent("lastmodifieddate", values.get("createdate"));
        values.put("hs_object_id", contact.id());
        return values;
    }

    private static List<HistoryEntry> sorted(List<HistoryEntry> history) {
        return history.stream().sorted(Comparator.comparing(HistoryEntry::timestamp)).toList();
    }

    /**
     * One object as HubSpot sends it: id, the {@code names} properties, the history of {@code historyProperty}
     * when asked for (null: none), and the create and update times.
     */
    private ObjectNode record(String id, List<String> names, Map<String, String> values, String historyProperty,
            List<HistoryEntry> history, String modifiedProperty) {
        ObjectNode node = replies.object();
        node.put("id", id);
        ObjectNode props = node.putObject("properties");
        for (String property : names) {
            props.put(property, values.get(property));
        }
        if (historyProperty != null) {
            historyArray(node.putObject("propertiesWithHistory").putArray(historyProperty), history);
        }
        node.put("createdAt", values.get("createdate")).put("updatedAt", values.get(modifiedProperty)).put("archived", false);
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
}
