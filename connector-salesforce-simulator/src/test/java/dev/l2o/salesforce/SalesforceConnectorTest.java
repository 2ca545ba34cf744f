package dev.l2o.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnector;
import dev.l2o.connector.CrmConnectors;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.connector.SourceSpec;
import dev.l2o.error.ErrorType;
import dev.l2o.error.L2oException;
import dev.l2o.http.RetryPolicy;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.SetupChange;
import dev.l2o.model.Snapshot;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import dev.l2o.salesforce.internal.LiveConfiguration;
import dev.l2o.salesforce.internal.SalesforceCredentials;
import dev.l2o.salesforce.simulator.OrgSizes;
import dev.l2o.salesforce.simulator.SalesforceSimulator;
import dev.l2o.salesforce.simulator.SimulatedFault;
import dev.l2o.salesforce.simulator.SimulatedOrg;
import dev.l2o.salesforce.simulator.SimulatedRequest;
import dev.l2o.salesforce.simulator.SimulatorOptions;
import dev.l2o.testing.RepositoryFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SalesforceConnectorTest {
    private static final Path NORTHWIND = RepositoryFiles.file("examples/northwind");
    private static final Set<String> READ_OPERATIONS = Set.of("login", "oauthToken", "listMetadata", "readMetadata", "bulkQueryCreate",
            "composite");

    @TempDir
    Path work;

    private ConnectorContext context() {
        return new ConnectorContext(Clock.systemUTC(), Map.of(), work, ProgressListener.NONE);
    }

    private SalesforceConnector connector(SalesforceSimulator simulator, long bulkThreshold) {
        SalesforceSettings settings = new SalesforceSettings(null, simulator.loginUrl(), "62.0", bulkThreshold, 0.5);
        return new SalesforceConnector(settings, new SalesforceCredentials.Password("integration@example.com", "any"), context(),
                duration -> { }, new RetryPolicy(3, Duration.ZERO, 1, Duration.ZERO, Duration.ZERO));
    }

    private static List<StageEvent> rows(Snapshot snapshot) {
        List<StageEvent> rows = new ArrayList<>();
        snapshot.stageHistory().orElseThrow().forEach(rows::add);
        return rows;
    }

    private Snapshot sfdx() {
        try (CrmConnector sfdx = CrmConnectors.open(new SourceSpec("sfdx", NORTHWIND.toString(), Map.of()), context())) {
            Snapshot snapshot = sfdx.fetch(FetchRequest.everything());
            List<StageEvent> history = rows(snapshot);
            return snapshot.withHistory(new StageHistory() {
                @Override
                public void forEach(Consumer<StageEvent> sink) {
                    history.forEach(sink);
                }

                @Override
                public String description() {
                    return "northwind history";
                }
            });
        }
    }

    @Test
    void theLiveOrgGivesTheSameConfigurationAndHistoryAsItsSfdxProject() {
        // given
        Snapshot expected = sfdx();
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.fromSfdx(NORTHWIND), SimulatorOptions.defaults());
                SalesforceConnector connector = connector(simulator, 50_000)) {

            // when
            Snapshot live = connector.fetch(FetchRequest.everything());

            // then
            assertThat(LiveConfiguration.withoutFiles(live)).isEqualTo(LiveConfiguration.withoutFiles(expected));
            assertThat(live.pipelines()).isNotEmpty();
            assertThat(live.completeness().complete()).isTrue();
            assertThat(rows(live)).isNotEmpty().containsExactlyInAnyOrderElementsOf(rows(expected));
            assertThat(rows(live)).filteredOn(event -> event.object().equals("Lead")).hasSize(617);
            assertThat(simulator.requestLog()).extracting(SimulatedRequest::operation).contains("query").doesNotContain("bulkQueryCreate");
        }
    }

    @Test
    void aFetchWithoutAutomationsReadsTheSameStagesRecordsAndHistoryWithoutListingOrReadingFlows() {
        // given: an org with 200 flows, whose reads are most of a full fetch's metadata calls
        SimulatedOrg org = SimulatedOrg.generate(17, new OrgSizes(10, 200, 500, 5));
        Snapshot full;
        List<StageEvent> fullRows;
        List<SimulatedRequest> fullRequests;
        try (SalesforceSimulator simulator = SalesforceSimulator.start(org, SimulatorOptions.defaults());
                SalesforceConnector connector = connector(simulator, 50_000)) {
            full = connector.fetch(FetchRequest.everything());
            // the history is spooled to a file the connector deletes when closed
            fullRows = rows(full);
            fullRequests = simulator.requestLog();
        }
        try (SalesforceSimulator simulator = SalesforceSimulator.start(org, SimulatorOptions.defaults());
                SalesforceConnector connector = connector(simulator, 50_000)) {

            // when
            Snapshot metrics = connector.fetch(FetchRequest.everything().withoutAutomations());

            // then
            assertThat(metrics.pipelines()).isNotEmpty().isEqualTo(full.pipelines());
            assertThat(metrics.fields()).isEqualTo(full.fields());
            assertThat(metrics.records()).isEqualTo(full.records());
            assertThat(rows(metrics)).isNotEmpty().containsExactlyInAnyOrderElementsOf(fullRows);
            // validation rules come with their object's record; flows, their definitions and workflow rules are left out
            assertThat(metrics.automations()).isNotEmpty()
                    .isEqualTo(full.automations().stream().filter(a -> a.kind() == AutomationKind.VALIDATION).toList());
            assertThat(full.automations()).filteredOn(a -> a.kind() == AutomationKind.FLOW).hasSizeGreaterThanOrEqualTo(200);
            assertThat(metrics.completeness().complete()).isTrue();
            List<SimulatedRequest> requests = simulator.requestLog();
            assertThat(requests).extracting(SimulatedRequest::operation).doesNotContain("listMetadata");
            assertThat(fullRequests).extracting(SimulatedRequest::operation).contains("listMetadata");
            // 200 flows and their definitions are 40 readMetadata calls of ten names in the full fetch
            assertThat(requests.size()).isLessThanOrEqualTo(fullRequests.size() - 40);
        }
    }

    @Test
    void theLiveOrgReadsItsSetupAuditTrailNewestFirstWithOneQuery() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.fromSfdx(NORTHWIND), SimulatorOptions.defaults());
                SalesforceConnector connector = connector(simulator, 50_000)) {

            // when
            Snapshot live = connector.fetch(FetchRequest.everything());

            // then
            assertThat(live.changeTrail().available()).isTrue();
            assertThat(live.changeTrail().source()).isEqualTo("Salesforce SetupAuditTrail");
            assertThat(live.changeTrail().changes()).hasSize(6);
            SetupChange newest = live.changeTrail().changes().get(0);
            assertThat(newest.at()).isEqualTo(Instant.parse("2026-10-27T16:42:08Z"));
            assertThat(newest.changedBy()).isEqualTo("Priya Raman");
            assertThat(newest.action()).isEqualTo("changedValidationActive");
            assertThat(newest.section()).isEqualTo("Validation Rules");
            assertThat(newest.display()).contains("\"Require_Economic_Buyer\" from 1 to 0");
            assertThat(simulator.queryRequests("SetupAuditTrail")).isEqualTo(1);
        }
    }

    @Test
    void aLongSetupAuditTrailCostsAtMostTwoRequestsAndKeepsTheNewestChanges() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(17, new OrgSizes(10, 3, 100))
                        .withSetupAuditTrail(IntStream.range(0, 5_000)
                                .mapToObj(i -> new SimulatedOrg.SetupAuditRow(Instant.parse("2026-06-01T00:00:00Z").plusSeconds(i), "Ana",
                                        "changedValidationActive", "Validation Rules", "change " + i))
                                .toList()),
                SimulatorOptions.defaults());
                SalesforceConnector connector = connector(simulator, 50_000)) {

            // when
            Snapshot live = connector.fetch(FetchRequest.everything());

            // then
            assertThat(simulator.queryRequests("SetupAuditTrail")).isEqualTo(2);
            assertThat(live.changeTrail().changes()).hasSize(4_000);
            assertThat(live.changeTrail().changes().get(0).display()).isEqualTo("change 4999");
            assertThat(live.changeTrail().source()).isEqualTo(
                    "Salesforce SetupAuditTrail (the newest 4000 of 5000 changes of the last 180 days)");
            assertThat(live.completeness().complete()).isTrue();
        }
    }

    @Test
    void anOrgThatRefusesTheSetupAuditTrailGivesACompleteSnapshotThatSaysWhyAttributionIsMissing() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.fromSfdx(NORTHWIND).withoutSetupAccess(),
                SimulatorOptions.defaults());
                SalesforceConnector connector = connector(simulator, 50_000)) {

            // when
            Snapshot live = connector.fetch(FetchRequest.everything());

            // then
            assertThat(live.completeness().complete()).isTrue();
            assertThat(live.changeTrail().available()).isFalse();
            assertThat(live.changeTrail().changes()).isEmpty();
            assertThat(live.changeTrail().unavailableReason()).contains("View Setup and Configuration", "INVALID_TYPE");
        }
    }

    @Test
    void theBulkPathGivesTheSameHistoryAsTheRestPath() {
        // given
        Snapshot expected = sfdx();
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.fromSfdx(NORTHWIND), SimulatorOptions.defaults());
                SalesforceConnector connector = connector(simulator, 0)) {

            // when
            Snapshot live = connector.fetch(FetchRequest.everything());

            // then
            assertThat(rows(live)).containsExactlyInAnyOrderElementsOf(rows(expected));
            assertThat(simulator.requestLog()).extracting(SimulatedRequest::operation).contains("bulkQueryCreate", "bulkQueryResults");
        }
    }

    @Test
    void aLargeOrgCrossesTheBulkThresholdAndEveryRequestOfTheFetchIsARead() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(17, new OrgSizes(60, 25, 60_001)),
                SimulatorOptions.defaults());
                SalesforceConnector connector = connector(simulator, SalesforceSettings.DEFAULT_BULK_THRESHOLD)) {

            // when
            Snapshot live = connector.fetch(new FetchRequest(Set.of("Account", "Lead", "Opportunity"),
                    Map.of("Opportunity", Set.of("StageName", "Amount", "CloseDate")), true));

            // then
            assertThat(rows(live)).hasSize(60_001).allMatch(event -> event.object().equals("Opportunity"));
            assertThat(live.completeness().complete()).isTrue();
            assertThat(live.records()).hasSize(10_001);
            assertThat(live.automations()).isNotEmpty();
            assertThat(simulator.requestLog()).extracting(SimulatedRequest::operation).contains("bulkQueryCreate")
                    .doesNotContain("limits").startsWith("login", "composite");
            assertThat(simulator.requestLog()).allSatisfy(request -> assertThat(request.method().equals("GET")
                    || READ_OPERATIONS.contains(request.operation())).as(request.toString()).isTrue());
        }
    }

    @Test
    void aDailyLimitReachedWhileReadingHistoryMakesTheSnapshotIncomplete() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(17, new OrgSizes(10, 3, 5_000)),
                SimulatorOptions.defaults());
                SalesforceConnector connector = connector(simulator, 50_000)) {
            simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.REST, SimulatedFault.Kind.LIMIT_EXCEEDED).after(5)); // limits, organization id, setup audit trail (2 pages), records

            // when
            Snapshot live = connector.fetch(FetchRequest.everything());

            // then
            assertThat(live.completeness().complete()).isFalse();
            assertThat(live.completeness().reasons()).singleElement().asString().contains("OpportunityHistory", "REQUEST_LIMIT_EXCEEDED");
            assertThat(live.history()).isNull();
        }
    }

    @Test
    void aBudgetTooSmallForTheHistoryStopsBeforeExhaustingTheOrg() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(17, new OrgSizes(10, 3, 20_000)),
                SimulatorOptions.defaults().withApiUsage(9_800, 10_000));
                SalesforceConnector connector = new SalesforceConnector(new SalesforceSettings(null, simulator.loginUrl(), "62.0", 50_000, 0.1),
                        new SalesforceCredentials.Password("u", "p"), context(), d -> { }, RetryPolicy.standard())) {

            // when
            Snapshot live = connector.fetch(FetchRequest.everything());

            // then
            assertThat(live.completeness().complete()).isFalse();
            assertThat(live.completeness().reasons()).singleElement().asString().contains("budget of 20 API requests (10% of the 200");
            assertThat(simulator.apiRequestsUsed() - 9_800).isLessThanOrEqualTo(20);
        }
    }

    @Test
    void aSessionExpiredDuringTheHistoryQueryIsRenewedByLoggingInAgain() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(17, new OrgSizes(10, 3, 5_000)),
                SimulatorOptions.defaults());
                SalesforceConnector connector = connector(simulator, 50_000)) {
            simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.REST, SimulatedFault.Kind.SESSION_EXPIRED).after(2));

            // when
            Snapshot live = connector.fetch(FetchRequest.everything());

            // then
            assertThat(live.completeness().complete()).isTrue();
            assertThat(rows(live)).hasSize(5_000);
            assertThat(simulator.requestLog()).filteredOn(r -> r.operation().equals("login")).hasSize(2);
            assertThat(simulator.requestLog()).anyMatch(r -> r.status() == 401);
        }
    }

    @Test
    void metadataThatCannotBeReadFailsTheFetchAsAnExternalError() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(17, new OrgSizes(10, 3, 10)),
                SimulatorOptions.defaults());
                SalesforceConnector connector = connector(simulator, 50_000)) {
            simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.METADATA, SimulatedFault.Kind.SERVER_ERROR).times(100));

            // then
            assertThatThrownBy(() -> connector.fetch(FetchRequest.everything()))
                    .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.EXTERNAL));
        }
    }

    @Test
    void closingTheConnectorDeletesTheHistorySpool() throws Exception {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(17, new OrgSizes(10, 3, 100)),
                SimulatorOptions.defaults())) {
            SalesforceConnector connector = connector(simulator, 50_000);
            connector.fetch(FetchRequest.everything());

            // when
            connector.close();

            // then
            try (var files = Files.list(work)) {
                assertThat(files.filter(f -> f.getFileName().toString().startsWith("salesforce-history-"))).isEmpty();
            }
        }
    }
}
