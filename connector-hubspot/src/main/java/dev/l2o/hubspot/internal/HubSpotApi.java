package dev.l2o.hubspot.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.http.ClientRateLimiter;
import dev.l2o.http.HttpClients;
import dev.l2o.http.HttpExecutor;
import dev.l2o.http.HttpStatusException;
import dev.l2o.http.ReadEndpoint;
import dev.l2o.http.ReadOnlyGuard;
import dev.l2o.http.SecretRedactor;
import dev.l2o.http.WriteRefusedException;
import dev.l2o.hubspot.HubSpotSettings;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A thin typed client over HubSpot's v3/v4 REST API: one method per endpoint l2o reads. Every request goes
 * through the read-only guard, the client-side rate limiter and the classified retry; failures come out as
 * {@link L2oException}s whose messages name the endpoint and never the token. Not thread-safe.
 */
public final class HubSpotApi {
    /** With {@code propertiesWithHistory}, object list and batch-read pages hold at most 50 records (larger → 400). */
    public static final int HISTORY_PAGE_SIZE = 50;
    /** Without history, object list pages hold at most 100 records. */
    public static final int PAGE_SIZE = 100;
    /** Owners pages: the owners API accepts up to 500. */
    static final int OWNER_PAGE_SIZE = 500;
    /** Flow listing pages and flow batch reads. */
    static final int FLOW_PAGE_SIZE = 100;

    /** The CRM search API's pages hold at most 200 records. */
    public static final int SEARCH_PAGE_SIZE = 200;
    /** The CRM search API answers at most 10,000 results per query; paging beyond is refused (HubSpot's documented cap). */
    public static final int SEARCH_RESULT_CAP = 10_000;
    /** The CRM search API's own limit per token, apart from the burst limit that it also counts against. */
    static final int SEARCH_REQUESTS_PER_SECOND = 5;

    /**
     * POSTs that only read: batch reads and searches. Everything else but GET and HEAD is refused. The CRM
     * search API is a POST only because its filters do not fit a query string: it returns matching records and
     * changes nothing, so the guard lets exactly its path through (not {@code /crm/v3/objects/{type}} itself,
     * where a POST creates a record).
     */
    static final List<ReadEndpoint> READ_ENDPOINTS = List.of(
            ReadEndpoint.post(".*/crm/v3/objects/[\\w-]+/batch/read", "CRM batch read returns records by id"),
            ReadEndpoint.post(".*/crm/v3/objects/[\\w-]+/search", "CRM search returns records matching filters"),
            ReadEndpoint.post(".*/automation/v4/flows/batch/read", "returns workflow definitions by id"));

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final HttpUrl baseUrl;
    private final String token;
    private final ObjectMapper json;
    private final HttpExecutor executor;
    private final int maxAttempts;
    private final AtomicLong dailyRemaining = new AtomicLong(Long.MAX_VALUE);
    private final ClientRateLimiter searchLimiter;

    public HubSpotApi(HubSpotSettings settings) {
        HttpUrl parsed = HttpUrl.parse(settings.baseUrl());
        if (parsed == null) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "--base-url '" + settings.baseUrl() + "' is not an http(s) URL");
        }
        this.baseUrl = parsed;
        this.token = settings.token();
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.maxAttempts = settings.retryPolicy().maxAttempts();
        ClientRateLimiter limiter = ClientRateLimiter.of("hubspot", settings.rateLimit(), settings.rateWindow(),
                settings.utilisation(), System::nanoTime, settings.sleeper());
        this.searchLimiter = ClientRateLimiter.of("hubspot-search", SEARCH_REQUESTS_PER_SECOND, Duration.ofSeconds(1),
                settings.utilisation(), System::nanoTime, settings.sleeper());
        this.executor = HttpExecutor.builder("hubspot", HttpClients.shared().newBuilder()
                        .readTimeout(settings.readTimeout())
                        .addInterceptor(ReadOnlyGuard.allowing(READ_ENDPOINTS))
                        .build())
                .classifier(new HubSpotFailureClassifier(settings.rateWindow().dividedBy(10)))
                .retryPolicy(settings.retryPolicy())
                .sleeper(settings.sleeper())
                .rateLimiter(limiter)
                .redactor(SecretRedactor.of(List.of(settings.token())))
                .observer(this::observeLimits)
                .build();
    }

    /** What was sent so far. */
    public HttpExecutor.Stats stats() {
        return executor.stats();
    }

    /** The burst limit the client currently keeps to. */
    public int rateLimit() {
        return executor.rateLimiter().limit();
    }

    /**
     * Follows the portal's announced tier ({@code X-HubSpot-RateLimit-Max} per {@code -Interval-Milliseconds})
     * and remembers the daily budget left; OAuth apps and search responses may lack these headers.
     */
    private void observeLimits(Response response) {
        String max = response.header("X-HubSpot-RateLimit-Max");
        String interval = response.header("X-HubSpot-RateLimit-Interval-Milliseconds");
        if (max != null && interval != null) {
            try {
                executor.rateLimiter().adjust(Integer.parseInt(max.trim()), Duration.ofMillis(Long.parseLong(interval.trim())));
            } catch (IllegalArgumentException ignored) {
                // a malformed header is not worth failing a read over; the configured limit stays
            }
        }
        String daily = response.header("X-HubSpot-RateLimit-Daily-Remaining");
        if (daily != null) {
            try {
                dailyRemaining.set(Long.parseLong(daily.trim()));
            } catch (NumberFormatException ignored) {
                // as above
            }
        }
    }

    List<Dto.Pipeline> pipelines(String object) {
        Dto.PipelineList list = get(url("crm/v3/pipelines/" + object), object + " pipelines",
                HubSpotObjects.objectReadScope(object), Dto.PipelineList.class);
        return list.results() == null ? List.of() : list.results();
    }

    List<Dto.Property> properties(String object) {
        Dto.PropertyList list = get(url("crm/v3/properties/" + object), object + " properties",
                HubSpotObjects.schemaReadScope(object), Dto.PropertyList.class);
        return list.results() == null ? List.of() : list.results();
    }

    List<Dto.Owner> owners() {
        List<Dto.Owner> all = new ArrayList<>();
        String after = null;
        do {
            HttpUrl.Builder url = url("crm/v3/owners").newBuilder()
                    .addQueryParameter("limit", String.valueOf(OWNER_PAGE_SIZE))
                    .addQueryParameter("archived", "false");
            if (after != null) {
                url.addQueryParameter("after", after);
            }
            Dto.OwnerPage page = get(url.build(), "owners", "crm.objects.owners.read", Dto.OwnerPage.class);
            if (page.results() != null) {
                all.addAll(page.results());
            }
            after = nextAfter(page.paging());
        } while (after != null);
        return all;
    }

    /** Every workflow with its actions: the listing (no actions), then batch reads of 100 definitions. */
    List<JsonNode> flows() {
        List<Dto.FlowListing> listings = new ArrayList<>();
        String after = null;
        do {
            HttpUrl.Builder url = url("automation/v4/flows").newBuilder().addQueryParameter("limit", String.valueOf(FLOW_PAGE_SIZE));
            if (after != null) {
                url.addQueryParameter("after", after);
            }
            Dto.FlowPage page = get(url.build(), "workflows", "automation", Dto.FlowPage.class);
            if (page.results() != null) {
                listings.addAll(page.results());
            }
            after = nextAfter(page.paging());
        } while (after != null);
        List<JsonNode> flows = new ArrayList<>();
        for (int from = 0; from < listings.size(); from += FLOW_PAGE_SIZE) {
            ObjectNode body = json.createObjectNode();
            ArrayNode inputs = body.putArray("inputs");
            for (Dto.FlowListing listing : listings.subList(from, Math.min(listings.size(), from + FLOW_PAGE_SIZE))) {
                inputs.addObject().put("flowId", listing.id()).put("type", "FLOW_ID");
            }
            JsonNode result = post(url("automation/v4/flows/batch/read"), body, "workflow definitions", "automation");
            result.path("results").forEach(flows::add);
        }
        return flows;
    }

    /**
     * One page of deals: {@code GET /crm/v3/objects/deals} with the given properties, and with
     * {@code propertiesWithHistory=dealstage} when {@code withHistory} (then at most 50 per page).
     *
     * @param after the cursor from the previous page, or null for the first
     */
    JsonNode dealsPage(List<String> properties, boolean withHistory, String after) {
        return objectsPage(HubSpotObjects.DEALS, properties, withHistory ? "dealstage" : null, after);
    }

    /**
     * One page of contacts with their lifecycle stage and its history: {@code GET /crm/v3/objects/contacts}
     * with {@code properties=lifecyclestage&propertiesWithHistory=lifecyclestage}, 50 per page.
     *
     * @param after the cursor from the previous page, or null for the first
     */
    JsonNode contactsPage(String after) {
        return objectsPage(HubSpotObjects.CONTACTS, List.of(SnapshotMapper.LIFECYCLE_STAGE), SnapshotMapper.LIFECYCLE_STAGE, after);
    }

    /** One page of an object's records; {@code historyOf} is the property whose history is asked for, or null. */
    private JsonNode objectsPage(String object, List<String> properties, String historyOf, String after) {
        HttpUrl.Builder url = url("crm/v3/objects/" + object).newBuilder()
                .addQueryParameter("limit", String.valueOf(historyOf != null ? HISTORY_PAGE_SIZE : PAGE_SIZE))
                .addQueryParameter("archived", "false")
                .addQueryParameter("properties", String.join(",", properties));
        if (historyOf != null) {
            url.addQueryParameter("propertiesWithHistory", historyOf);
        }
        if (after != null) {
            url.addQueryParameter("after", after);
        }
        return get(url.build(), object, HubSpotObjects.objectReadScope(object), JsonNode.class);
    }

    /**
     * The portal's id: {@code GET /account-info/v3/details} (any token may read it).
     *
     * @return the id, or empty when the answer has none
     */
    Optional<String> portalId() {
        JsonNode details = get(url("account-info/v3/details"), "account details", "oauth", JsonNode.class);
        JsonNode id = details.path("portalId");
        return id.isNumber() || id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
    }

    /**
     * One page of the ids of {@code object}'s records whose {@code modifiedProperty} is after {@code sinceMillis}:
     * {@code POST /crm/v3/objects/{object}/search}, 200 a page, oldest change first. Keeps to the search API's own
     * limit of {@value #SEARCH_REQUESTS_PER_SECOND} requests a second.
     *
     * @param after the cursor from the previous page, or null for the first
     * @return the page: {@code total}, {@code results[].id}, {@code paging.next.after}
     */
    JsonNode changedSince(String object, String modifiedProperty, long sinceMillis, String after) {
        ObjectNode body = json.createObjectNode();
        body.putArray("filterGroups").addObject().putArray("filters").addObject()
                .put("propertyName", modifiedProperty).put("operator", "GT").put("value", String.valueOf(sinceMillis));
        body.putArray("sorts").addObject().put("propertyName", modifiedProperty).put("direction", "ASCENDING");
        body.putArray("properties").add(modifiedProperty);
        body.put("limit", SEARCH_PAGE_SIZE);
        if (after != null) {
            body.put("after", after);
        }
        try {
            searchLimiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "interrupted while waiting for HubSpot's search rate limit", e);
        }
        return post(url("crm/v3/objects/" + object + "/search"), body, object + " changed since the previous run",
                HubSpotObjects.objectReadScope(object));
    }

    /**
     * Records of {@code object} by id with {@code properties} and the history of {@code historyOf}: {@code POST
     * /crm/v3/objects/{object}/batch/read}, at most {@value #HISTORY_PAGE_SIZE} ids. Ids the portal no longer has
     * (207) are simply absent from the results.
     */
    JsonNode batchRead(String object, List<String> ids, List<String> properties, String historyOf) {
        if (ids.size() > HISTORY_PAGE_SIZE) {
            throw new IllegalArgumentException("at most " + HISTORY_PAGE_SIZE + " ids a batch read with history");
        }
        ObjectNode body = json.createObjectNode();
        ArrayNode inputs = body.putArray("inputs");
        ids.forEach(id -> inputs.addObject().put("id", id));
        ArrayNode names = body.putArray("properties");
        properties.forEach(names::add);
        body.putArray("propertiesWithHistory").add(historyOf);
        return post(url("crm/v3/objects/" + object + "/batch/read"), body, object + " by id", HubSpotObjects.objectReadScope(object));
    }

    /** One page of the ids of {@code object}'s archived (deleted, restorable for 90 days) records. */
    JsonNode archivedPage(String object, String after) {
        HttpUrl.Builder url = url("crm/v3/objects/" + object).newBuilder()
                .addQueryParameter("limit", String.valueOf(PAGE_SIZE))
                .addQueryParameter("archived", "true")
                .addQueryParameter("properties", "hs_object_id");
        if (after != null) {
            url.addQueryParameter("after", after);
        }
        return get(url.build(), "archived " + object, HubSpotObjects.objectReadScope(object), JsonNode.class);
    }

    /** The length of a deals-page URL for these properties, to stay below HubSpot's URL limit (414). */
    int dealsUrlLength(List<String> properties) {
        return dealsUrl(properties).toString().length();
    }

    private HttpUrl dealsUrl(List<String> properties) {
        return url("crm/v3/objects/deals").newBuilder()
                .addQueryParameter("limit", String.valueOf(HISTORY_PAGE_SIZE))
                .addQueryParameter("archived", "false")
                .addQueryParameter("properties", String.join(",", properties))
                .addQueryParameter("propertiesWithHistory", "dealstage")
                .addQueryParameter("after", "x".repeat(24))
                .build();
    }

    static String nextAfter(Dto.Paging paging) {
        return paging == null || paging.next() == null || paging.next().after() == null ? null : paging.next().after();
    }

    static String nextAfter(JsonNode page) {
        JsonNode after = page.path("paging").path("next").path("after");
        return after.isTextual() && !after.asText().isEmpty() ? after.asText() : null;
    }

    /**
     * One page of the account's audit log, newest first (Enterprise portals with scope
     * {@code account-info.security.read}; others answer 403).
     */
    Dto.AuditLogPage auditLogs(String after) {
        HttpUrl.Builder url = url("account-info/v3/activity/audit-logs").newBuilder().addQueryParameter("limit", "100");
        if (after != null) {
            url.addQueryParameter("after", after);
        }
        return get(url.build(), "the account activity audit log", HubSpotChangeTrail.SCOPE, Dto.AuditLogPage.class);
    }

    private HttpUrl url(String path) {
        return baseUrl.newBuilder().addPathSegments(path).build();
    }

    private <T> T get(HttpUrl url, String what, String scope, Class<T> type) {
        Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").get().build();
        return call(request, what, scope, type);
    }

    private JsonNode post(HttpUrl url, JsonNode body, String what, String scope) {
        RequestBody requestBody;
        try {
            requestBody = RequestBody.create(json.writeValueAsBytes(body), JSON_TYPE);
        } catch (IOException e) {
            throw new L2oException(ErrorCode.INTERNAL_ERROR, "could not write the request for HubSpot " + what, e);
        }
        Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").post(requestBody).build();
        return call(request, what, scope, JsonNode.class);
    }

    private <T> T call(Request request, String what, String scope, Class<T> type) {
        if (dailyRemaining.get() <= 0) {
            throw new L2oException(ErrorCode.API_LIMIT_REACHED, "HubSpot's daily API limit for this account is used up"
                    + " (X-HubSpot-RateLimit-Daily-Remaining: 0), so " + what + " could not be read; it resets at"
                    + " midnight in the account's time zone");
        }
        try {
            return executor.execute(request, response -> {
                try (InputStream in = response.body().byteStream()) {
                    return json.readValue(in, type);
                }
            });
        } catch (IOException e) {
            throw translate(e, request, what, scope);
        }
    }

    private L2oException translate(IOException failure, Request request, String what, String scope) {
        String endpoint = request.method() + " " + request.url().encodedPath();
        SecretRedactor redactor = executor.redactor();
        if (failure instanceof WriteRefusedException) {
            return new L2oException(ErrorCode.INTERNAL_ERROR, redactor.redact(failure.getMessage()), failure);
        }
        if (failure instanceof HttpStatusException status) {
            HubSpotError error = HubSpotError.parse(status.body());
            String detail = (error.message().isEmpty() ? "" : ": " + redactor.redact(error.message()))
                    + (error.correlationId().isEmpty() ? "" : " (correlation id " + error.correlationId() + ")");
            return switch (status.status()) {
                case 401 -> new L2oException(ErrorCode.AUTHENTICATION_FAILED, "HubSpot rejected HUBSPOT_TOKEN with HTTP 401"
                        + (error.category().isEmpty() ? "" : " " + error.category())
                        + " on " + endpoint + ": the private-app token is wrong, expired or revoked" + detail);
                case 403 -> new L2oException(ErrorCode.MISSING_PERMISSION, "HubSpot refused to read " + what + " (" + endpoint
                        + ", HTTP 403" + (error.category().isEmpty() ? "" : " " + error.category()) + "): the private app needs scope "
                        + String.join(" or ", error.scopes().isEmpty() ? List.of(scope) : error.scopes()) + detail);
                case 429 -> new L2oException(ErrorCode.API_LIMIT_REACHED, error.isDailyLimit()
                        ? "HubSpot's daily API limit for this account is used up (HTTP 429 DAILY on " + endpoint + "), so "
                                + what + " could not be read; it resets at midnight in the account's time zone" + detail
                        : "HubSpot kept answering HTTP 429 " + error.policyName() + " on " + endpoint + " after "
                                + maxAttempts + " attempts" + detail);
                default -> new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "HubSpot answered HTTP " + status.status() + " on "
                        + endpoint + " while reading " + what + (status.status() >= 500 ? " after " + maxAttempts + " attempts" : "") + detail);
            };
        }
        return new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "HubSpot could not be read (" + what + ", " + endpoint + ") after "
                + maxAttempts + " attempts: " + redactor.redact(failure.getClass().getSimpleName() + " " + failure.getMessage()), failure);
    }
}
