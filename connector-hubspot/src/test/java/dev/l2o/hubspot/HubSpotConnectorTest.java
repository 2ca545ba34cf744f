package dev.l2o.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.ErrorType;
import dev.l2o.error.L2oException;
import dev.l2o.http.ManualTime;
import dev.l2o.http.RetryPolicy;
import dev.l2o.hubspot.simulator.FaultKind;
import dev.l2o.hubspot.simulator.FaultRule;
import dev.l2o.hubspot.simulator.HubSpotSimulator;
import dev.l2o.hubspot.simulator.PortalDescription;
import dev.l2o.hubspot.simulator.SimulatorOptions;
import dev.l2o.model.Assignee;
import dev.l2o.model.AssigneeKind;
import dev.l2o.model.Automation;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.Pipeline;
import dev.l2o.model.SetupChange;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import dev.l2o.model.StageEvent;
import dev.l2o.testing.RepositoryFiles;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubSpotConnectorTest {
    private static final String TOKEN = "pat-na1-00000000-1111-2222-3333-444444444444";
    private static final FetchRequest FULL = new FetchRequest(Set.of("Opportunity", "Lead"),
            Map.of("Opportunity", Set.of("amount", "closedate", "pain", "region", "no_such_property")), true);

    @TempDir
    Path workDirectory;

    private HubSpotSimulator simulator;
    private HubSpotConnector connector;
    private final ManualTime time = new ManualTime();

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private static PortalDescription portal() {
        try {
            return PortalDescription.read(Path.of(HubSpotConnectorTest.class.getResource("test-portal.json").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private HubSpotSettings start(SimulatorOptions options) {
        simulator = HubSpotSimulator.start(portal(), options);
        return HubSpotSettings.of(simulator.baseUrl(), TOKEN)
                .withRetry(new RetryPolicy(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(8), Duration.ofMinutes(1)), time)
                // generous: a loopback answer on a loaded 2-core machine can take seconds; tests of timeouts set their own
                .withReadTimeout(Duration.ofSeconds(20));
    }

    private Snapshot fetch(HubSpotSettings settings, FetchRequest request) {
        ConnectorContext context = new ConnectorContext(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC),
                Map.of("HUBSPOT_TOKEN", TOKEN), workDirectory, ProgressListener.NONE);
        connector = new HubSpotConnector(settings, context);
        return connector.fetch(request);
    }

    private static List<StageEvent> events(Snapshot snapshot, String dealId) {
        List<StageEvent> events = new ArrayList<>();
        snapshot.history().forEach(e -> {
            if (e.recordId().equals(dealId)) {
                events.add(e);
            }
        });
        return events;
    }

    @Test
    void readsEveryDealPipelineInDisplayOrderWithProbabilitiesClosedWonAndArchivedStages() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults());

        // when
        Snapshot snapshot = fetch(settings, FULL);

        // then
        assertThat(snapshot.crm()).isEqualTo("hubspot");
        List<Pipeline> deals = snapshot.pipelinesOf("deals");
        assertThat(deals).extracting(Pipeline::id, Pipeline::label, Pipeline::isDefault)
                .containsExactly(Tuple.tuple("default", "Sales Pipeline", true),
                        Tuple.tuple("12345678", "Enterprise", false));
        Pipeline sales = deals.get(0);
        assertThat(sales.stages()).extracting(Stage::apiName).containsExactly("appointmentscheduled", "qualifiedtobuy",
                "presentationscheduled", "contractsent", "closedwon", "closedlost");
        assertThat(sales.stage("appointmentscheduled").orElseThrow().probability()).isEqualTo(20.0);
        assertThat(sales.stage("presentationscheduled").orElseThrow().active()).isFalse();
        assertThat(sales.activeStages()).hasSize(5);
        Stage won = sales.stage("Closed Won").orElseThrow();
        assertThat(won.closed()).isTrue();
        assertThat(won.won()).isTrue();
        assertThat(won.ref().address()).isEqualTo("hubspot:pipeline/default/stage/closedwon");
        Stage lost = sales.stage("closedlost").orElseThrow();
        assertThat(lost.closed()).isTrue();
        assertThat(lost.won()).isFalse();
        // equal display orders are ordered by label
        assertThat(deals.get(1).stages()).extracting(Stage::label).containsExactly("Business case", "Scoping", "Signed", "Lost");
    }

    @Test
    void readsPropertiesAsFieldsAndTheContactLifecycleAsLeadPipelines() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults());

        // when
        Snapshot snapshot = fetch(settings, FULL);

        // then
        assertThat(snapshot.field("deals", "amount").orElseThrow().type()).isEqualTo("number/number");
        assertThat(snapshot.field("deals", "region").orElseThrow())
                .satisfies(region -> {
                    assertThat(region.type()).isEqualTo("enumeration/select");
                    assertThat(region.values()).containsExactly("amer", "emea");
                    assertThat(region.custom()).isTrue();
                    assertThat(region.ref().address()).isEqualTo("hubspot:property/deals/region");
                });
        assertThat(snapshot.field("deals", "dealstage").orElseThrow().values()).contains("closedwon", "3992480464");
        List<Pipeline> contacts = snapshot.pipelinesOf("contacts");
        assertThat(contacts).extracting(Pipeline::id).containsExactly("lifecyclestage", "hs_lead_status");
        assertThat(contacts.get(0).isDefault()).isTrue();
        assertThat(contacts.get(0).stages()).extracting(Stage::apiName).startsWith("subscriber", "lead", "marketingqualifiedlead");
        assertThat(contacts.get(0).stage("opportunity").orElseThrow().converted()).isTrue();
        assertThat(contacts.get(0).stage("lead").orElseThrow().converted()).isFalse();
    }

    @Test
    void aRequestWithoutAutomationsReadsNoWorkflowAndTheSamePipelinesAndDeals() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults());
        Snapshot full = fetch(settings, FULL);
        int fullRequests = simulator.requests().size();

        // when
        Snapshot metrics = fetch(settings, FULL.withoutAutomations());

        // then
        assertThat(metrics.automations()).isEmpty();
        assertThat(full.automations()).isNotEmpty();
        assertThat(metrics.pipelines()).isEqualTo(full.pipelines());
        assertThat(metrics.records()).isEqualTo(full.records());
        assertThat(simulator.requests().subList(fullRequests, simulator.requests().size()))
                .isNotEmpty().noneMatch(request -> request.path().startsWith("/automation/"));
    }

    @Test
    void readsOwnersTeamsAndTheWorkflowsThatRouteDeals() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults());

        // when
        Snapshot snapshot = fetch(settings, FULL);

        // then
        assertThat(snapshot.assignees()).containsExactly(new Assignee(AssigneeKind.USER, "101", "Ada Lovelace"),
                new Assignee(AssigneeKind.USER, "102", "Grace Hopper"), new Assignee(AssigneeKind.TEAM, "7", "Inbound"));
        assertThat(snapshot.automations()).extracting(Automation::name)
                .containsExactly("Enterprise owner", "Lead status on create", "Rotate inbound deals");
        Automation rotation = snapshot.automations().get(2);
        assertThat(rotation.active()).isTrue();
        assertThat(rotation.object()).isEqualTo("deals");
        assertThat(rotation.trigger()).isEqualTo("LIST_BASED");
        assertThat(rotation.fieldsReferenced()).containsExactly("region");
        assertThat(rotation.fieldsWritten()).containsExactly("hubspot_owner_id");
        assertThat(rotation.assignees()).extracting(Assignee::name).containsExactly("101", "102");
        assertThat(rotation.ref().address()).isEqualTo("hubspot:flow/501");
        Automation setOwner = snapshot.automations().get(0);
        assertThat(setOwner.active()).isFalse();
        assertThat(setOwner.routes()).isTrue();
        Automation leadStatus = snapshot.automations().get(1);
        assertThat(leadStatus.object()).isEqualTo("contacts");
        assertThat(leadStatus.routes()).isFalse();
        assertThat(leadStatus.fieldsReferenced()).containsExactly("lifecyclestage");
    }

    @Test
    void pagesThroughEveryDealFiftyAtATimeWhenHistoryIsRequested() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults());

        // when
        Snapshot snapshot = fetch(settings, FULL);

        // then
        List<HubSpotSimulator.ReceivedRequest> dealPages = simulator.requests().stream()
                .filter(r -> r.path().equals("/crm/v3/objects/deals")).toList();
        assertThat(dealPages).hasSize(3).allSatisfy(r -> assertThat(r.query()).contains("limit=50", "propertiesWithHistory=dealstage"));
        assertThat(snapshot.records()).hasSize(120);
        assertThat(snapshot.history().sortedByRecord()).isTrue();
        List<String> dealIds = new ArrayList<>();
        snapshot.history().forEach(e -> {
            if (e.object().equals("deals") && (dealIds.isEmpty() || !dealIds.get(dealIds.size() - 1).equals(e.recordId()))) {
                dealIds.add(e.recordId());
            }
        });
        assertThat(dealIds).hasSize(120).doesNotHaveDuplicates();
        assertThat(snapshot.completeness().complete()).isTrue();
    }

    @Test
    void ordersUnsortedHistoryDropsExactDuplicatesAndKeepsSameStageRows() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults());

        // when
        Snapshot snapshot = fetch(settings, FULL);

        // then
        assertThat(events(snapshot, "1001")).extracting(StageEvent::stage, e -> e.at().toString())
                .containsExactly(Tuple.tuple("appointmentscheduled", "2025-01-01T00:00:00Z"),
                        Tuple.tuple("qualifiedtobuy", "2025-01-10T00:00:00Z"),
                        Tuple.tuple("qualifiedtobuy", "2025-01-20T00:00:00Z"),
                        Tuple.tuple("closedwon", "2025-02-01T00:00:00Z"));
        assertThat(events(snapshot, "1002")).extracting(StageEvent::stage).containsExactly("3992480464", "3992480463");
        assertThat(events(snapshot, "1001")).allSatisfy(e -> assertThat(e.object()).isEqualTo("deals"));
        // the history can be read again
        assertThat(events(snapshot, "1001")).hasSize(4);
    }

    @Test
    void pagesThroughEveryContactsLifecycleHistoryFiftyAtATime() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults());

        // when
        Snapshot snapshot = fetch(settings, FULL);

        // then
        List<HubSpotSimulator.ReceivedRequest> contactPages = simulator.requests().stream()
                .filter(r -> r.path().equals("/crm/v3/objects/contacts")).toList();
        assertThat(contactPages).hasSize(3).allSatisfy(r -> assertThat(r.query())
                .contains("limit=50", "properties=lifecyclestage", "propertiesWithHistory=lifecyclestage"));
        assertThat(contactPages.get(0).query()).doesNotContain("after=");
        assertThat(contactPages.subList(1, 3)).allSatisfy(r -> assertThat(r.query()).contains("after="));
        List<String> contactIds = new ArrayList<>();
        snapshot.history().forEach(e -> {
            if (e.object().equals("contacts") && (contactIds.isEmpty() || !contactIds.get(contactIds.size() - 1).equals(e.recordId()))) {
                contactIds.add(e.recordId());
            }
        });
        assertThat(contactIds).hasSize(118).doesNotHaveDuplicates();
        assertThat(snapshot.history().sortedByRecord()).isTrue();
        assertThat(snapshot.history().description()).contains("HubSpot deal stage history", "rows of 120 deals",
                "HubSpot contact lifecycle stage history (propertiesWithHistory=lifecyclestage)", "rows of 118 contacts");
        assertThat(snapshot.completeness().complete()).isTrue();
    }

    @Test
    void leadRowsOfTheContactsAreInTheHistoryInTimeOrderWithoutExactDuplicates() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults());

        // when
        Snapshot snapshot = fetch(settings, FULL);

        // then
        assertThat(events(snapshot, "2001")).extracting(StageEvent::object, StageEvent::stage, e -> e.at().toString())
                .containsExactly(Tuple.tuple("contacts", "lead", "2025-01-01T00:00:00Z"),
                        Tuple.tuple("contacts", "marketingqualifiedlead", "2025-01-10T00:00:00Z"),
                        Tuple.tuple("contacts", "marketingqualifiedlead", "2025-01-20T00:00:00Z"),
                        Tuple.tuple("contacts", "salesqualifiedlead", "2025-02-01T00:00:00Z"));
        assertThat(events(snapshot, "2002")).extracting(StageEvent::stage).containsExactly("subscriber", "lead");
        assertThat(events(snapshot, "2002")).allSatisfy(e -> assertThat(e.amount()).isNull());
        Pipeline lifecycle = snapshot.pipelines().stream().filter(p -> p.object().equals("contacts")
                && p.stages().stream().anyMatch(s -> s.apiName().equals("salesqualifiedlead"))).findFirst().orElseThrow();
        assertThat(lifecycle.object()).isEqualTo("contacts");
    }

    @Test
    void noContactIsReadWhenTheAuditDoesNotNameTheLeadObject() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults());

        // when
        Snapshot snapshot = fetch(settings, new FetchRequest(Set.of("Opportunity"), Map.of(), true));

        // then
        assertThat(simulator.requests()).noneMatch(r -> r.path().equals("/crm/v3/objects/contacts"));
        List<String> objects = new ArrayList<>();
        snapshot.history().forEach(e -> objects.add(e.object()));
        assertThat(objects).isNotEmpty().containsOnly("deals");
    }

    @Test
    void aMissingContactsReadScopeIsAPermissionErrorThatNamesTheScope() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults().withGrantedScopes(Set.of("crm.objects.deals.read",
                "crm.schemas.deals.read", "crm.schemas.contacts.read", "crm.objects.owners.read", "automation")));

        // when / then
        assertThatThrownBy(() -> fetch(settings, FULL)).isInstanceOfSatisfying(L2oException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.MISSING_PERMISSION);
            assertThat(e.getMessage()).contains("contacts", "crm.objects.contacts.read", "MISSING_SCOPES").doesNotContain(TOKEN);
        });
    }

    @Test
    void typesRecordValuesAndKeepsTheStageDatePropertiesForTheCrossCheck() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults());

        // when
        Snapshot snapshot = fetch(settings, FULL);

        // then
        CrmRecord deal = snapshot.records().stream().filter(r -> r.id().equals("1001")).findFirst().orElseThrow();
        assertThat(deal.object()).isEqualTo("deals");
        assertThat(deal.values()).containsEntry("amount", 50_000.0).containsEntry("pain", "slow reports")
                .containsEntry("region", "emea").containsEntry("dealstage", "closedwon").containsEntry("pipeline", "default")
                .containsEntry("hs_v2_date_entered_qualifiedtobuy", "2025-01-10T00:00:00Z")
                .containsEntry("hs_v2_date_exited_qualifiedtobuy", "2025-02-01T00:00:00Z")
                .containsEntry("hs_v2_cumulative_time_in_qualifiedtobuy", (double) Duration.ofDays(22).toMillis())
                .doesNotContainKey("no_such_property");
        assertThat(deal.pipeline()).isEqualTo("default");
        assertThat(snapshot.source().attributes()).containsEntry("stageDateProperties", "30 of 30");
    }

    @Test
    void everyRequestOfAFullAuditIsARead() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults());

        // when
        fetch(settings, FULL);

        // then
        assertThat(simulator.requests()).isNotEmpty().allSatisfy(request -> assertThat(
                request.method().equals("GET")
                        || request.method().equals("POST") && request.path().equals("/automation/v4/flows/batch/read"))
                .as("%s %s reads", request.method(), request.path()).isTrue());
    }

    @Test
    void staysWithinTheRateLimitSoThatNoRequestIsThrottled() {
        // given
        simulator = HubSpotSimulator.start(portal(), SimulatorOptions.defaults().withRateLimit(4, Duration.ofMillis(400)));
        HubSpotSettings settings = HubSpotSettings.of(simulator.baseUrl(), TOKEN).withRateLimit(4, Duration.ofMillis(400));

        // when
        Snapshot snapshot = fetch(settings, FULL);

        // then
        assertThat(snapshot.completeness().complete()).isTrue();
        assertThat(simulator.rateLimitedResponses()).isZero();
        assertThat(connector.requestStats().throttled()).isZero();
        assertThat(simulator.requests()).hasSize(14); // with the portal id and the audit log requests (the log is refused for the portal's tier)
        assertThat(simulator.requests()).filteredOn(r -> r.path().equals("/account-info/v3/details")).hasSize(1);
        assertThat(simulator.requests()).filteredOn(r -> r.path().equals("/crm/v3/objects/contacts")).hasSize(3);
    }

    @Test
    void aPortalWithoutTheAuditLogGivesACompleteSnapshotWithTheUpdateTimesAndSaysWhy() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults());

        // when
        Snapshot snapshot = fetch(settings, FULL);

        // then
        assertThat(snapshot.completeness().complete()).isTrue();
        assertThat(snapshot.changeTrail().available()).isFalse();
        assertThat(snapshot.changeTrail().unavailableReason()).contains("Enterprise", "account-info.security.read", "HTTP 403");
        assertThat(snapshot.changeTrail().changes()).isNotEmpty()
                .allSatisfy(change -> assertThat(change.changedBy()).isNull())
                .anySatisfy(change -> assertThat(change.subject().address()).isEqualTo("hubspot:pipeline/default"))
                .anySatisfy(change -> assertThat(change.subject().address()).startsWith("hubspot:property/deals/"));
    }

    @Test
    void anEnterprisePortalsAuditLogNamesWhoChangedItsPipelinesWorkflowsAndProperties() {
        // given
        simulator = HubSpotSimulator.start(PortalDescription.read(RepositoryFiles.file("examples/hubspot/portal.json")),
                SimulatorOptions.defaults());

        // when
        Snapshot snapshot = fetch(HubSpotSettings.of(simulator.baseUrl(), TOKEN), new FetchRequest(Set.of("Opportunity"), Map.of(), false));

        // then
        assertThat(snapshot.changeTrail().available()).isTrue();
        assertThat(snapshot.changeTrail().changes()).filteredOn(change -> change.changedBy() != null)
                .extracting(change -> change.subject() == null ? null : change.subject().address(), SetupChange::changedBy)
                .containsExactly(
                        Tuple.tuple("hubspot:flow/585051001", "maya.ortiz@brightwave.example"),
                        Tuple.tuple("hubspot:pipeline/default", "maya.ortiz@brightwave.example"),
                        Tuple.tuple("hubspot:property/deals/deal_source", "liam.chen@brightwave.example"),
                        Tuple.tuple(null, "maya.ortiz@brightwave.example"));
    }

    @Test
    void aRejectedTokenStopsAtTheFirstRequestWithAnAuthenticationError() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults().withAcceptedTokens(Set.of("pat-na1-another-token-0000000000000")));

        // when / then
        assertThatThrownBy(() -> fetch(settings, FULL)).isInstanceOfSatisfying(L2oException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(e.getMessage()).contains("HTTP 401", "INVALID_AUTHENTICATION", "expired").doesNotContain(TOKEN);
        });
        assertThat(simulator.requests()).hasSize(1);
    }

    @Test
    void aMissingScopeIsAPermissionErrorThatNamesTheScope() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults().withGrantedScopes(Set.of("crm.objects.deals.read",
                "crm.schemas.deals.read", "crm.schemas.contacts.read", "automation")));

        // when / then
        assertThatThrownBy(() -> fetch(settings, FULL)).isInstanceOfSatisfying(L2oException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.MISSING_PERMISSION);
            assertThat(e.getMessage()).contains("owners", "crm.objects.owners.read", "MISSING_SCOPES");
        });
    }

    @Test
    void retriesServerErrorsResetsTruncatedBodiesAndTimeoutsUntilTheReadSucceeds() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults().withFaults(List.of(
                FaultRule.on("/crm/v3/pipelines/deals", FaultKind.SERVICE_UNAVAILABLE, 0, 1),
                FaultRule.on("/crm/v3/owners", FaultKind.CONNECTION_RESET, 0, 1),
                FaultRule.on("/crm/v3/properties/deals", FaultKind.TRUNCATED_BODY, 0, 1),
                FaultRule.on("/automation/v4/flows", FaultKind.SLOW_RESPONSE, 0, 1).delayedBy(Duration.ofSeconds(12)),
                FaultRule.on("/crm/v3/objects/deals", FaultKind.BURST_LIMIT, 1, 1),
                FaultRule.on("/crm/v3/objects/deals", FaultKind.SERVER_ERROR, 1, 1)))).withReadTimeout(Duration.ofSeconds(4));

        // when
        Snapshot snapshot = fetch(settings, FULL);

        // then
        assertThat(snapshot.completeness().complete()).isTrue();
        assertThat(snapshot.records()).hasSize(120);
        assertThat(simulator.injectedFaults()).isEqualTo(6);
        assertThat(connector.requestStats().retries()).isEqualTo(6);
        assertThat(connector.requestStats().throttled()).isEqualTo(1);
    }

    @Test
    void aPartThatKeepsFailingMakesTheSnapshotIncompleteWithTheReason() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults().withFaults(List.of(
                FaultRule.on("/crm/v3/owners", FaultKind.SERVER_ERROR, 0, -1))));

        // when
        Snapshot snapshot = fetch(settings, FULL);

        // then
        assertThat(snapshot.completeness().complete()).isFalse();
        assertThat(snapshot.completeness().reasons()).singleElement().asString()
                .startsWith("HubSpot owners could not be read: HubSpot answered HTTP 500 on GET /crm/v3/owners")
                .contains("after 4 attempts");
        assertThat(simulator.requests().stream().filter(r -> r.path().equals("/crm/v3/owners"))).hasSize(4);
        assertThat(snapshot.pipelinesOf("deals")).hasSize(2);
    }

    @Test
    void theDailyLimitPartWayThroughTheDealsKeepsWhatWasReadAndSaysWhy() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults().withFaults(List.of(
                FaultRule.on("/crm/v3/objects/deals", FaultKind.DAILY_LIMIT, 1, -1))));

        // when
        Snapshot snapshot = fetch(settings, FULL);

        // then
        assertThat(snapshot.completeness().complete()).isFalse();
        assertThat(snapshot.completeness().reasons()).singleElement().asString()
                .startsWith("HubSpot deals could not be read fully (50 read)").contains("daily API limit");
        assertThat(snapshot.records()).hasSize(50);
        assertThat(simulator.requests().stream().filter(r -> r.path().equals("/crm/v3/objects/deals"))).hasSize(2);
    }

    @Test
    void failingToReadThePipelinesIsAnExternalErrorBecauseNothingUsableIsLeft() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults().withFaults(List.of(
                FaultRule.on("/crm/v3/pipelines/deals", FaultKind.CONNECTION_RESET, 0, -1))));

        // when / then
        assertThatThrownBy(() -> fetch(settings, FULL)).isInstanceOfSatisfying(L2oException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_UNAVAILABLE);
            assertThat(e.type()).isEqualTo(ErrorType.EXTERNAL);
            assertThat(e.getMessage()).contains("deals pipelines", "after 4 attempts");
        });
    }

    @Test
    void withoutRecordsOrHistoryNoDealIsRead() {
        // given
        HubSpotSettings settings = start(SimulatorOptions.defaults());

        // when
        Snapshot snapshot = fetch(settings, new FetchRequest(Set.of("deals"), Map.of(), false));

        // then
        assertThat(snapshot.history()).isNull();
        assertThat(snapshot.records()).isEmpty();
        assertThat(simulator.requests()).extracting(HubSpotSimulator.ReceivedRequest::path)
                .doesNotContain("/crm/v3/objects/deals", "/crm/v3/properties/contacts");
    }
}
