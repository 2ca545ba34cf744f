package dev.l2o.hubspot.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;

/**
 * Answers requests the way a HubSpot portal does, independent of the HTTP server so it can be tested directly:
 * injected faults first ({@link FaultInjector}), then bearer authentication, the rate limits
 * ({@link RateLimitWindow}, 429 with {@code policyName}), 414 for over-long URLs, and the endpoints with their
 * scopes ({@link RouteTable}), each family answered by its responder in HubSpot's response shapes. Every JSON
 * answer carries {@code X-HubSpot-RateLimit-*} and {@code X-HubSpot-Correlation-Id}. Thread-safe.
 */
final class PortalResponder {
    /** HubSpot answers 414 somewhere above 8–16 k characters of request line. */
    static final int MAX_URL_LENGTH = 12_000;

    /** One request as received, for tests that check what a client sent. */
    record Received(String method, String path, String query) {}

    private final SimulatorOptions options;
    private final PortalReplies replies;
    private final RateLimitWindow limits;
    private final FaultInjector faults;
    private volatile RouteTable routes;
    private final List<Received> received = new ArrayList<>();

    PortalResponder(PortalDescription portal, SimulatorOptions options, LongSupplier nanoClock) {
        this.options = options;
        this.replies = new PortalReplies(portal.portalId());
        this.limits = new RateLimitWindow(options, nanoClock, replies);
        this.faults = new FaultInjector(options.faults(), replies, limits);
        this.routes = routes(portal, List.of(), options, replies);
    }

    /** From now on, answers as {@code portal} with {@code archived} records; rate windows and counters go on. */
    void replace(PortalDescription portal, List<ArchivedRecord> archived) {
        this.routes = routes(portal, archived, options, replies);
    }

    private static RouteTable routes(PortalDescription portal, List<ArchivedRecord> archived, SimulatorOptions options,
            PortalReplies replies) {
        List<PortalDescription.PipelineSpec> pipelines = portal.effectivePipelines();
        PipelineResponder pipelineResponder = new PipelineResponder(pipelines, replies);
        PropertyResponder properties = new PropertyResponder(portal, pipelines, options.stageDateProperties(), replies);
        OwnerResponder owners = new OwnerResponder(portal.owners(), replies);
        FlowResponder flows = new FlowResponder(portal.flows(), replies);
        ObjectResponder objects = new ObjectResponder(portal, archived, pipelines.get(0).id(), options.stageDateProperties(), properties,
                replies);
        AccountResponder account = new AccountResponder(portal, replies);
        return new RouteTable(replies, options.grantedScopes())
                .get("/crm/v3/pipelines/deals", "crm.objects.deals.read", pipelineResponder::deals)
                .get("/crm/v3/properties/(deals|0-3)", "crm.schemas.deals.read", request -> properties.list("deals", request))
                .get("/crm/v3/properties/(contacts|0-1)", "crm.schemas.contacts.read", request -> properties.list("contacts", request))
                .get("/crm/v3/properties/(companies|0-2)", "crm.schemas.companies.read", request -> properties.list("companies", request))
                .get("/crm/v3/owners", "crm.objects.owners.read", owners::list)
                .get("/automation/v4/flows", "automation", flows::list)
                .get("/automation/v4/flows/(\\d+)", "automation", flows::one)
                .post("/automation/v4/flows/batch/read", "automation", flows::batch)
                .get("/crm/v3/objects/(deals|0-3)", "crm.objects.deals.read", objects::deals)
                .get("/crm/v3/objects/(contacts|0-1)", "crm.objects.contacts.read", objects::contacts)
                .post("/crm/v3/objects/(deals|0-3)/batch/read", "crm.objects.deals.read", objects::dealBatch)
                .post("/crm/v3/objects/(contacts|0-1)/batch/read", "crm.objects.contacts.read", objects::contactBatch)
                .post("/crm/v3/objects/(deals|0-3)/search", "crm.objects.deals.read", request -> objects.search("deals", request))
                .post("/crm/v3/objects/(contacts|0-1)/search", "crm.objects.contacts.read", request -> objects.search("contacts", request))
                .get("/account-info/v3/details", null, account::details)
                .get("/account-info/v3/activity/audit-logs", "account-info.security.read", request -> auditLogs(portal, replies, request));
    }

    /**
     * The account's audit log, newest first, 100 a page by default; a portal without one (below Enterprise) answers
     * 403 whatever the app's scopes.
     */
    private static PortalReply auditLogs(PortalDescription portal, PortalReplies replies, RouteTable.Request request) {
        if (portal.auditLogs() == null) {
            return replies.error(403, "FORBIDDEN", "The account activity API is not available for this portal's subscription.");
        }
        int limit = request.intParameter("limit", 100);
        if (limit < 1 || limit > 100) {
            return replies.validation("limit must be between 1 and 100");
        }
        String occurredAfter = request.parameter("occurredAfter");
        List<ObjectNode> entries = portal.auditLogs().stream()
                .filter(e -> occurredAfter == null || Instant.parse(e.path("occurredAt").asText()).isAfter(Instant.parse(occurredAfter)))
                .sorted(Comparator.comparing((ObjectNode e) -> e.path("occurredAt").asText()).reversed())
                .toList();
        return replies.page(entries.size(), limit, request.parameter("after"), entries::get);
    }

    /** Every private-app scope some endpoint needs. */
    List<String> scopes() {
        return routes.scopes();
    }

    long rateLimited() {
        return limits.rejected();
    }

    long faultsInjected() {
        return faults.injected();
    }

    void armFaults(List<FaultRule> rules) {
        faults.arm(rules);
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    PortalReply respond(String method, String url, String authorization, String body) {
        HttpUrl parsed = HttpUrl.parse("http://simulator" + url);
        String path = parsed == null ? url : parsed.encodedPath();
        synchronized (this) {
            received.add(new Received(method, path, parsed == null ? null : parsed.query()));
        }
        PortalReply fault = faults.inject(path);
        if (fault != null && !FaultInjector.altersNormalAnswer(fault)) {
            return fault;
        }
        PortalReply normal = normal(method, url, path, parsed, authorization, body);
        return fault == null ? normal : normal.withFault(fault.fault(), fault.delay());
    }

    private PortalReply normal(String method, String url, String path, HttpUrl parsed, String authorization, String body) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : "";
        if (token.isEmpty() || !options.acceptedTokens().isEmpty() && !options.acceptedTokens().contains(token)) {
            return replies.error(401, "INVALID_AUTHENTICATION", "Authentication credentials not found. This API supports OAuth 2.0"
                    + " authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview");
        }
        PortalReply limited = path.endsWith("/search") ? limits.admitSearch(token) : null;
        limited = limited == null ? limits.admit(token) : limited;
        if (limited != null) {
            return limited;
        }
        if (url.length() > MAX_URL_LENGTH) {
            return PortalReply.of(414, replies.headers(), "<html><body><h1>414 Request-URI Too Large</h1></body></html>");
        }
        return routes.answer(method, path, parsed, body).withHeaders(limits.headers(token));
    }
}
