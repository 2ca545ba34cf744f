package dev.l2o.hubspot.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static java.util.Objects.requireNonNull;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.util.List;
import java.util.Map;

/**
 * A simulated HubSpot portal on loopback, served by WireMock: the endpoints l2o reads, in HubSpot's real
 * response shapes, with its paging, limits, error bodies, rate limiting and injected faults (see
 * {@link SimulatorOptions}). Accepts any bearer token unless told otherwise, so any audit can point at it
 * with {@code --base-url}. Thread-safe; close it to stop.
 */
public final class HubSpotSimulator implements AutoCloseable {
    private final WireMockServer server;
    private final PortalResponder responder;

    private HubSpotSimulator(WireMockServer server, PortalResponder responder) {
        this.server = server;
        this.responder = responder;
    }

    /**
     * Starts serving {@code portal}.
     *
     * @throws L2oException {@code BAD_ARGUMENT} when the port cannot be bound
     */
    public static HubSpotSimulator start(PortalDescription portal, SimulatorOptions options) {
        requireNonNull(portal, "portal is null");
        requireNonNull(options, "options is null");
        PortalResponder responder = new PortalResponder(portal, options, System::nanoTime);
        WireMockConfiguration configuration = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .extensions(new Transformer(responder))
                // the journal would keep every response body: 100,000 deals of history is gigabytes
                .disableRequestJournal()
                .notifier(new ConsoleNotifier(false));
        configuration = options.port() == 0 ? configuration.dynamicPort() : configuration.port(options.port());
        WireMockServer server = new WireMockServer(configuration);
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "cannot serve the HubSpot simulator on port " + options.port() + ": " + e.getMessage(), e);
        }
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        return new HubSpotSimulator(server, responder);
    }

    /** The base URL to give the connector ({@code --base-url}): {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    /**
     * One received request.
     *
     * @param method the HTTP method
     * @param path the path without query
     * @param query the decoded query, or null
     */
    public record ReceivedRequest(String method, String path, String query) {}

    /** Every request received so far, in order. */
    public List<ReceivedRequest> requests() {
        return responder.received().stream().map(r -> new ReceivedRequest(r.method(), r.path(), r.query())).toList();
    }

    /**
     * From now on, serves {@code portal} (its changed deals, pipelines, workflows…) with {@code archived} records
     * listed as archived and absent elsewhere; the rate limits and the request log go on. Lets tests and benchmarks
     * change a portal between two fetches.
     */
    public void replace(PortalDescription portal, List<ArchivedRecord> archived) {
        responder.replace(requireNonNull(portal, "portal is null"), List.copyOf(archived));
    }

    /** Requests answered with 429 by the rate limits (not counting injected ones). */
    public long rateLimitedResponses() {
        return responder.rateLimited();
    }

    /** Faults injected so far (since the last {@link #armFaults}). */
    public long injectedFaults() {
        return responder.faultsInjected();
    }

    /**
     * Replaces the injected faults of the options (or of the last call) with {@code rules}, each counting its
     * matches from zero, so that one simulator can serve many fault scenarios.
     */
    public void armFaults(List<FaultRule> rules) {
        responder.armFaults(List.copyOf(rules));
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Routes every request to the portal. */
    private static final class Transformer implements ResponseDefinitionTransformerV2 {
        private final PortalResponder responder;

        Transformer(PortalResponder responder) {
            this.responder = responder;
        }

        @Override
        public String getName() {
            return "hubspot-portal";
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Request request = serveEvent.getRequest();
            String authorization = request.containsHeader("Authorization") ? request.getHeader("Authorization") : null;
            PortalReply reply = responder.respond(request.getMethod().getName(), request.getUrl(), authorization,
                    request.getBodyAsString());
            if (reply.fault() != null) {
                return switch (reply.fault()) {
                    case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
                    case EMPTY_RESPONSE -> aResponse().withFault(Fault.EMPTY_RESPONSE).build();
                    case BROKEN_CHUNK -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK).build();
                    case TRUNCATED_BODY -> builder(reply).withBody(reply.body() == null ? "" : reply.body().substring(0, reply.body().length() / 2)).build();
                    case SLOW_RESPONSE -> builder(reply).withFixedDelay((int) reply.delay().toMillis()).build();
                    case SERVER_ERROR, BAD_GATEWAY, SERVICE_UNAVAILABLE, HTML_PAGE, EXPIRED_TOKEN, MISSING_SCOPE, DAILY_LIMIT, BURST_LIMIT ->
                            builder(reply).build();
                };
            }
            return builder(reply).build();
        }

        private static ResponseDefinitionBuilder builder(PortalReply reply) {
            ResponseDefinitionBuilder builder = aResponse().withStatus(reply.status());
            for (Map.Entry<String, String> header : reply.headers().entrySet()) {
                builder.withHeader(header.getKey(), header.getValue());
            }
            return reply.body() == null ? builder : builder.withBody(reply.body());
        }
    }
}
