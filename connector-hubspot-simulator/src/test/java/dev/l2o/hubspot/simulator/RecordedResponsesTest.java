package dev.l2o.hubspot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2o.testing.RepositoryFiles;
import dev.l2o.testing.WireShapes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator answers the requests of the recorded HubSpot responses ({@code src/test/resources/recorded},
 * written from HubSpot's documentation) in the same shape: same keys, types and nesting; values differ.
 */
class RecordedResponsesTest {
    private static final String TOKEN = "pat-na1-recorded-responses";
    private static final String DEALS_WITH_HISTORY = "/crm/v3/objects/deals?limit=1&archived=false"
            + "&properties=amount,closedate,dealstage,pipeline&propertiesWithHistory=dealstage";
    private static final PortalDescription PORTAL = PortalDescription.read(RepositoryFiles.file("examples/hubspot/portal.json"));

    private final OkHttpClient client = new OkHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private HubSpotSimulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    private void start(SimulatorOptions options) {
        simulator = HubSpotSimulator.start(PORTAL, options.withAcceptedTokens(Set.of(TOKEN)));
    }

    private String get(String pathAndQuery, String token, int expectedStatus) {
        Request request = new Request.Builder().url(simulator.baseUrl() + pathAndQuery).header("Authorization", "Bearer " + token).build();
        try (Response response = client.newCall(request).execute()) {
            assertThat(response.code()).as("status of %s", pathAndQuery).isEqualTo(expectedStatus);
            return response.body().string();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String recorded(String name) {
        try {
            return Files.readString(RepositoryFiles.file("connector-hubspot-simulator/src/test/resources/recorded/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> differences(String recordedName, String served) {
        return WireShapes.jsonDifferences(recorded(recordedName), served);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/crm/v3/pipelines/deals, pipelines-deals.json",
        "/crm/v3/properties/deals, properties-deals.json",
        "/crm/v3/owners?limit=500&archived=false, owners.json"})
    void aConfigurationResponseHasTheRecordedShape(String pathAndQuery, String recordedName) {
        // given
        start(SimulatorOptions.defaults());

        // when
        String served = get(pathAndQuery, TOKEN, 200);

        // then
        assertThat(differences(recordedName, served)).isEmpty();
    }

    @Test
    void aDealsPageWithHistoryAndItsLastPageHaveTheRecordedShapes() throws IOException {
        // given
        start(SimulatorOptions.defaults());

        // when
        String first = get(DEALS_WITH_HISTORY, TOKEN, 200);
        String last = first;
        for (JsonNode page = json.readTree(first); page.has("paging"); page = json.readTree(last)) {
            last = get(DEALS_WITH_HISTORY.replace("limit=1", "limit=50") + "&after=" + page.path("paging").path("next").path("after").asText(),
                    TOKEN, 200);
        }

        // then
        assertThat(differences("deals-page-1.json", first)).isEmpty();
        assertThat(differences("deals-page-2.json", last)).isEmpty();
    }

    @Test
    void anUnknownTokenIsRefusedWithTheRecordedErrorBody() {
        // given
        start(SimulatorOptions.defaults());

        // when
        String served = get("/crm/v3/pipelines/deals", "pat-na1-revoked", 401);

        // then
        assertThat(differences("error-401.json", served)).isEmpty();
    }

    @Test
    void theDailyLimitIsAnsweredWithTheRecordedErrorBody() {
        // given
        start(SimulatorOptions.defaults().withFaults(List.of(FaultRule.on("/crm/v3/pipelines/deals", FaultKind.DAILY_LIMIT, 0, 1))));

        // when
        String served = get("/crm/v3/pipelines/deals", TOKEN, 429);

        // then
        assertThat(differences("error-429-daily.json", served)).isEmpty();
    }
}
