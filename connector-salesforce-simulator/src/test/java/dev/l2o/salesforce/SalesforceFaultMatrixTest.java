package dev.l2o.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.http.RetryPolicy;
import dev.l2o.model.Snapshot;
import dev.l2o.salesforce.internal.SalesforceCredentials;
import dev.l2o.salesforce.simulator.OrgSizes;
import dev.l2o.salesforce.simulator.SalesforceSimulator;
import dev.l2o.salesforce.simulator.SimulatedFault;
import dev.l2o.salesforce.simulator.SimulatedFault.Endpoint;
import dev.l2o.salesforce.simulator.SimulatedFault.Kind;
import dev.l2o.salesforce.simulator.SimulatedOrg;
import dev.l2o.salesforce.simulator.SimulatorOptions;
import dev.l2o.testing.FaultMatrix;
import dev.l2o.testing.FaultMatrix.Cell;
import dev.l2o.testing.FaultMatrix.Expectation;
import dev.l2o.testing.FaultMatrix.Fault;
import dev.l2o.testing.FaultMatrix.Span;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix of the live Salesforce connector against the simulated org: every phase of a fetch (SOAP
 * login, JWT token, the first composite call, listMetadata, readMetadata, REST query pages, Bulk job create, poll and result
 * pages) under every fault, each transient fault once and on every attempt the retry policy allows. The
 * connector calls no describe: stage semantics come from the Metadata API. Writes
 * {@code target/fault-matrix/salesforce.md}.
 */
class SalesforceFaultMatrixTest {
    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), Duration.ofSeconds(30));
    private static final int RETRY_AFTER_SECONDS = 5;
    /** Every request of a timeout cell has it: long enough that a healthy answer on two busy cores never hits it. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final int SLOW_ANSWER_MILLIS = 3_000;
    private static final FetchRequest REQUEST = new FetchRequest(Set.of("Opportunity"),
            Map.of("Opportunity", Set.of("StageName", "Amount")), true);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final FaultMatrix MATRIX = new FaultMatrix("salesforce", Set.of("apiRequests"));

    /** How the connector logs in and reads history for a phase: the fault-free fetch of each is the baseline. */
    enum Setup {
        PASSWORD_REST,
        JWT_REST,
        PASSWORD_BULK
    }

    /**
     * A phase of the fetch: the simulator's endpoint and operation, how many requests of it pass before the
     * faulted one, and the words the reason of a failure must contain.
     */
    enum Phase {
        SOAP_LOGIN("login (SOAP)", Endpoint.LOGIN, "login", 0, Setup.PASSWORD_REST, "SOAP login"),
        JWT_TOKEN("login (JWT token)", Endpoint.OAUTH_TOKEN, "oauthToken", 0, Setup.JWT_REST, "OAuth token request", "JWT bearer login"),
        // the first call: the organization id and the setup audit trail's first page in one composite request (its
        // Sforce-Limit-Info header starts the budget, so the limits resource is not asked)
        COMPOSITE("composite", Endpoint.REST, "composite", 0, Setup.PASSWORD_REST, "composite request"),
        METADATA_LIST("metadata list", Endpoint.METADATA, "listMetadata", 0, Setup.PASSWORD_REST, "listMetadata"),
        METADATA_READ("metadata read 3", Endpoint.METADATA, "readMetadata", 2, Setup.PASSWORD_REST, "readMetadata"),
        // top-level queries in fetch order: the opportunity records, the history count, the history (pages of 2,000
        // rows); the setup audit trail's second page comes before as the first queryMore
        QUERY_PAGE_1("REST query page 1", Endpoint.REST, "query", 2, Setup.PASSWORD_REST, "OpportunityHistory"),
        QUERY_PAGE_2("REST query page 2", Endpoint.REST, "queryMore", 1, Setup.PASSWORD_REST, "OpportunityHistory"),
        BULK_CREATE("Bulk job create", Endpoint.BULK, "bulkQueryCreate", 0, Setup.PASSWORD_BULK, "Bulk query job"),
        BULK_POLL("Bulk job poll", Endpoint.BULK, "bulkQueryStatus", 0, Setup.PASSWORD_BULK, "status of the Bulk query job"),
        BULK_RESULTS_PAGE_2("Bulk results page 2", Endpoint.BULK, "bulkQueryResults", 1, Setup.PASSWORD_BULK, "Bulk query results");

        final String label;
        final Endpoint endpoint;
        final String operation;
        final int after;
        final Setup setup;
        final List<String> reasonNames;

        Phase(String label, Endpoint endpoint, String operation, int after, Setup setup, String... reasonNames) {
            this.label = label;
            this.endpoint = endpoint;
            this.operation = operation;
            this.after = after;
            this.setup = setup;
            this.reasonNames = List.of(reasonNames);
        }

        boolean authenticates() {
            return this == SOAP_LOGIN || this == JWT_TOKEN;
        }
    }

    @TempDir
    static Path work;

    private static SalesforceSimulator simulator;
    private static Path jwtKey;
    private static final Map<Setup, Snapshot> BASELINES = new EnumMap<>(Setup.class);
    private static final Map<Setup, Integer> BASELINE_REQUESTS = new EnumMap<>(Setup.class);
    private static final List<Duration> SLEEPS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTheOrgAndFetchItWithoutFaults() throws Exception {
        simulator = SalesforceSimulator.start(SimulatedOrg.generate(5, new OrgSizes(4, 2, 2_100)),
                SimulatorOptions.defaults().withBulkPageSize(2_000));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        jwtKey = work.resolve("jwt.pk8.pem");
        Files.writeString(jwtKey, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        for (Setup setup : Setup.values()) {
            int before = simulator.requestLog().size();
            try (SalesforceConnector connector = connector(setup, null)) {
                Snapshot snapshot = connector.fetch(REQUEST);
                assertThat(snapshot.completeness().complete()).as(setup.name()).isTrue();
                BASELINES.put(setup, FaultMatrix.withHistoryInMemory(snapshot));
            }
            BASELINE_REQUESTS.put(setup, simulator.requestLog().size() - before);
        }
    }

    @AfterAll
    static void writeTheMatrix() {
        if (simulator != null) {
            simulator.close();
        }
        MATRIX.write(Path.of("target", "fault-matrix"));
    }

    private static SalesforceConnector connector(Setup setup, Duration readTimeout) {
        SalesforceSettings settings = new SalesforceSettings(null, simulator.loginUrl(), "62.0", setup == Setup.PASSWORD_BULK ? 0 : 50_000,
                1.0);
        SalesforceCredentials credentials = setup == Setup.JWT_REST
                ? new SalesforceCredentials.JwtBearer("3MVG9consumerKey", "integration@example.com", jwtKey)
                : new SalesforceCredentials.Password("integration@example.com", "any");
        ConnectorContext context = new ConnectorContext(CLOCK, Map.of(), work, ProgressListener.NONE);
        return new SalesforceConnector(settings, credentials, context, SLEEPS::add, POLICY, readTimeout);
    }

    static Stream<Cell> cells() {
        return FaultMatrix.cells(Stream.of(Phase.values()).map(phase -> phase.label).toList(), (label, fault) -> applies(phase(label), fault));
    }

    private static Phase phase(String label) {
        return Stream.of(Phase.values()).filter(p -> p.label.equals(label)).findFirst().orElseThrow();
    }

    /** Faults a phase cannot meet: SOAP faults outside SOAP, sessions and API limits before there is a session. */
    private static boolean applies(Phase phase, Fault fault) {
        return switch (fault) {
            case SOAP_FAULT -> phase.endpoint == Endpoint.LOGIN || phase.endpoint == Endpoint.METADATA;
            case SESSION_EXPIRED, DAILY_LIMIT, FORBIDDEN -> !phase.authenticates();
            case THROTTLED_RETRY_AFTER, THROTTLED, HTTP_500, HTTP_502, HTTP_503, CONNECTION_RESET, READ_TIMEOUT, TRUNCATED_BODY,
                    MALFORMED_BODY, HTML_PAGE, UNAUTHORIZED -> true;
        };
    }

    /** What the retry policy promises: transient faults recover within it or end incomplete; the rest never retry. */
    private static Expectation expectation(Phase phase, Fault fault, Span span) {
        return switch (fault) {
            case THROTTLED_RETRY_AFTER, THROTTLED, HTTP_500, HTTP_502, HTTP_503, CONNECTION_RESET, TRUNCATED_BODY, HTML_PAGE ->
                    span == Span.ONCE ? Expectation.recovered(1, 1) : Expectation.incomplete(POLICY.maxAttempts());
            // the job counts a poll it answered although the answer was lost or mangled: it completes a poll earlier
            case READ_TIMEOUT, MALFORMED_BODY -> span == Span.ONCE ? Expectation.recovered(phase == Phase.BULK_POLL ? 0 : 1, 1)
                    : Expectation.incomplete(POLICY.maxAttempts());
            // the failed request, one login, the request again
            case SESSION_EXPIRED -> Expectation.recovered(2, 1);
            case DAILY_LIMIT, SOAP_FAULT -> Expectation.incomplete(1);
            // refused again after the one re-login
            case UNAUTHORIZED -> Expectation.userError(phase.authenticates() ? 1 : 2);
            case FORBIDDEN -> Expectation.userError(1);
        };
    }

    private static SimulatedFault fault(Phase phase, Fault fault, int times) {
        SimulatedFault base = switch (fault) {
            case THROTTLED_RETRY_AFTER -> SimulatedFault.of(phase.endpoint, Kind.THROTTLED).value(RETRY_AFTER_SECONDS);
            case THROTTLED -> SimulatedFault.of(phase.endpoint, Kind.THROTTLED);
            case HTTP_500 -> SimulatedFault.of(phase.endpoint, Kind.SERVER_ERROR).value(500);
            case HTTP_502 -> SimulatedFault.of(phase.endpoint, Kind.SERVER_ERROR).value(502);
            case HTTP_503 -> SimulatedFault.of(phase.endpoint, Kind.SERVER_ERROR).value(503);
            case CONNECTION_RESET -> SimulatedFault.of(phase.endpoint, Kind.CONNECTION_RESET);
            case READ_TIMEOUT -> SimulatedFault.of(phase.endpoint, Kind.LATENCY).value(SLOW_ANSWER_MILLIS);
            case TRUNCATED_BODY -> SimulatedFault.of(phase.endpoint, Kind.BROKEN_CHUNK);
            case MALFORMED_BODY -> SimulatedFault.of(phase.endpoint, Kind.MALFORMED_BODY);
            case HTML_PAGE -> SimulatedFault.of(phase.endpoint, Kind.HTML_PAGE);
            case SESSION_EXPIRED -> SimulatedFault.of(phase.endpoint, Kind.SESSION_EXPIRED);
            case DAILY_LIMIT -> SimulatedFault.of(phase.endpoint, Kind.LIMIT_EXCEEDED);
            case SOAP_FAULT -> SimulatedFault.of(phase.endpoint, Kind.SOAP_FAULT);
            case UNAUTHORIZED -> SimulatedFault.of(phase.endpoint, Kind.REFUSED).value(401);
            case FORBIDDEN -> SimulatedFault.of(phase.endpoint, Kind.REFUSED).value(403);
        };
        return base.on(phase.operation).after(phase.after).times(times);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void everyFaultInEveryPhaseRecoversOrEndsIncompleteWithinTheRetryPolicy(Cell cell) {
        // given
        Phase phase = phase(cell.phase());
        Expectation expected = expectation(phase, cell.fault(), cell.span());
        simulator.reset();
        SLEEPS.clear();
        simulator.inject(fault(phase, cell.fault(), expected.faultHits()));
        int before = simulator.requestLog().size();

        // when
        FaultMatrix.Observation observed;
        try (SalesforceConnector connector = connector(phase.setup, cell.fault() == Fault.READ_TIMEOUT ? READ_TIMEOUT : null)) {
            observed = MATRIX.observe(BASELINES.get(phase.setup), () -> connector.fetch(REQUEST));
        }

        // then
        long extra = simulator.requestLog().size() - before - BASELINE_REQUESTS.get(phase.setup);
        MATRIX.check(cell, expected, observed, extra, simulator.injectedFaults(), phase.reasonNames);
        if (cell.fault() == Fault.THROTTLED_RETRY_AFTER) {
            assertThat(SLEEPS).as("waits").contains(Duration.ofSeconds(RETRY_AFTER_SECONDS));
        }
    }
}
