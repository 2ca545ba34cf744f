package dev.l2o.salesforce;

import static dev.l2o.snapshot.SnapshotAssertions.assertSameContent;
import static dev.l2o.snapshot.SnapshotAssertions.throughFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.IncrementalFetch;
import dev.l2o.connector.PreviousSnapshot;
import dev.l2o.connector.ProgressListener;
import dev.l2o.http.RetryPolicy;
import dev.l2o.model.Snapshot;
import dev.l2o.salesforce.internal.SalesforceCredentials;
import dev.l2o.salesforce.simulator.OrgChanges;
import dev.l2o.salesforce.simulator.OrgSizes;
import dev.l2o.salesforce.simulator.SalesforceSimulator;
import dev.l2o.salesforce.simulator.SimulatedFault;
import dev.l2o.salesforce.simulator.SimulatedOrg;
import dev.l2o.salesforce.simulator.SimulatedRequest;
import dev.l2o.salesforce.simulator.SimulatorOptions;
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
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SalesforceIncrementalFetchTest {
    private static final FetchRequest REQUEST = new FetchRequest(Set.of("Account", "Lead", "Opportunity"),
            Map.of("Opportunity", Set.of("Amount", "CloseDate", "StageName")), true);
    private static final Instant FIRST_RUN = Instant.parse("2030-01-01T02:00:00Z");
    private static final Instant NEXT_RUN = FIRST_RUN.plus(Duration.ofDays(1));

    @TempDir
    Path work;

    private final List<AutoCloseable> open = new ArrayList<>();
    private SalesforceSimulator simulator;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private void start(SimulatedOrg org) {
        simulator = SalesforceSimulator.start(org, SimulatorOptions.defaults().withApiUsage(0, 1_000_000));
        open.add(simulator);
    }

    private SalesforceConnector connector(Instant now) {
        SalesforceSettings settings = new SalesforceSettings(null, simulator.loginUrl(), "62.0", 50_000, 0.5);
        SalesforceConnector connector = new SalesforceConnector(settings, new SalesforceCredentials.Password("integration@example.com", "any"),
                new ConnectorContext(Clock.fixed(now, ZoneOffset.UTC), Map.of(), work, ProgressListener.NONE), duration -> { },
                new RetryPolicy(3, Duration.ZERO, 1, Duration.ZERO, Duration.ZERO));
        open.add(connector);
        return connector;
    }

    /** The first run's snapshot as the scheduler keeps it: written to a file and read back. */
    private Snapshot firstRun() {
        Snapshot first = connector(FIRST_RUN).fetch(REQUEST, PreviousSnapshot.absent("the audit has no earlier run"));
        return throughFile(first, work.resolve("first.l2o.json.gz"));
    }

    private static SimulatedOrg northwind() {
        return SimulatedOrg.fromSfdx(RepositoryFiles.file("examples/northwind"));
    }

    private static SimulatedOrg generated() {
        return SimulatedOrg.generate(42, new OrgSizes(20, 40, 6_000));
    }

    /** Runs a full fetch, changes the org, and compares an incremental fetch with a full one; returns their calls. */
    private int[] assertIncrementalEqualsFull(SimulatedOrg org, long seed) {
        // given
        start(org);
        Snapshot previous = firstRun();
        OrgChanges.Changed changed = OrgChanges.random(org, seed, NEXT_RUN.minus(Duration.ofHours(2)), 0.05);
        simulator.replace(changed.org());

        // when
        int before = simulator.requestLog().size();
        Snapshot incremental = connector(NEXT_RUN).fetch(REQUEST, PreviousSnapshot.of(previous));
        int incrementalCalls = simulator.requestLog().size() - before;
        Snapshot full = connector(NEXT_RUN).fetch(REQUEST);
        int fullCalls = simulator.requestLog().size() - before - incrementalCalls;

        // then
        assertThat(changed.changedOpportunities()).isPositive();
        assertThat(incremental.source().attributes()).containsEntry(IncrementalFetch.FETCH, "incremental")
                .containsEntry(IncrementalFetch.SINCE, "2030-01-01T01:45:00Z").containsKey(SalesforceConnector.ORG_ID);
        assertThat(incremental.automations()).isNotEqualTo(previous.automations());
        assertThat(incremental.pipelines()).isNotEqualTo(previous.pipelines());
        assertSameContent(incremental, full);
        return new int[] {incrementalCalls, fullCalls};
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void anIncrementalFetchOfAGeneratedOrgAfterRandomChangesEqualsAFullFetchWithFewerCalls(long seed) {
        int[] calls = assertIncrementalEqualsFull(generated(), seed);
        assertThat(calls[0]).isLessThan(calls[1]);
    }

    @Test
    void anIncrementalFetchOfNorthwindAfterRandomChangesEqualsAFullFetch() {
        // two flows: metadata costs the same either way, and getDeleted adds two calls
        assertIncrementalEqualsFull(northwind(), 7);
    }

    @Test
    void rowsOfTheOverlapThatThePreviousRunReadAlreadyAreKeptOnce() {
        // given: changes in the hour before the first run, a quarter of them inside the overlap it reads again
        OrgChanges.Changed early = OrgChanges.random(generated(), 11, FIRST_RUN, 0.1);
        start(early.org());
        Snapshot previous = firstRun();
        simulator.replace(OrgChanges.random(early.org(), 12, NEXT_RUN.minus(Duration.ofHours(2)), 0.05).org());

        // when
        Snapshot incremental = connector(NEXT_RUN).fetch(REQUEST, PreviousSnapshot.of(previous));
        Snapshot full = connector(NEXT_RUN).fetch(REQUEST);

        // then
        assertThat(incremental.source().attributes()).containsEntry(IncrementalFetch.FETCH, "incremental");
        assertSameContent(incremental, full);
    }

    @Test
    void anOpportunityRestoredFromTheRecycleBinMakesTheReadFullSinceItsOldRowsPredateTheWatermark() {
        // given
        String id = generatedOpportunity();
        start(OrgChanges.deleted(generated(), id, FIRST_RUN.minus(Duration.ofDays(1))));
        Snapshot previous = firstRun();
        simulator.replace(OrgChanges.restored(generated(), id, NEXT_RUN.minus(Duration.ofHours(2))));

        // when
        Snapshot snapshot = connector(NEXT_RUN).fetch(REQUEST, PreviousSnapshot.of(previous));
        Snapshot full = connector(NEXT_RUN).fetch(REQUEST);

        // then
        assertThat(previous.records()).noneMatch(r -> r.id().equals(id));
        assertThat(snapshot.source().attributes()).containsEntry(IncrementalFetch.FETCH, "full")
                .containsEntry(IncrementalFetch.FETCH_REASON, "opportunity " + id + " was modified since the previous snapshot but is not in"
                        + " it: restored from the recycle bin, its older history rows are read only in full");
        assertSameContent(snapshot, full);
    }

    /** An opportunity of the generated org, read once. */
    private String generatedOpportunity() {
        try (SalesforceSimulator probe = SalesforceSimulator.start(generated(), SimulatorOptions.defaults())) {
            simulator = probe;
            Snapshot snapshot = connector(FIRST_RUN).fetch(REQUEST);
            return snapshot.records().get(3).id();
        }
    }

    @Test
    void readsOnlyChangedFlowsAndRowsCreatedOrModifiedSinceTheWatermarkLessTheOverlap() {
        // given
        start(generated());
        Snapshot previous = firstRun();
        simulator.replace(OrgChanges.random(generated(), 5, NEXT_RUN.minus(Duration.ofHours(2)), 0.05).org());
        int before = simulator.requestLog().size();

        // when
        Snapshot incremental = connector(NEXT_RUN).fetch(REQUEST, PreviousSnapshot.of(previous));

        // then
        List<SimulatedRequest> requests = simulator.requestLog().subList(before, simulator.requestLog().size());
        assertThat(incremental.source().attributes().get(IncrementalFetch.FETCH_REASON))
                .matches("2 changed flows, \\d{1,2} records modified and \\d{1,2} history rows created since then read; \\d{1,2} deleted records"
                        + " left out; the configuration other than flows read again, as the setup audit trail shows 1 change to it since"
                        + " 2030-01-01T01:45:00Z \\(the newest: Customize Opportunities / deactivatePicklistValueWithColor\\)");
        assertThat(requests).filteredOn(r -> r.operation().equals("readMetadata")).hasSizeLessThan(10);
        // organization id, setup audit trail, getDeleted of Opportunity and Lead, records and both histories: one call
        assertThat(requests).filteredOn(r -> r.operation().equals("composite")).hasSize(1);
        assertThat(requests).noneMatch(r -> r.operation().equals("getDeleted") || r.operation().equals("limits"));
        assertThat(requests).noneMatch(r -> r.operation().startsWith("bulk"));
    }

    /**
     * A night: the first run's snapshot of {@code org}, the org changed by {@code change}, the incremental fetch with the
     * requests it made and the org's API calls it used, and a full fetch of the changed org.
     */
    private record Night(Snapshot previous, Snapshot incremental, List<SimulatedRequest> requests, int calls, Snapshot full) {}

    private Night night(SimulatedOrg org, UnaryOperator<SimulatedOrg> change) {
        start(org);
        Snapshot previous = firstRun();
        simulator.replace(change.apply(org));
        int before = simulator.requestLog().size();
        int used = simulator.apiRequestsUsed();
        Snapshot incremental = connector(NEXT_RUN).fetch(REQUEST, PreviousSnapshot.of(previous));
        List<SimulatedRequest> requests = List.copyOf(simulator.requestLog().subList(before, simulator.requestLog().size()));
        int calls = simulator.apiRequestsUsed() - used;
        return new Night(previous, incremental, requests, calls, connector(NEXT_RUN).fetch(REQUEST));
    }

    private static final Instant CHANGED_AT = NEXT_RUN.minus(Duration.ofHours(2));

    @Test
    void aNightlyAuditOfTheReferenceOrgWhereOnlyDealsChangedTakesAtMostFourCallsAndEqualsAFullFetch() {
        // given: the shape of bench/incremental.sh's reference org (1,000 custom fields, 300 flows), fewer history rows
        SimulatedOrg org = SimulatedOrg.generate(42, new OrgSizes(1_000, 300, 15_000));

        // when
        Night night = night(org, changed -> OrgChanges.dealsOnly(changed, 3, CHANGED_AT, 0.01).org());

        // then
        assertThat(night.calls()).isLessThanOrEqualTo(4);
        assertThat(night.incremental().source().attributes().get(IncrementalFetch.FETCH_REASON)).doesNotStartWith("0 changed flows, 0 records")
                .endsWith("; the configuration kept, as no flow changed and the setup audit trail shows no change to the rest");
        assertSameContent(night.incremental(), night.full());
    }

    @Test
    void whenOnlyFlowsChangedInSetupOnlyTheChangedFlowsAreReadAndTheRestIsKept() {
        // when
        Night night = night(generated(), org -> OrgChanges.dealsAndFlows(org, 6, CHANGED_AT, 0.05).org());

        // then
        assertThat(night.incremental().source().attributes().get(IncrementalFetch.FETCH_REASON)).startsWith("2 changed flows, ")
                .endsWith("; the configuration other than flows kept, as the setup audit trail shows no change to it");
        // the changed flows in one readMetadata call, their definitions in another
        assertThat(night.requests()).filteredOn(r -> r.operation().equals("readMetadata")).hasSize(2);
        assertThat(night.incremental().automations()).isNotEqualTo(night.previous().automations());
        assertSameContent(night.incremental(), night.full());
    }

    @Test
    void aReadOfTheCompositeCallAnsweredWith503IsAskedAgainInAnotherCompositeCall() {
        // given
        SimulatedOrg org = generated();
        start(org);
        Snapshot previous = firstRun();
        simulator.replace(OrgChanges.dealsOnly(org, 8, CHANGED_AT, 0.05).org());
        simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.REST, SimulatedFault.Kind.SERVER_ERROR).on("composite/getDeleted").times(1));
        int before = simulator.requestLog().size();

        // when
        Snapshot incremental = connector(NEXT_RUN).fetch(REQUEST, PreviousSnapshot.of(previous));
        List<SimulatedRequest> requests = List.copyOf(simulator.requestLog().subList(before, simulator.requestLog().size()));
        Snapshot full = connector(NEXT_RUN).fetch(REQUEST);

        // then
        assertThat(simulator.injectedFaults()).isEqualTo(1);
        assertThat(requests).filteredOn(r -> r.operation().equals("composite")).hasSize(2);
        assertThat(incremental.source().attributes()).containsEntry(IncrementalFetch.FETCH, "incremental");
        assertSameContent(incremental, full);
    }

    @Test
    void aSetupAuditTrailTheUserMayNotReadMakesTheIncrementalFetchReadTheConfigurationAgainAndSaySo() {
        // when
        Night night = night(generated().withoutSetupAccess(), org -> OrgChanges.dealsOnly(org, 4, CHANGED_AT, 0.05).org());

        // then
        assertThat(night.incremental().source().attributes()).containsEntry(IncrementalFetch.FETCH, "incremental");
        assertThat(night.incremental().source().attributes().get(IncrementalFetch.FETCH_REASON)).contains("; the configuration other than"
                + " flows read again, as the setup audit trail is not available (the org refused the SetupAuditTrail query");
        assertThat(night.requests()).filteredOn(r -> r.operation().equals("readMetadata")).isNotEmpty();
        assertSameContent(night.incremental(), night.full());
    }

    @Test
    void aTrailWhoseRowsReadDoNotReachBackToTheStartMakesTheIncrementalFetchReadTheConfigurationAgain() {
        // given: more setup changes since the start than the two trail pages the fetch reads
        List<SimulatedOrg.SetupAuditRow> busyDay = new ArrayList<>();
        for (int i = 0; i < 4_500; i++) {
            busyDay.add(new SimulatedOrg.SetupAuditRow(CHANGED_AT.plusSeconds(i), "Marco Bianchi", "PermSetAssign", "Manage Users",
                    "Permission set Sales_" + i + ": assigned to user Lena Hoffmann"));
        }

        // when
        Night night = night(generated(), org -> OrgChanges.dealsOnly(org, 5, CHANGED_AT, 0.05).org().withSetupAuditTrail(busyDay));

        // then
        assertThat(night.incremental().source().attributes().get(IncrementalFetch.FETCH_REASON)).endsWith("; the configuration other than"
                + " flows read again, as the setup audit trail's rows read do not reach back to 2030-01-01T01:45:00Z");
        assertSameContent(night.incremental(), night.full());
    }

    @Test
    void aWatermarkOlderThanTheRecycleBinGivesAFullFetchThatSaysWhy() {
        // given
        start(generated());
        Snapshot previous = firstRun();

        // when
        Snapshot snapshot = connector(FIRST_RUN.plus(Duration.ofDays(16))).fetch(REQUEST, PreviousSnapshot.of(previous));

        // then
        assertThat(snapshot.source().attributes()).containsEntry(IncrementalFetch.FETCH, "full")
                .containsEntry(IncrementalFetch.FETCH_REASON, "the previous snapshot's watermark 2030-01-01T02:00:00Z is older than the 15 days"
                        + " salesforce keeps what an incremental read needs");
        assertThat(simulator.requestLog()).noneMatch(r -> r.operation().equals("getDeleted"));
    }

    @Test
    void aSnapshotOfAnotherOrgGivesAFullFetch() {
        // given
        start(northwind());
        Snapshot previous = firstRun();
        close(simulator);
        start(generated());

        // when
        Snapshot snapshot = connector(NEXT_RUN).fetch(REQUEST, PreviousSnapshot.of(previous));

        // then
        assertThat(snapshot.source().attributes()).containsEntry(IncrementalFetch.FETCH, "full");
        assertThat(snapshot.source().attributes().get(IncrementalFetch.FETCH_REASON)).startsWith("the previous snapshot is of another org (orgId ");
    }

    private static void close(SalesforceSimulator simulator) {
        simulator.close();
    }
}
