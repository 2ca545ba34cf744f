package dev.l2o.hubspot;

import static dev.l2o.snapshot.SnapshotAssertions.assertSameContent;
import static dev.l2o.snapshot.SnapshotAssertions.throughFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.IncrementalFetch;
import dev.l2o.connector.PreviousSnapshot;
import dev.l2o.connector.ProgressListener;
import dev.l2o.http.ManualTime;
import dev.l2o.http.RetryPolicy;
import dev.l2o.hubspot.simulator.ArchivedRecord;
import dev.l2o.hubspot.simulator.HubSpotSimulator;
import dev.l2o.hubspot.simulator.PortalChanges;
import dev.l2o.hubspot.simulator.PortalDescription;
import dev.l2o.hubspot.simulator.SimulatorOptions;
import dev.l2o.model.Snapshot;
import dev.l2o.testing.RepositoryFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HubSpotIncrementalFetchTest {
    private static final String TOKEN = "pat-na1-00000000-1111-2222-3333-444444444444";
    private static final FetchRequest REQUEST = new FetchRequest(Set.of("Opportunity", "Lead"),
            Map.of("Opportunity", Set.of("amount", "closedate", "dealname", "hubspot_owner_id")), true);
    private static final Instant FIRST_RUN = Instant.parse("2026-02-01T02:00:00Z");
    private static final Instant NEXT_RUN = FIRST_RUN.plus(Duration.ofDays(1));

    @TempDir
    Path workDirectory;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final ManualTime time = new ManualTime();
    private HubSpotSimulator simulator;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private void start(PortalDescription portal) {
        simulator = HubSpotSimulator.start(portal, SimulatorOptions.defaults().withRateLimit(1_000, Duration.ofSeconds(10)));
        open.add(simulator);
    }

    private HubSpotConnector connector(Instant now) {
        HubSpotSettings settings = HubSpotSettings.of(simulator.baseUrl(), TOKEN)
                .withRetry(new RetryPolicy(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(8), Duration.ofMinutes(1)), time);
        HubSpotConnector connector = new HubSpotConnector(settings, new ConnectorContext(Clock.fixed(now, ZoneOffset.UTC),
                Map.of("HUBSPOT_TOKEN", TOKEN), workDirectory, ProgressListener.NONE));
        open.add(connector);
        return connector;
    }

    /** The first run's snapshot as the scheduler keeps it: written to a file and read back. */
    private Snapshot firstRun() {
        Snapshot first = connector(FIRST_RUN).fetch(REQUEST, PreviousSnapshot.absent("the audit has no earlier run"));
        return throughFile(first, workDirectory.resolve("first.l2o.json.gz"));
    }

    private static PortalDescription examplePortal() {
        return PortalDescription.read(RepositoryFiles.file("examples/hubspot/portal.json"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void anIncrementalFetchAfterRandomChangesEqualsAFullFetch(long seed) {
        // given
        start(examplePortal());
        Snapshot previous = firstRun();
        PortalChanges.Changed changed = PortalChanges.random(examplePortal(), List.of(), seed, NEXT_RUN.minus(Duration.ofHours(2)), 0.05);
        simulator.replace(changed.portal(), changed.archived());

        // when
        int before = simulator.requests().size();
        Snapshot incremental = connector(NEXT_RUN).fetch(REQUEST, PreviousSnapshot.of(previous));
        int incrementalCalls = simulator.requests().size() - before;
        Snapshot full = connector(NEXT_RUN).fetch(REQUEST);
        int fullCalls = simulator.requests().size() - before - incrementalCalls;

        // then
        assertThat(changed.changedDeals()).isPositive();
        assertThat(changed.archived()).isNotEmpty();
        assertThat(incremental.source().attributes()).containsEntry(IncrementalFetch.FETCH, "incremental")
                .containsEntry(IncrementalFetch.SINCE, "2026-02-01T01:45:00Z").containsEntry("portalId", "24681357");
        assertSameContent(incremental, full);
        assertThat(incrementalCalls).isLessThan(fullCalls);
        assertThat(simulator.rateLimitedResponses()).isZero();
    }

    @Test
    void searchesTheChangesWithFilterSortAndPagesOfTwoHundredAndReadsThemWithHistoryInBatchesOfFifty() {
        // given
        start(examplePortal());
        Snapshot previous = firstRun();
        PortalChanges.Changed changed = PortalChanges.random(examplePortal(), List.of(), 9, NEXT_RUN.minus(Duration.ofHours(2)), 0.6);
        simulator.replace(changed.portal(), changed.archived());
        int before = simulator.requests().size();

        // when
        Snapshot incremental = connector(NEXT_RUN).fetch(REQUEST, PreviousSnapshot.of(previous));

        // then
        List<HubSpotSimulator.ReceivedRequest> requests = simulator.requests().subList(before, simulator.requests().size());
        assertThat(incremental.source().attributes()).containsEntry(IncrementalFetch.FETCH, "incremental");
        assertThat(requests).filteredOn(r -> r.path().equals("/crm/v3/objects/deals/search")).hasSizeGreaterThan(1)
                .allMatch(r -> r.method().equals("POST"));
        assertThat(requests).filteredOn(r -> r.path().equals("/crm/v3/objects/deals/batch/read")).hasSizeGreaterThan(4);
        assertThat(requests).noneMatch(r -> r.path().equals("/crm/v3/objects/deals") && r.query().contains("archived=false"));
        assertThat(simulator.rateLimitedResponses()).isZero();
    }

    @Test
    void keepsToTheSearchApisOwnLimitOfFiveRequestsASecond() {
        // given
        PortalDescription portal = PortalDescription.generate(11, 2_000);
        start(portal);
        Snapshot previous = firstRun();
        PortalChanges.Changed changed = PortalChanges.random(portal, List.of(), 5, NEXT_RUN.minus(Duration.ofHours(2)), 0.7);
        simulator.replace(changed.portal(), changed.archived());
        HubSpotSettings realWaits = HubSpotSettings.of(simulator.baseUrl(), TOKEN);
        HubSpotConnector connector = new HubSpotConnector(realWaits, new ConnectorContext(Clock.fixed(NEXT_RUN, ZoneOffset.UTC),
                Map.of("HUBSPOT_TOKEN", TOKEN), workDirectory, ProgressListener.NONE));
        open.add(connector);

        // when
        Snapshot incremental = connector.fetch(REQUEST, PreviousSnapshot.of(previous));

        // then
        assertThat(incremental.source().attributes()).containsEntry(IncrementalFetch.FETCH, "incremental");
        assertThat(simulator.requests()).filteredOn(r -> r.path().endsWith("/search")).hasSizeGreaterThan(6);
        assertThat(simulator.rateLimitedResponses()).isZero();
        assertThat(connector.requestStats().throttled()).isZero();
    }

    @Test
    void aSnapshotOfAnotherPortalGivesAFullFetchThatSaysWhy() {
        // given
        start(examplePortal());
        Snapshot previous = firstRun();
        PortalDescription other = examplePortal();
        simulator.replace(new PortalDescription(other.portalId() + 1, other.company(), other.pipelines(), other.dealProperties(),
                other.contactProperties(), other.companyProperties(), other.owners(), other.flows(), other.deals(), other.generate(),
                other.contacts(), other.auditLogs()), List.of());

        // when
        Snapshot snapshot = connector(NEXT_RUN).fetch(REQUEST, PreviousSnapshot.of(previous));

        // then
        assertThat(snapshot.source().attributes()).containsEntry(IncrementalFetch.FETCH, "full")
                .containsEntry(IncrementalFetch.FETCH_REASON, "the previous snapshot is of another portal (portalId 24681357, this one is 24681358)");
        assertThat(simulator.requests()).noneMatch(r -> r.path().endsWith("/search"));
    }

    @Test
    void aWatermarkOlderThanTheNinetyDaysHubSpotListsArchivedRecordsGivesAFullFetch() {
        // given
        start(examplePortal());
        Snapshot previous = firstRun();

        // when
        Snapshot snapshot = connector(FIRST_RUN.plus(Duration.ofDays(91))).fetch(REQUEST, PreviousSnapshot.of(previous));

        // then
        assertThat(snapshot.source().attributes()).containsEntry(IncrementalFetch.FETCH, "full")
                .containsEntry(IncrementalFetch.FETCH_REASON, "the previous snapshot's watermark 2026-02-01T02:00:00Z is older than the 90 days"
                        + " hubspot keeps what an incremental read needs");
    }

    @Test
    void archivedRecordsLeaveTheSnapshot() {
        // given
        start(examplePortal());
        Snapshot previous = firstRun();
        String dealId = previous.records().get(0).id();
        PortalDescription all = PortalChanges.materialize(examplePortal());
        simulator.replace(new PortalDescription(all.portalId(), all.company(), all.pipelines(), all.dealProperties(), all.contactProperties(),
                all.companyProperties(), all.owners(), all.flows(), all.deals().stream().filter(d -> !d.id().equals(dealId)).toList(), null,
                all.contacts(), all.auditLogs()), List.of(new ArchivedRecord("deals", dealId, NEXT_RUN.minusSeconds(60))));

        // when
        Snapshot snapshot = connector(NEXT_RUN).fetch(REQUEST, PreviousSnapshot.of(previous));

        // then
        assertThat(snapshot.source().attributes()).containsEntry(IncrementalFetch.FETCH, "incremental");
        assertThat(snapshot.records()).noneMatch(r -> r.id().equals(dealId)).hasSize(previous.records().size() - 1);
        List<String> historyIds = new ArrayList<>();
        snapshot.history().forEach(row -> historyIds.add(row.recordId()));
        assertThat(historyIds).doesNotContain(dealId);
    }
}
