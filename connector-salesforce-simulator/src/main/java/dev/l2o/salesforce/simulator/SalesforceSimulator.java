package dev.l2o.salesforce.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.l2o.salesforce.wsc.WscXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A Salesforce org on loopback, served by WireMock in Salesforce's own wire formats: SOAP {@code login} and
 * Metadata API envelopes that the real Force WSC classes parse (gzip request bodies, empty SOAPAction,
 * {@code serverUrl}/{@code metadataServerUrl} pointing back here), the OAuth 2.0 JWT bearer token endpoint,
 * REST query pages with {@code nextRecordsUrl}, the Bulk API 2.0 query job lifecycle with CSV pages,
 * {@code Sforce-Limit-Info}, the composite resource (several reads in one counted call), and error bodies and
 * faults as Salesforce writes them. It accepts any
 * credentials and any access token until a session expiry is injected. Thread-safe.
 */
public final class SalesforceSimulator implements AutoCloseable {
    /** The Partner API version the simulator's login reports in its server URLs by default. */
    public static final String DEFAULT_API_VERSION = "62.0";

    private static final Pattern SOAP = Pattern.compile("/services/Soap/([um])/(\\d+\\.\\d+)(/[A-Za-z0-9]+)?/?");
    private static final Pattern DATA = Pattern.compile("/services/data/v(\\d+\\.\\d+)(/.*)?");
    private static final Pattern DELETED = Pattern.compile("/sobjects/([A-Za-z0-9_]+)/deleted/?");
    private static final int SESSION_SECONDS_VALID = 7_200;
    /** The composite resource's limits: 25 subrequests a call, of which 5 query operations. */
    private static final int COMPOSITE_SUBREQUESTS = 25;
    private static final int COMPOSITE_QUERIES = 5;
    /** How long a gathered readMetadata waits for the others before all go on: a client that never overlaps fails its test, not hangs. */
    private static final long GATHER_TIMEOUT_SECONDS = 10;

    private final SimulatedOrg org;
    private final SimulatorOptions options;
    private final SoapResponder soap;
    private final RestResponder rest;
    private final WireMockServer server;
    private final Clock clock = Clock.systemUTC();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Object lock = new Object();
    private final List<SimulatedRequest> log = new ArrayList<>();
    private final List<ArmedFault> faults = new ArrayList<>();
    private final Set<String> seenSessions = new HashSet<>();
    private final Set<String> expiredSessions = new HashSet<>();
    private int apiRequestsUsed;
    private long injected;
    private final AtomicInteger metadataReadsInFlight = new AtomicInteger();
    private final AtomicInteger peakMetadataReads = new AtomicInteger();
    private volatile CountDownLatch metadataReadGathering = new CountDownLatch(0);
    private volatile String gatheredType = "";

    private static final class ArmedFault {
        final SimulatedFault fault;
        int seen;

        ArmedFault(SimulatedFault fault) {
            this.fault = fault;
        }
    }

    private record Outcome(SimulatorResponse response, Fault fault, int delayMillis) {}

    private SalesforceSimulator(SimulatedOrg org, SimulatorOptions options) {
        this.org = org;
        this.options = options;
        this.soap = new SoapResponder(org);
        this.rest = new RestResponder(org, options);
        this.apiRequestsUsed = options.apiRequestsUsed();
        options.faults().forEach(f -> faults.add(new ArmedFault(f)));
        this.server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .port(options.port())
                .disableRequestJournal()
                .notifier(new Slf4jNotifier(false))
                .extensions(new Transformer()));
    }

    /**
     * Starts a simulator for {@code org} on loopback.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static SalesforceSimulator start(SimulatedOrg org, SimulatorOptions options) {
        requireNonNull(org, "org is null");
        requireNonNull(options, "options is null");
        SalesforceSimulator simulator = new SalesforceSimulator(org, options);
        try {
            simulator.server.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the Salesforce simulator on port " + options.port() + ": " + e.getMessage(), e);
        }
        simulator.server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Transformer.NAME)));
        return simulator;
    }

    /** The base URL of the org's instance ({@code http://127.0.0.1:PORT}), what {@code --instance-url} takes. */
    public String instanceUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The login host (the same server): SOAP login and the OAuth token endpoint live under it. */
    public String loginUrl() {
        return instanceUrl();
    }

    /**
     * From now on, serves {@code changed} (the same org after {@link OrgChanges}: its id must not change); the
     * request log, API usage and faults go on. Lets tests and benchmarks change an org between two fetches.
     */
    public void replace(SimulatedOrg changed) {
        requireNonNull(changed, "changed is null");
        soap.replace(changed);
        rest.replace(changed);
    }

    /** The requests received so far, in arrival order. */
    public List<SimulatedRequest> requestLog() {
        synchronized (lock) {
            return List.copyOf(log);
        }
    }

    /** How many API requests of the org's daily limit have been used (logins and token calls do not count). */
    public int apiRequestsUsed() {
        synchronized (lock) {
            return apiRequestsUsed;
        }
    }

    /** How many requests an armed fault has hit so far (latency included). */
    public long injectedFaults() {
        synchronized (lock) {
            return injected;
        }
    }

    /**
     * The most {@code readMetadata} requests answered at the same time so far: how many calls a client ran at once
     * (a request counts from its arrival until its answer is ready, so this never exceeds the client's own count).
     */
    public int peakConcurrentMetadataReads() {
        return peakMetadataReads.get();
    }

    /**
     * Holds the next {@code readMetadata} requests of {@code type} ({@code Flow}) until {@code parties} of them are
     * under way at once, then lets them all go on, once; a client that never runs that many at once is let go after
     * 10 s. A test thus sees reads overlap without timing them: {@link #peakConcurrentMetadataReads()} is then at
     * least {@code parties}.
     */
    public void gatherMetadataReads(String type, int parties) {
        requireNonNull(type, "type is null");
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1: " + parties);
        }
        gatheredType = type;
        metadataReadGathering = new CountDownLatch(parties);
    }

    /**
     * Disarms every fault and forgets expired sessions, used API requests and the peak of concurrent metadata
     * reads, as if the simulator had just started with its options' usage; the request log is kept. Lets one
     * simulator serve many fault scenarios.
     */
    public void reset() {
        metadataReadGathering = new CountDownLatch(0);
        peakMetadataReads.set(metadataReadsInFlight.get());
        synchronized (lock) {
            faults.clear();
            options.faults().forEach(f -> faults.add(new ArmedFault(f)));
            expiredSessions.clear();
            apiRequestsUsed = options.apiRequestsUsed();
            injected = 0;
        }
    }

    /**
     * How many REST query requests ({@code query} and {@code queryMore} pages) asked for rows of {@code object}: what
     * one kind of read costs, as the org counts it.
     */
    public int queryRequests(String object) {
        return rest.queryRequests(object);
    }

    /** Arms a fault for the requests that follow. */
    public void inject(SimulatedFault fault) {
        requireNonNull(fault, "fault is null");
        synchronized (lock) {
            faults.add(new ArmedFault(fault));
        }
    }

    public SimulatedOrg org() {
        return org;
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {
        static final String NAME = "salesforce-org";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Request request = serveEvent.getRequest();
            String path = URI.create(request.getUrl()).getRawPath();
            Outcome outcome;
            String operation;
            try {
                Routed routed = route(request, path);
                operation = routed.operation;
                outcome = routed.outcome;
            } catch (RuntimeException e) {
                operation = "error";
                outcome = new Outcome(SimulatorResponse.restError(500, "UNKNOWN_EXCEPTION", "simulator error: " + e), null, 0);
            }
            synchronized (lock) {
                log.add(new SimulatedRequest(request.getMethod().getName(), path, operation,
                        outcome.fault != null ? 0 : outcome.response.status()));
            }
            ResponseDefinitionBuilder builder = new ResponseDefinitionBuilder();
            if (outcome.fault != null) {
                return builder.withFault(outcome.fault).build();
            }
            builder.withStatus(outcome.response.status()).withHeader("Content-Type", outcome.response.contentType())
                    .withBody(outcome.response.body());
            outcome.response.headers().forEach(builder::withHeader);
            if (outcome.delayMillis > 0) {
                builder.withFixedDelay(outcome.delayMillis);
            }
            return builder.build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    private record Routed(String operation, Outcome outcome) {}

    private Routed route(Request request, String path) {
        String method = request.getMethod().getName();
        Matcher soapPath = SOAP.matcher(path);
        if (soapPath.matches() && method.equals("POST")) {
            return soap(request, soapPath.group(1).equals("u"), soapPath.group(2));
        }
        if (path.equals("/services/oauth2/token") && method.equals("POST")) {
            return new Routed("oauthToken", guarded(SimulatedFault.Endpoint.OAUTH_TOKEN, "oauthToken", null, false, false, () -> token(request)));
        }
        if ((path.equals("/services/data") || path.equals("/services/data/")) && method.equals("GET")) {
            return new Routed("versions", guarded(SimulatedFault.Endpoint.REST, "versions", null, false, false, () -> rest.versions(instanceUrl())));
        }
        Matcher data = DATA.matcher(path);
        if (data.matches()) {
            String version = data.group(1);
            String rest = data.group(2) == null ? "" : data.group(2);
            return data(request, method, version, rest);
        }
        return new Routed("unknown", guarded(SimulatedFault.Endpoint.REST, "unknown", null, true, true,
                () -> SimulatorResponse.restError(404, "NOT_FOUND", "The requested resource does not exist")));
    }

    private Routed data(Request request, String method, String version, String resource) {
        if (method.equals("POST") && (resource.equals("/composite") || resource.equals("/composite/"))) {
            return new Routed("composite", restCall(request, SimulatedFault.Endpoint.REST, "composite",
                    () -> composite(version, request.getBodyAsString())));
        }
        Resource handled = resource(method, version, resource, name -> parameter(request, name), request.getHeader("Sforce-Query-Options"),
                request.getBody());
        return new Routed(handled.operation(), restCall(request, handled.endpoint(), handled.operation(), handled.handler()));
    }

    /** A REST resource's answer, before faults, limits and sessions: what a top-level request and a composite subrequest share. */
    private record Resource(String operation, SimulatedFault.Endpoint endpoint, Supplier<SimulatorResponse> handler) {}

    private Resource resource(String method, String version, String resource, Function<String, String> parameters,
            String queryOptions, byte[] body) {
        if (method.equals("GET") && resource.equals("/limits")) {
            return new Resource("limits", SimulatedFault.Endpoint.REST, () -> rest.limits(apiRequestsUsed()));
        }
        if (method.equals("GET") && (resource.equals("/query") || resource.equals("/query/") || resource.equals("/queryAll"))) {
            String soql = parameters.apply("q");
            return new Resource("query", SimulatedFault.Endpoint.REST, () -> rest.query(version, soql, queryOptions));
        }
        if (method.equals("GET") && resource.startsWith("/query/")) {
            return new Resource("queryMore", SimulatedFault.Endpoint.REST, () -> rest.queryMore(version, resource.substring("/query/".length())));
        }
        Matcher deleted = DELETED.matcher(resource);
        if (method.equals("GET") && deleted.matches()) {
            return new Resource("getDeleted", SimulatedFault.Endpoint.REST,
                    () -> rest.deleted(deleted.group(1), parameters.apply("start"), parameters.apply("end")));
        }
        if (method.equals("POST") && resource.equals("/jobs/query")) {
            return new Resource("bulkQueryCreate", SimulatedFault.Endpoint.BULK, () -> rest.createBulkJob(version, body, clock.instant()));
        }
        if (method.equals("GET") && resource.startsWith("/jobs/query/")) {
            String job = resource.substring("/jobs/query/".length());
            if (job.endsWith("/results")) {
                String id = job.substring(0, job.length() - "/results".length());
                return new Resource("bulkQueryResults", SimulatedFault.Endpoint.BULK,
                        () -> rest.bulkResults(version, id, parameters.apply("locator"), parameters.apply("maxRecords")));
            }
            return new Resource("bulkQueryStatus", SimulatedFault.Endpoint.BULK, () -> rest.bulkJobStatus(job));
        }
        String operation = method.equals("GET") ? "unknown" : "write";
        return new Resource(operation, SimulatedFault.Endpoint.REST,
                () -> SimulatorResponse.restError(404, "NOT_FOUND", "The requested resource does not exist"));
    }

    /**
     * {@code POST /composite}: "Executes a series of REST API requests in a single call ... The entire series of requests
     * counts as a single call toward your API limits", up to 25 subrequests of which at most 5 are query operations
     * (Query, QueryAll, query-more). Answers {@code compositeResponse[{body, httpHeaders, httpStatusCode, referenceId}]},
     * a subrequest's error body as the resource writes it. Only GET subrequests of supported resources are answered.
     */
    private SimulatorResponse composite(String version, String body) {
        JsonNode request;
        try {
            request = mapper.readTree(body);
        } catch (IOException e) {
            return SimulatorResponse.restError(400, "JSON_PARSER_ERROR", "malformed composite request: " + e.getMessage());
        }
        JsonNode subrequests = request.path("compositeRequest");
        if (!subrequests.isArray() || subrequests.isEmpty()) {
            return SimulatorResponse.restError(400, "INVALID_FIELD", "compositeRequest must be a non-empty array");
        }
        int queries = 0;
        for (JsonNode subrequest : subrequests) {
            String path = URI.create(subrequest.path("url").asText("")).getRawPath();
            if (path.matches("/services/data/v\\d+\\.\\d+/query(All)?(/.*)?")) {
                queries++;
            }
        }
        if (subrequests.size() > COMPOSITE_SUBREQUESTS || queries > COMPOSITE_QUERIES) {
            return SimulatorResponse.restError(400, "LIMIT_EXCEEDED", "a composite request takes at most " + COMPOSITE_SUBREQUESTS
                    + " subrequests of which " + COMPOSITE_QUERIES + " queries; this one has " + subrequests.size() + " and " + queries);
        }
        ArrayNode answers = mapper.createArrayNode();
        for (JsonNode subrequest : subrequests) {
            String method = subrequest.path("method").asText("");
            URI url = URI.create(subrequest.path("url").asText(""));
            Matcher data = DATA.matcher(url.getRawPath());
            SimulatorResponse answer;
            if (!data.matches()) {
                answer = SimulatorResponse.restError(404, "NOT_FOUND", "The requested resource does not exist");
            } else {
                Map<String, String> parameters = new HashMap<>();
                form(url.getRawQuery() == null ? "" : url.getRawQuery()).forEach(parameters::put);
                String resource = data.group(2) == null ? "" : data.group(2);
                Resource handled = resource(method, data.group(1), resource, parameters::get, null, new byte[0]);
                SimulatorResponse failed = subrequestFault(handled.operation());
                answer = failed != null ? failed : handled.handler().get();
            }
            ObjectNode answered = answers.addObject();
            try {
                answered.set("body", answer.body().length == 0 ? null : mapper.readTree(answer.body()));
            } catch (IOException e) {
                answered.put("body", new String(answer.body(), StandardCharsets.UTF_8));
            }
            answered.putObject("httpHeaders");
            answered.put("httpStatusCode", answer.status());
            answered.put("referenceId", subrequest.path("referenceId").asText(""));
        }
        ObjectNode response = mapper.createObjectNode();
        response.set("compositeResponse", answers);
        return SimulatorResponse.json(200, response);
    }

    private Routed soap(Request request, boolean partner, String version) {
        SoapResponder.SoapCall call;
        try {
            call = SoapResponder.SoapCall.of(WscXml.parse(body(request)));
        } catch (IOException | SAXException e) {
            SimulatorResponse fault = partner ? SoapResponder.partnerFault("INVALID_SOAP_HEADER", "malformed request", "UnexpectedErrorFault")
                    : SoapResponder.metadataFault("INVALID_SOAP_HEADER", "INVALID_SOAP_HEADER: malformed request");
            return new Routed("malformed", new Outcome(fault, null, 0));
        }
        if (partner && call.operation().equals("login")) {
            return new Routed("login", guarded(SimulatedFault.Endpoint.LOGIN, "login", null, false, false,
                    () -> soap.login(instanceUrl(), version, newSession(), SESSION_SECONDS_VALID)));
        }
        SimulatedFault.Endpoint endpoint = partner ? SimulatedFault.Endpoint.PARTNER : SimulatedFault.Endpoint.METADATA;
        Outcome outcome = guarded(endpoint, call.operation(), call.sessionId(), true, true, () -> {
            if (!sessionValid(call.sessionId())) {
                return sessionFault(partner);
            }
            if (partner) {
                return SoapResponder.partnerFault("INVALID_OPERATION", "the simulator does not implement " + call.operation(),
                        "UnexpectedErrorFault");
            }
            return switch (call.operation()) {
                case "listMetadata" -> soap.listMetadata(call.body());
                case "readMetadata" -> readMetadata(call.body());
                default -> SoapResponder.metadataFault("INSUFFICIENT_ACCESS", "INSUFFICIENT_ACCESS: the simulated org is read-only; "
                        + call.operation() + " is not served");
            };
        });
        return new Routed(call.operation(), outcome);
    }

    /** Answers a readMetadata, counted among those under way and held while a gathering waits for more. */
    private SimulatorResponse readMetadata(Element body) {
        peakMetadataReads.accumulateAndGet(metadataReadsInFlight.incrementAndGet(), Math::max);
        try {
            CountDownLatch gathering = type(body).equals(gatheredType) ? metadataReadGathering : new CountDownLatch(0);
            gathering.countDown();
            try {
                if (!gathering.await(GATHER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    while (gathering.getCount() > 0) {
                        gathering.countDown();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return soap.readMetadata(body);
        } finally {
            metadataReadsInFlight.decrementAndGet();
        }
    }

    /** The {@code type} a readMetadata asks for. */
    private static String type(Element readMetadata) {
        for (Node node = readMetadata.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && "type".equals(element.getLocalName())) {
                return element.getTextContent().trim();
            }
        }
        return "";
    }

    private Outcome restCall(Request request, SimulatedFault.Endpoint endpoint, String operation,
            Supplier<SimulatorResponse> handler) {
        String session = bearer(request);
        return guarded(endpoint, operation, session, true, true, () -> {
            if (!sessionValid(session)) {
                return SimulatorResponse.restError(401, "INVALID_SESSION_ID", "Session expired or invalid");
            }
            return handler.get();
        });
    }

    /**
     * Applies armed faults and the daily limit around a handler; {@code operation} is what the request log calls
     * the request and {@code session} its session id, if it has one. {@code counted} calls use one of the org's
     * daily API requests; {@code api} calls are refused once the limit is used up.
     */
    private Outcome guarded(SimulatedFault.Endpoint endpoint, String operation, String session, boolean counted, boolean api,
            Supplier<SimulatorResponse> handler) {
        int delay = 0;
        SimulatedFault triggered = null;
        synchronized (lock) {
            for (ArmedFault armed : faults) {
                SimulatedFault fault = armed.fault;
                if (!fault.targets(endpoint, operation)) {
                    continue;
                }
                armed.seen++;
                if (armed.seen > fault.after() && armed.seen <= fault.after() + fault.times()) {
                    if (fault.kind() == SimulatedFault.Kind.LATENCY) {
                        delay += fault.value();
                    } else if (triggered == null) {
                        triggered = fault;
                    }
                }
            }
            if (triggered != null || delay > 0) {
                injected++;
            }
        }
        boolean malformed = false;
        if (triggered != null) {
            switch (triggered.kind()) {
                case CONNECTION_RESET -> {
                    return new Outcome(null, Fault.CONNECTION_RESET_BY_PEER, 0);
                }
                case BROKEN_CHUNK -> {
                    return new Outcome(null, Fault.MALFORMED_RESPONSE_CHUNK, 0);
                }
                case SERVER_ERROR -> {
                    return new Outcome(SimulatorResponse.of(triggered.value(), "text/html",
                            "<html><body><h1>" + triggered.value() + " Service Unavailable</h1></body></html>"), null, delay);
                }
                case THROTTLED -> {
                    SimulatorResponse tooMany = SimulatorResponse.of(429, "text/html", "<html><body><h1>429 Too Many Requests</h1></body></html>");
                    return new Outcome(triggered.value() < 0 ? tooMany : tooMany.withHeader("Retry-After", Integer.toString(triggered.value())),
                            null, delay);
                }
                case HTML_PAGE -> {
                    return new Outcome(SimulatorResponse.of(200, "text/html",
                            "<html><head><title>Maintenance</title></head><body>Salesforce is down for maintenance.</body></html>"), null, delay);
                }
                case SOAP_FAULT -> {
                    return new Outcome(soapFault(endpoint, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId"
                            + " if you contact support: 1234567-8901 (-1234567890)"), null, delay);
                }
                case REFUSED -> {
                    return new Outcome(refused(endpoint, triggered.value()), null, delay);
                }
                case MALFORMED_BODY -> malformed = true;
                case SESSION_EXPIRED -> {
                    synchronized (lock) {
                        expiredSessions.addAll(seenSessions);
                        if (session != null) {
                            expiredSessions.add(session);
                        }
                    }
                }
                case LIMIT_EXCEEDED -> {
                    synchronized (lock) {
                        apiRequestsUsed = Math.max(apiRequestsUsed, options.dailyApiLimit());
                    }
                }
                case LATENCY -> throw new IllegalStateException("latency is never the triggered fault");
            }
        }
        if (api) {
            synchronized (lock) {
                if (apiRequestsUsed >= options.dailyApiLimit()) {
                    return new Outcome(withLimitInfo(limitExceeded(endpoint)), null, delay);
                }
                if (counted) {
                    apiRequestsUsed++;
                }
            }
        }
        SimulatorResponse response = handler.get();
        if (malformed) {
            response = new SimulatorResponse(response.status(), response.contentType(),
                    Arrays.copyOf(response.body(), response.body().length / 2), response.headers());
        }
        return new Outcome(endpoint == SimulatedFault.Endpoint.REST || endpoint == SimulatedFault.Endpoint.BULK
                ? withLimitInfo(response) : response, null, delay);
    }

    /**
     * The answer an armed {@code SERVER_ERROR} fault on {@code composite/} and a REST operation
     * ({@code composite/getDeleted}, {@code composite/query}) gives a composite subrequest of that operation: the status
     * with a REST error body, inside a composite answer of 200 (faults on the bare operation stay with top-level
     * requests). Other kinds of fault concern a whole HTTP exchange and do not apply to subrequests. Null when none is
     * armed.
     */
    private SimulatorResponse subrequestFault(String operation) {
        synchronized (lock) {
            for (ArmedFault armed : faults) {
                SimulatedFault fault = armed.fault;
                if (fault.kind() != SimulatedFault.Kind.SERVER_ERROR
                        || !fault.targets(SimulatedFault.Endpoint.REST, "composite/" + operation)) {
                    continue;
                }
                armed.seen++;
                if (armed.seen > fault.after() && armed.seen <= fault.after() + fault.times()) {
                    injected++;
                    return SimulatorResponse.restError(fault.value(), "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include"
                            + " this ErrorId if you contact support: 1234567-8901 (-1234567890)");
                }
            }
        }
        return null;
    }

    /** A fault in the endpoint's own form: a Partner or Metadata SOAP fault, else a REST error. */
    private static SimulatorResponse soapFault(SimulatedFault.Endpoint endpoint, String code, String message) {
        return switch (endpoint) {
            case PARTNER, LOGIN -> SoapResponder.partnerFault(code, message, "UnexpectedErrorFault");
            case METADATA -> SoapResponder.metadataFault(code, code + ": " + message);
            case REST, BULK, OAUTH_TOKEN, ANY -> SimulatorResponse.restError(500, code, message);
        };
    }

    /** Credentials (401) or permissions (403) refused, as each endpoint refuses them. */
    private static SimulatorResponse refused(SimulatedFault.Endpoint endpoint, int status) {
        boolean permission = status == 403;
        return switch (endpoint) {
            case LOGIN -> SoapResponder.partnerFault("INVALID_LOGIN", "Invalid username, password, security token; or user locked out.",
                    "LoginFault");
            case OAUTH_TOKEN -> oauthError("invalid_grant", "user hasn't approved this consumer");
            case PARTNER, METADATA -> permission
                    ? soapFault(endpoint, "INSUFFICIENT_ACCESS", "use of the Metadata API requires a user with the ModifyAllData permission")
                    : sessionFault(endpoint == SimulatedFault.Endpoint.PARTNER);
            case REST, BULK, ANY -> permission
                    ? SimulatorResponse.restError(403, "INSUFFICIENT_ACCESS", "insufficient access rights on cross-reference id")
                    : SimulatorResponse.restError(401, "INVALID_SESSION_ID", "Session expired or invalid");
        };
    }

    private static SimulatorResponse limitExceeded(SimulatedFault.Endpoint endpoint) {
        return switch (endpoint) {
            case PARTNER, LOGIN -> SoapResponder.partnerFault("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.", "UnexpectedErrorFault");
            case METADATA -> SoapResponder.metadataFault("REQUEST_LIMIT_EXCEEDED", "REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.");
            case REST, BULK, OAUTH_TOKEN, ANY -> SimulatorResponse.restError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        };
    }

    private SimulatorResponse withLimitInfo(SimulatorResponse response) {
        if (response.contentType().startsWith("text/xml")) {
            return response;
        }
        synchronized (lock) {
            return response.withHeader("Sforce-Limit-Info", "api-usage=" + apiRequestsUsed + "/" + options.dailyApiLimit());
        }
    }

    private static SimulatorResponse sessionFault(boolean partner) {
        String message = "Invalid Session ID found in SessionHeader: Illegal Session";
        return partner ? SoapResponder.partnerFault("INVALID_SESSION_ID", message, "UnexpectedErrorFault")
                : SoapResponder.metadataFault("INVALID_SESSION_ID", "INVALID_SESSION_ID: " + message);
    }

    private String newSession() {
        String session = org.organizationId() + "!SIM" + UUID.randomUUID().toString().replace("-", "");
        synchronized (lock) {
            seenSessions.add(session);
        }
        return session;
    }

    /** Any session or token is valid unless an injected expiry has retired it. */
    private boolean sessionValid(String session) {
        if (session == null || session.isBlank()) {
            return false;
        }
        synchronized (lock) {
            seenSessions.add(session);
            return !expiredSessions.contains(session);
        }
    }

    private SimulatorResponse token(Request request) {
        Map<String, String> form = form(request.getBodyAsString());
        String grant = form.getOrDefault("grant_type", "");
        if (!grant.equals("urn:ietf:params:oauth:grant-type:jwt-bearer")) {
            return oauthError("unsupported_grant_type", "grant type not supported");
        }
        String[] parts = form.getOrDefault("assertion", "").split("\\.");
        JsonNode claims = null;
        if (parts.length == 3) {
            try {
                claims = mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
            } catch (IOException | IllegalArgumentException e) {
                claims = null;
            }
        }
        if (claims == null || !claims.hasNonNull("iss") || !claims.hasNonNull("sub") || !claims.hasNonNull("aud")
                || !claims.hasNonNull("exp")) {
            return oauthError("invalid_grant", "invalid assertion");
        }
        String session = newSession();
        return SimulatorResponse.json(200, SimulatorResponse.object().put("access_token", session).put("scope", "api")
                .put("instance_url", instanceUrl()).put("id", instanceUrl() + "/id/" + org.organizationId() + "AAA/005000000000001AAA")
                .put("token_type", "Bearer"));
    }

    /** An OAuth token endpoint error, as RFC 6749 section 5.2 shapes it. */
    private static SimulatorResponse oauthError(String error, String description) {
        return SimulatorResponse.json(400, SimulatorResponse.object().put("error", error).put("error_description", description));
    }

    private static String bearer(Request request) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return null;
        }
        return header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
                : header.regionMatches(true, 0, "OAuth ", 0, 6) ? header.substring(6).trim() : null;
    }

    private static String parameter(Request request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter != null && parameter.isPresent() ? parameter.firstValue() : null;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** The request body, gunzipped when WSC compressed it. */
    private static InputStream body(Request request) throws IOException {
        byte[] bytes = request.getBody();
        if (bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            return new GZIPInputStream(new ByteArrayInputStream(bytes));
        }
        return new ByteArrayInputStream(bytes);
    }
}
