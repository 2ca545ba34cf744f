package dev.l2o.hubspot.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HubSpotSimulatorTest {
    private final OkHttpClient client = new OkHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private HubSpotSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private record Answer(int status, JsonNode body, Response response) {}

    private Answer get(String pathAndQuery) throws IOException {
        Request request = new Request.Builder().url(simulator.baseUrl() + pathAndQuery).header("Authorization", "Bearer any-token").build();
        try (Response response = client.newCall(request).execute()) {
            return new Answer(response.code(), json.readTree(response.body().string()), response);
        }
    }

    @Test
    void pagesWithAfterCursorsAndLeavesPagingOffTheLastPage() throws IOException {
        // given
        simulator = HubSpotSimulator.start(PortalDescription.generate(3, 25), SimulatorOptions.defaults());

        // when
        Answer first = get("/crm/v3/objects/deals");
        Answer last = get("/crm/v3/objects/deals?limit=100&after=" + first.body().path("paging").path("next").path("after").asText());

        // then
        assertThat(first.body().path("results")).hasSize(10);
        assertThat(first.body().path("results").get(0).path("properties").path("amount").isTextual()).isTrue();
        assertThat(last.body().path("results")).hasSize(15);
        assertThat(last.body().has("paging")).isFalse();
        assertThat(first.response().header("X-HubSpot-RateLimit-Max")).isEqualTo("100");
        assertThat(first.response().header("X-HubSpot-Correlation-Id")).isNotBlank();
    }

    @Test
    void refusesMoreThanFiftyDealsPerPageWithHistory() throws IOException {
        // given
        simulator = HubSpotSimulator.start(PortalDescription.generate(3, 25), SimulatorOptions.defaults());

        // when
        Answer tooMany = get("/crm/v3/objects/deals?limit=51&propertiesWithHistory=dealstage");
        Answer fifty = get("/crm/v3/objects/deals?limit=50&propertiesWithHistory=dealstage");

        // then
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().path("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(tooMany.body().path("correlationId").asText()).isNotBlank();
        JsonNode history = fifty.body().path("results").get(0).path("propertiesWithHistory").path("dealstage");
        assertThat(history.size()).isPositive();
        assertThat(history.get(0).path("timestamp").asText().compareTo(history.get(history.size() - 1).path("timestamp").asText()))
                .as("newest first").isGreaterThanOrEqualTo(0);
    }

    @Test
    void servesContactsWithLifecycleStageHistoryNewestFirstInFiftiesWithAfterCursors() throws IOException {
        // given
        simulator = HubSpotSimulator.start(PortalDescription.parse(
                "{\"generate\": {\"seed\": 5, \"deals\": 0, \"contacts\": 60}}", "inline"), SimulatorOptions.defaults());

        // when
        Answer tooMany = get("/crm/v3/objects/contacts?limit=51&propertiesWithHistory=lifecyclestage");
        Answer first = get("/crm/v3/objects/contacts?limit=50&properties=lifecyclestage&propertiesWithHistory=lifecyclestage");
        Answer last = get("/crm/v3/objects/contacts?limit=50&properties=lifecyclestage&propertiesWithHistory=lifecyclestage&after="
                + first.body().path("paging").path("next").path("after").asText());

        // then
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().path("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(first.body().path("results")).hasSize(50);
        assertThat(last.body().path("results")).hasSize(10);
        assertThat(last.body().has("paging")).isFalse();
        JsonNode contact = first.body().path("results").get(0);
        JsonNode history = contact.path("propertiesWithHistory").path("lifecyclestage");
        assertThat(history.size()).isPositive();
        assertThat(history).allSatisfy(entry -> assertThat(entry.path("value").isTextual() && entry.path("timestamp").isTextual()
                && entry.path("sourceType").isTextual()).isTrue());
        assertThat(history.get(0).path("timestamp").asText().compareTo(history.get(history.size() - 1).path("timestamp").asText()))
                .as("newest first").isGreaterThanOrEqualTo(0);
        assertThat(contact.path("properties").path("lifecyclestage").asText()).isEqualTo(history.get(0).path("value").asText());
    }

    @Test
    void aDescriptionWithoutContactsServesNone() throws IOException {
        // given
        simulator = HubSpotSimulator.start(PortalDescription.generate(3, 5), SimulatorOptions.defaults());

        // when
        Answer contacts = get("/crm/v3/objects/contacts?limit=50&propertiesWithHistory=lifecyclestage");

        // then
        assertThat(contacts.status()).isEqualTo(200);
        assertThat(contacts.body().path("results")).isEmpty();
        assertThat(contacts.body().has("paging")).isFalse();
    }

    @Test
    void answersRequestsBeyondTheRollingWindowWithA429NamingThePolicy() throws IOException {
        // given
        simulator = HubSpotSimulator.start(PortalDescription.generate(3, 5),
                SimulatorOptions.defaults().withRateLimit(3, Duration.ofMinutes(1)));

        // when
        for (int i = 0; i < 3; i++) {
            assertThat(get("/crm/v3/pipelines/deals").status()).isEqualTo(200);
        }
        Answer limited = get("/crm/v3/pipelines/deals");

        // then
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().path("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
        assertThat(limited.body().path("errorType").asText()).isEqualTo("RATE_LIMIT");
        assertThat(simulator.rateLimitedResponses()).isEqualTo(1);
    }

    @Test
    void answersWritesWithMethodNotAllowedAndRecordsThem() throws IOException {
        // given
        simulator = HubSpotSimulator.start(PortalDescription.generate(3, 5), SimulatorOptions.defaults());
        Request patch = new Request.Builder().url(simulator.baseUrl() + "/crm/v3/objects/deals/30000000000")
                .header("Authorization", "Bearer any-token")
                .patch(okhttp3.RequestBody.create("{}", okhttp3.MediaType.get("application/json"))).build();

        // when
        int status;
        try (Response response = client.newCall(patch).execute()) {
            status = response.code();
        }

        // then
        assertThat(status).isEqualTo(405);
        assertThat(simulator.requests()).extracting(HubSpotSimulator.ReceivedRequest::method).containsExactly("PATCH");
    }

    @Test
    void generatesTheSamePortalFromTheSameSeed() {
        // given
        DealSource one = new DealSource(PortalDescription.generate(42, 1_000));
        DealSource two = new DealSource(PortalDescription.generate(42, 1_000));

        // when / then
        assertThat(one.deal(777)).isEqualTo(two.deal(777));
        assertThat(one.deal(777)).isNotEqualTo(new DealSource(PortalDescription.generate(43, 1_000)).deal(777));
        assertThat(one.indexOf(one.deal(999).id())).isEqualTo(999);
    }

    @Test
    void aMalformedDescriptionNamesFileLineAndColumn() {
        // given
        String text = "{\n  \"portalId\": 1,\n  \"pipelins\": []\n}";

        // when / then
        assertThatThrownBy(() -> PortalDescription.parse(text, "portal.json")).isInstanceOfSatisfying(L2oException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_SOURCE);
            assertThat(e.getMessage()).startsWith("portal.json:3:").contains("pipelins");
        });
    }

    @Test
    void aDescriptionSurvivesWritingAndReadingBack() {
        // given
        PortalDescription generated = PortalDescription.generate(5, 10);

        // when
        PortalDescription read = PortalDescription.parse(generated.toJson(), "generated");

        // then
        assertThat(read).isEqualTo(generated);
    }
}
