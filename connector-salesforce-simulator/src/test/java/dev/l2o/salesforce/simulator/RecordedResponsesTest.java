package dev.l2o.salesforce.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2o.testing.RepositoryFiles;
import dev.l2o.testing.WireShapes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator answers the requests of the recorded Salesforce responses ({@code src/test/resources/recorded},
 * written from Salesforce's documentation) in the same shape: same keys, elements, types and nesting.
 */
class RecordedResponsesTest {
    private static final String SESSION = "00D5g000004Xy1Z!recorded.responses.session";
    private static final String DATA = "/services/data/v62.0";
    private static final String SOQL = "SELECT OpportunityId, StageName, CreatedDate, Amount, CloseDate, Probability, ForecastCategory"
            + " FROM OpportunityHistory";
    private static final String ENVELOPE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><env:Envelope"
            + " xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\"><env:Header><SessionHeader xmlns=\"http://soap.sforce.com/2006/04/metadata\">"
            + "<sessionId>" + SESSION + "</sessionId></SessionHeader></env:Header><env:Body>%s</env:Body></env:Envelope>";

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private SalesforceSimulator simulator;

    @BeforeEach
    void start() {
        simulator = SalesforceSimulator.start(SimulatedOrg.fromSfdx(RepositoryFiles.file("examples/northwind")),
                SimulatorOptions.defaults());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static String recorded(String name) {
        try (InputStream in = RecordedResponsesTest.class.getResourceAsStream("/recorded/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.header("Authorization", "Bearer " + SESSION).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String body(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(200);
        return response.body();
    }

    private String soap(String operation) {
        return body(rest("/services/Soap/m/62.0").header("SOAPAction", "\"\"").header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(String.format(ENVELOPE, operation))));
    }

    private HttpRequest.Builder rest(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(simulator.instanceUrl() + pathAndQuery));
    }

    @Test
    void listMetadataHasTheRecordedShape() {
        // when
        String served = soap("<m:listMetadata xmlns:m=\"http://soap.sforce.com/2006/04/metadata\"><m:queries><m:type>CustomField</m:type>"
                + "</m:queries><m:asOfVersion>62.0</m:asOfVersion></m:listMetadata>");

        // then
        assertThat(WireShapes.xmlDifferences(recorded("metadata-listMetadata-CustomField.xml"), served)).isEmpty();
    }

    @Test
    void readMetadataOfTheStageValueSetHasTheRecordedShape() {
        // when
        String served = soap("<m:readMetadata xmlns:m=\"http://soap.sforce.com/2006/04/metadata\"><m:type>StandardValueSet</m:type>"
                + "<m:fullNames>OpportunityStage</m:fullNames></m:readMetadata>");

        // then
        assertThat(WireShapes.xmlDifferences(recorded("metadata-readMetadata-StandardValueSet.xml"), served)).isEmpty();
    }

    @Test
    void aQueryPageAndItsLastPageHaveTheRecordedShapes() throws IOException {
        // when
        String first = body(rest(DATA + "/query?q=" + SOQL.replace(' ', '+')).header("Sforce-Query-Options", "batchSize=200"));
        String last = first;
        for (JsonNode page = json.readTree(first); !page.path("done").asBoolean(); page = json.readTree(last)) {
            last = body(rest(page.path("nextRecordsUrl").asText()));
        }

        // then
        assertThat(WireShapes.jsonDifferences(recorded("rest-query-page-1.json"), first)).isEmpty();
        assertThat(WireShapes.jsonDifferences(recorded("rest-query-page-2.json"), last)).isEmpty();
    }

    @Test
    void aBulkQueryJobItsCompletionAndItsResultPageHaveTheRecordedShapes() throws IOException {
        // when
        String created = body(rest(DATA + "/jobs/query").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                json.createObjectNode().put("operation", "query").put("query", SOQL).toString())));
        String id = json.readTree(created).path("id").asText();
        String status = created;
        for (int poll = 0; poll < 20 && !json.readTree(status).path("state").asText().equals("JobComplete"); poll++) {
            status = body(rest(DATA + "/jobs/query/" + id));
        }
        String csvHeader;
        String locator;
        String numberOfRecords;
        HttpResponse<String> results = send(rest(DATA + "/jobs/query/" + id + "/results"));
        csvHeader = results.body().lines().findFirst().orElse("");
        locator = results.headers().firstValue("Sforce-Locator").orElse("");
        numberOfRecords = results.headers().firstValue("Sforce-NumberOfRecords").orElse("");

        // then
        assertThat(WireShapes.jsonDifferences(recorded("bulk-job-created.json"), created)).isEmpty();
        assertThat(WireShapes.jsonDifferences(recorded("bulk-job-complete.json"), status)).isEmpty();
        assertThat(csvHeader).isEqualTo(recorded("bulk-results-page-1.csv").lines().findFirst().orElseThrow());
        assertThat(locator).isNotBlank();
        assertThat(numberOfRecords).matches("\\d+");
    }
}
