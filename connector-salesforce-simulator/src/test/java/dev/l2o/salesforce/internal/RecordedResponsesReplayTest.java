package dev.l2o.salesforce.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sforce.soap.metadata.FileProperties;
import com.sforce.soap.metadata.ForecastCategories;
import com.sforce.soap.metadata.Metadata;
import com.sforce.soap.metadata.StandardValue;
import com.sforce.soap.metadata.StandardValueSet;
import dev.l2o.connector.ProgressListener;
import dev.l2o.history.OpportunityHistoryCsv;
import dev.l2o.http.RetryPolicy;
import dev.l2o.http.SecretRedactor;
import dev.l2o.model.StageEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real connector reads Salesforce's documented response formats: the recorded responses in
 * {@code src/test/resources/recorded} served by plain WireMock stubs, not by the simulator.
 */
class RecordedResponsesReplayTest {
    static final List<String> HISTORY_FIELDS = List.of("OpportunityId", "StageName", "CreatedDate", "Amount", "CloseDate",
            "Probability", "ForecastCategory");
    private static final String DATA = "/services/data/v62.0";

    @TempDir
    Path work;

    @RegisterExtension
    final WireMockExtension server = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()).build();

    static String recorded(String name) {
        try (InputStream in = RecordedResponsesReplayTest.class.getResourceAsStream("/recorded/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SalesforceHttp http() {
        SalesforceSession session = SalesforceSession.onInstance(server.baseUrl(), "00D5g000004Xy1Z!replay.session", "62.0", "62.0");
        return new SalesforceHttp(new ApiBudget(1), SalesforceHttp.fixed(() -> session), SecretRedactor.generic(), waited -> { },
                new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO, Duration.ZERO));
    }

    private void serveSoap(String file) {
        server.stubFor(post(urlPathEqualTo("/services/Soap/m/62.0")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(recorded(file))));
    }

    private void serveJson(MappingBuilder request, String file) {
        server.stubFor(request.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withHeader("Sforce-Limit-Info", "api-usage=18/15000").withBody(recorded(file))));
    }

    private static List<StageEvent> rows(Path spool) {
        List<StageEvent> rows = new ArrayList<>();
        OpportunityHistoryCsv.open(spool, "spool").forEach(rows::add);
        return rows;
    }

    @Test
    void theRecordedListMetadataResponseReadsAsFileProperties() {
        // given
        serveSoap("metadata-listMetadata-CustomField.xml");

        // when
        List<FileProperties> listed = new SalesforceMetadataReader(http()).list(List.of("CustomField"));

        // then
        assertThat(listed).extracting(FileProperties::getFullName, FileProperties::getType, FileProperties::getFileName)
                .containsExactly(tuple("Opportunity.Loss_Reason__c", "CustomField", "objects/Opportunity.object"));
    }

    @Test
    void theRecordedReadMetadataResponseReadsAsTheStageValueSet() {
        // given
        serveSoap("metadata-readMetadata-StandardValueSet.xml");

        // when
        List<Metadata> read = new SalesforceMetadataReader(http()).read("StandardValueSet", List.of("OpportunityStage"));

        // then
        assertThat(read).singleElement().isInstanceOfSatisfying(StandardValueSet.class, set -> {
            assertThat(set.getFullName()).isEqualTo("OpportunityStage");
            assertThat(set.getStandardValue()).extracting(StandardValue::getFullName, StandardValue::getClosed, StandardValue::getWon,
                    StandardValue::getProbability, StandardValue::getForecastCategory)
                    .containsExactly(tuple("Prospecting", false, false, 10, ForecastCategories.Pipeline),
                            tuple("Closed Won", true, true, 100, ForecastCategories.Closed));
        });
    }

    @Test
    void theRecordedQueryPagesAreFollowedByNextRecordsUrlIntoHistoryRows() {
        // given
        serveJson(get(urlPathEqualTo(DATA + "/query")), "rest-query-page-1.json");
        serveJson(get(urlPathEqualTo(DATA + "/query/01gRO0000016PIAYA2-2")), "rest-query-page-2.json");
        Path spool = work.resolve("history.csv");

        // when
        long written = new SalesforceQueries(http(), "62.0", waited -> { }).queryToCsv("OpportunityHistory", HISTORY_FIELDS, spool,
                ProgressListener.NONE);

        // then
        assertThat(written).isEqualTo(3);
        assertThat(rows(spool)).extracting(StageEvent::stage, StageEvent::at, StageEvent::amount).containsExactly(
                tuple("Prospecting", Instant.parse("2025-02-03T10:15:00Z"), 48000.0),
                tuple("Prospecting", Instant.parse("2025-03-01T09:00:00Z"), 52000.0),
                tuple("Closed Won", Instant.parse("2025-05-30T16:02:11Z"), 52000.0));
    }

    @Test
    void theRecordedBulkJobAndResultPageReadIntoHistoryRows() {
        // given
        serveJson(post(urlPathEqualTo(DATA + "/jobs/query")), "bulk-job-created.json");
        serveJson(get(urlPathEqualTo(DATA + "/jobs/query/7505g00000Lm3QbAAJ")), "bulk-job-complete.json");
        server.stubFor(get(urlPathEqualTo(DATA + "/jobs/query/7505g00000Lm3QbAAJ/results")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/csv").withHeader("Sforce-NumberOfRecords", "3").withHeader("Sforce-Locator", "null")
                .withBody(recorded("bulk-results-page-1.csv"))));
        Path spool = work.resolve("bulk.csv");

        // when
        long written = new SalesforceQueries(http(), "62.0", waited -> { }).bulkQueryToCsv("OpportunityHistory", HISTORY_FIELDS, spool,
                ProgressListener.NONE);

        // then
        assertThat(written).isEqualTo(3);
        assertThat(rows(spool)).extracting(StageEvent::recordId, StageEvent::stage).containsExactlyInAnyOrder(
                tuple("0065g00000Rt7YhAAJ", "Closed Won"), tuple("0065g00000Rt7YhAAJ", "Prospecting"),
                tuple("0065g00000Rt7YhAAJ", "Prospecting"));
    }
}
