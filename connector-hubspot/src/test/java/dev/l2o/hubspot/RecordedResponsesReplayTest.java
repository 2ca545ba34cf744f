package dev.l2o.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.http.RetryPolicy;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import dev.l2o.model.StageEvent;
import dev.l2o.testing.RepositoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real connector reads HubSpot's documented response formats: the recorded responses of the simulator
 * module ({@code connector-hubspot-simulator/src/test/resources/recorded}) served by plain WireMock stubs.
 */
class RecordedResponsesReplayTest {
    private static final String TOKEN = "pat-na1-recorded-replay";

    @TempDir
    Path workDirectory;

    @RegisterExtension
    final WireMockExtension server = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()).build();

    private static String recorded(String name) {
        try {
            return Files.readString(RepositoryFiles.file("connector-hubspot-simulator/src/test/resources/recorded/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(MappingBuilder request, int status, String body) {
        server.stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(body)));
    }

    private void servePortal() {
        serve(get(urlPathEqualTo("/crm/v3/pipelines/deals")), 200, recorded("pipelines-deals.json"));
        serve(get(urlPathEqualTo("/crm/v3/properties/deals")), 200, recorded("properties-deals.json"));
        serve(get(urlPathEqualTo("/crm/v3/owners")), 200, recorded("owners.json"));
        serve(get(urlPathEqualTo("/crm/v3/objects/deals")).withQueryParam("after", absent()), 200, recorded("deals-page-1.json"));
        serve(get(urlPathEqualTo("/crm/v3/objects/deals")).withQueryParam("after", equalTo("18403527912")), 200,
                recorded("deals-page-2.json"));
        serve(get(urlPathEqualTo("/automation/v4/flows")), 200, "{\"results\": []}");
    }

    private Snapshot fetch(List<StageEvent> history) {
        ConnectorContext context = new ConnectorContext(Clock.fixed(Instant.parse("2025-06-30T12:00:00Z"), ZoneOffset.UTC),
                Map.of(), workDirectory, ProgressListener.NONE);
        HubSpotSettings settings = HubSpotSettings.of(server.baseUrl(), TOKEN)
                .withRetry(new RetryPolicy(2, Duration.ZERO, 1, Duration.ZERO, Duration.ZERO), waited -> { });
        try (HubSpotConnector connector = new HubSpotConnector(settings, context)) {
            Snapshot snapshot = connector.fetch(new FetchRequest(Set.of("deals"), Map.of("deals", Set.of("amount", "closedate")), true));
            snapshot.history().forEach(history::add);
            return snapshot;
        }
    }

    @Test
    void theRecordedPortalReadsIntoPipelinesStagesFieldsOwnersRecordsAndHistory() {
        // given
        servePortal();
        List<StageEvent> history = new ArrayList<>();

        // when
        Snapshot snapshot = fetch(history);

        // then
        assertThat(snapshot.completeness().complete()).as("reasons %s", snapshot.completeness().reasons()).isTrue();
        Pipeline sales = snapshot.pipelinesOf("deals").stream().filter(p -> p.id().equals("default")).findFirst().orElseThrow();
        assertThat(sales.label()).isEqualTo("Sales Pipeline");
        assertThat(sales.stages()).extracting(Stage::apiName).containsExactly("appointmentscheduled", "3992480464", "closedwon", "closedlost");
        assertThat(sales.stage("3992480464").orElseThrow().probability()).isEqualTo(60.0);
        assertThat(sales.stage("closedwon").orElseThrow()).satisfies(stage -> {
            assertThat(stage.closed()).isTrue();
            assertThat(stage.won()).isTrue();
        });
        assertThat(sales.stage("closedlost").orElseThrow().won()).isFalse();
        assertThat(snapshot.field("deals", "dealstage")).isPresent();
        assertThat(snapshot.field("deals", "amount")).isPresent();
        assertThat(snapshot.assignees()).anySatisfy(owner -> assertThat(owner.label()).contains("Sofia"));
        assertThat(snapshot.records()).extracting(record -> record.id()).containsExactlyInAnyOrder("18403527911", "18403527912");
        assertThat(history).filteredOn(event -> event.recordId().equals("18403527911"))
                .extracting(StageEvent::stage, StageEvent::at)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("appointmentscheduled", Instant.parse("2025-02-03T10:15:00Z")),
                        Tuple.tuple("3992480464", Instant.parse("2025-04-14T08:30:00Z")),
                        Tuple.tuple("closedwon", Instant.parse("2025-05-30T16:02:11.418Z")));
        assertThat(history).filteredOn(event -> event.recordId().equals("18403527912")).extracting(StageEvent::stage)
                .containsExactly("appointmentscheduled");
        server.verify(2, getRequestedFor(urlPathEqualTo("/crm/v3/objects/deals")));
    }

    @Test
    void theRecordedAuthenticationErrorBecomesAUserErrorNamingItsCorrelationId() {
        // given
        serve(get(urlPathMatching("/.*")), 401, recorded("error-401.json"));

        // when, then
        assertThatThrownBy(() -> fetch(new ArrayList<>()))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED))
                .hasMessageContaining("INVALID_AUTHENTICATION")
                .hasMessageContaining("c8f1a3b2-5d6e-4f70-8a91-b2c3d4e5f607")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void theRecordedDailyLimitErrorEndsTheReadAsALimitWithoutRetrying() {
        // given
        serve(get(urlPathMatching("/.*")), 429, recorded("error-429-daily.json"));

        // when, then
        assertThatThrownBy(() -> fetch(new ArrayList<>()))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.API_LIMIT_REACHED))
                .hasMessageContaining("daily");
        // the portal-id request comes first and may be answered with the limit too; nothing is asked twice
        assertThat(server.getAllServeEvents()).extracting(event -> event.getRequest().getUrl()).hasSizeLessThanOrEqualTo(2)
                .doesNotHaveDuplicates();
    }
}
