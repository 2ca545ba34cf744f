package dev.l2o.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.http.RetryPolicy;
import dev.l2o.hubspot.simulator.FaultKind;
import dev.l2o.hubspot.simulator.FaultRule;
import dev.l2o.hubspot.simulator.HubSpotSimulator;
import dev.l2o.hubspot.simulator.PortalDescription;
import dev.l2o.hubspot.simulator.SimulatorOptions;
import dev.l2o.model.Snapshot;
import dev.l2o.testing.FaultMatrix.Cell;
import dev.l2o.testing.FaultMatrix.Expectation;
import dev.l2o.testing.FaultMatrix.Fault;
import dev.l2o.testing.FaultMatrix.Span;
import dev.l2o.testing.FaultMatrix;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix of the live HubSpot connector against the simulated portal: every phase of a fetch
 * (pipelines, properties, workflow listing and definitions, owners, deals page 2 — which carries the deals'
 * stage history, so it is also history batch 2 — and contacts page 2) under every fault, each transient fault
 * once and on every attempt the retry policy allows. HubSpot has no SOAP; its 401 cannot be cured by a new
 * login (a private-app token does not expire), so session expiry and 401 are the user's. Writes
 * {@code target/fault-matrix/hubspot.md}.
 */
class HubSpotFaultMatrixTest {
    private static final String TOKEN = "pat-na1-00000000-1111-2222-3333-444444444444";
    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), Duration.ofSeconds(30));
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /** Every request of a timeout cell has it: long enough that a healthy answer on two busy cores never hits it. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(3);
    private static final FetchRequest REQUEST = new FetchRequest(Set.of("Opportunity", "Lead"),
            Map.of("Opportunity", Set.of("amount", "closedate", "region")), true);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final FaultMatrix MATRIX = new FaultMatrix("hubspot", Set.of());

    /** A phase of the fetch: the path it reads, how many requests to it pass first, the words its failure names. */
    enum Phase {
        PIPELINES("pipelines", "/crm/v3/pipelines/deals", 0, "pipelines"),
        PROPERTIES("properties", "/crm/v3/properties/deals", 0, "properties"),
        FLOWS("flows (listing)", "/automation/v4/flows", 0, "flows"),
        FLOW_DEFINITIONS("flows (definitions)", "/automation/v4/flows/batch/read", 0, "workflow definitions", "flows/batch/read"),
        OWNERS("owners", "/crm/v3/owners", 0, "owners"),
        DEALS_PAGE_2("deals page 2 = history batch 2", "/crm/v3/objects/deals", 1, "deals"),
        CONTACTS_PAGE_2("contacts page 2", "/crm/v3/objects/contacts", 1, "contacts");

        final String label;
        final String path;
        final int skip;
        final List<String> reasonNames;

        Phase(String label, String path, int skip, String... reasonNames) {
            this.label = label;
            this.path = path;
            this.skip = skip;
            this.reasonNames = List.of(reasonNames);
        }
    }

    @TempDir
    static Path work;

    private static HubSpotSimulator simulator;
    private static Snapshot baseline;
    private static int baselineRequests;
    private static final List<Duration> SLEEPS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startThePortalAndFetchItWithoutFaults() throws URISyntaxException {
        // no burst limit: the fake sleeper does not wait, so the real 10-second window would throttle the fetches
        simulator = HubSpotSimulator.start(PortalDescription.read(Path.of(HubSpotFaultMatrixTest.class.getResource("test-portal.json").toURI())),
                SimulatorOptions.defaults().withRateLimit(1_000_000, Duration.ofSeconds(10)));
        int before = simulator.requests().size();
        try (HubSpotConnector connector = connector(null)) {
            Snapshot snapshot = connector.fetch(REQUEST);
            assertThat(snapshot.completeness().complete()).isTrue();
            baseline = FaultMatrix.withHistoryInMemory(snapshot);
        }
        baselineRequests = simulator.requests().size() - before;
    }

    @AfterAll
    static void writeTheMatrix() {
        if (simulator != null) {
            simulator.close();
        }
        MATRIX.write(Path.of("target", "fault-matrix"));
    }

    private static HubSpotConnector connector(Duration readTimeout) {
        HubSpotSettings settings = HubSpotSettings.of(simulator.baseUrl(), TOKEN).withRetry(POLICY, SLEEPS::add)
                .withRateLimit(100_000, Duration.ofSeconds(10));
        if (readTimeout != null) {
            settings = settings.withReadTimeout(readTimeout);
        }
        return new HubSpotConnector(settings, new ConnectorContext(CLOCK, Map.of("HUBSPOT_TOKEN", TOKEN), work, ProgressListener.NONE));
    }

    static Stream<Cell> cells() {
        // HubSpot speaks no SOAP
        return FaultMatrix.cells(Stream.of(Phase.values()).map(phase -> phase.label).toList(), (label, fault) -> fault != Fault.SOAP_FAULT);
    }

    /** What the retry policy promises: transient faults recover within it or end incomplete; the rest never retry. */
    private static Expectation expectation(Fault fault, Span span) {
        return switch (fault) {
            case THROTTLED_RETRY_AFTER, THROTTLED, HTTP_500, HTTP_502, HTTP_503, CONNECTION_RESET, READ_TIMEOUT, TRUNCATED_BODY,
                    MALFORMED_BODY, HTML_PAGE -> span == Span.ONCE ? Expectation.recovered(1, 1) : Expectation.incomplete(POLICY.maxAttempts());
            case DAILY_LIMIT, SOAP_FAULT -> Expectation.incomplete(1);
            case SESSION_EXPIRED, UNAUTHORIZED, FORBIDDEN -> Expectation.userError(1);
        };
    }

    private static FaultRule rule(Phase phase, Fault fault, int times) {
        FaultKind kind = switch (fault) {
            case THROTTLED_RETRY_AFTER, THROTTLED -> FaultKind.BURST_LIMIT;
            case HTTP_500 -> FaultKind.SERVER_ERROR;
            case HTTP_502 -> FaultKind.BAD_GATEWAY;
            case HTTP_503 -> FaultKind.SERVICE_UNAVAILABLE;
            case CONNECTION_RESET -> FaultKind.CONNECTION_RESET;
            case READ_TIMEOUT -> FaultKind.SLOW_RESPONSE;
            case TRUNCATED_BODY -> FaultKind.BROKEN_CHUNK;
            case MALFORMED_BODY -> FaultKind.TRUNCATED_BODY;
            case HTML_PAGE -> FaultKind.HTML_PAGE;
            case SESSION_EXPIRED, UNAUTHORIZED -> FaultKind.EXPIRED_TOKEN;
            case DAILY_LIMIT -> FaultKind.DAILY_LIMIT;
            case FORBIDDEN -> FaultKind.MISSING_SCOPE;
            case SOAP_FAULT -> throw new IllegalArgumentException("HubSpot has no SOAP faults");
        };
        FaultRule rule = FaultRule.on(Pattern.quote(phase.path), kind, phase.skip, times);
        return switch (fault) {
            case THROTTLED_RETRY_AFTER -> rule.delayedBy(RETRY_AFTER);
            case READ_TIMEOUT -> rule.delayedBy(SLOW_ANSWER);
            case THROTTLED, HTTP_500, HTTP_502, HTTP_503, CONNECTION_RESET, TRUNCATED_BODY, MALFORMED_BODY, HTML_PAGE, SESSION_EXPIRED,
                    UNAUTHORIZED, DAILY_LIMIT, FORBIDDEN, SOAP_FAULT -> rule;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void everyFaultInEveryPhaseRecoversOrEndsIncompleteWithinTheRetryPolicy(Cell cell) {
        // given
        Phase phase = Stream.of(Phase.values()).filter(p -> p.label.equals(cell.phase())).findFirst().orElseThrow();
        Expectation expected = expectation(cell.fault(), cell.span());
        simulator.armFaults(List.of(rule(phase, cell.fault(), expected.faultHits())));
        SLEEPS.clear();
        int before = simulator.requests().size();

        // when
        FaultMatrix.Observation observed;
        try (HubSpotConnector connector = connector(cell.fault() == Fault.READ_TIMEOUT ? READ_TIMEOUT : null)) {
            observed = MATRIX.observe(baseline, () -> connector.fetch(REQUEST));
        }

        // then
        long extra = simulator.requests().size() - before - baselineRequests;
        MATRIX.check(cell, expected, observed, extra, simulator.injectedFaults(), phase.reasonNames);
        if (cell.fault() == Fault.THROTTLED_RETRY_AFTER) {
            assertThat(SLEEPS).as("waits").contains(RETRY_AFTER);
        }
    }
}
