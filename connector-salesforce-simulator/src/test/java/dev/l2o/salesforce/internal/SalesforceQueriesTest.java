package dev.l2o.salesforce.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2o.connector.ProgressListener;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.history.LeadHistoryCsv;
import dev.l2o.history.OpportunityHistoryCsv;
import dev.l2o.http.RetryPolicy;
import dev.l2o.http.SecretRedactor;
import dev.l2o.model.StageEvent;
import dev.l2o.salesforce.simulator.OrgSizes;
import dev.l2o.salesforce.simulator.SalesforceSimulator;
import dev.l2o.salesforce.simulator.SimulatedFault;
import dev.l2o.salesforce.simulator.SimulatedOrg;
import dev.l2o.salesforce.simulator.SimulatedRequest;
import dev.l2o.salesforce.simulator.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SalesforceQueriesTest {
    private static final List<String> HISTORY_FIELDS = List.of("OpportunityId", "StageName", "CreatedDate", "Amount", "CloseDate",
            "Probability", "ForecastCategory");

    @TempDir
    Path work;

    private final List<Duration> sleeps = new ArrayList<>();

    private SalesforceHttp http(SalesforceSimulator simulator, ApiBudget budget) {
        SalesforceSession session = SalesforceSession.onInstance(simulator.instanceUrl(), "any-token", "62.0", "62.0");
        return new SalesforceHttp(budget, SalesforceHttp.fixed(() -> session), SecretRedactor.generic(), sleeps::add,
                new RetryPolicy(3, Duration.ofMillis(100), 2, Duration.ofSeconds(1), Duration.ofSeconds(5)));
    }

    private static List<StageEvent> rows(Path spool) {
        List<StageEvent> rows = new ArrayList<>();
        OpportunityHistoryCsv.open(spool, "spool").forEach(rows::add);
        return rows;
    }

    private static long count(List<SimulatedRequest> log, String operation) {
        return log.stream().filter(r -> r.operation().equals(operation)).count();
    }

    @Test
    void leadHistoryStatusRowsArePagedOverRestAndReadAsLeadStatusHistory() throws IOException {
        // given
        Path project = work.resolve("org");
        Files.createDirectories(project.resolve("data"));
        StringBuilder csv = new StringBuilder("Id,LeadId,CreatedDate,Field,OldValue,NewValue,IsDeleted\n");
        for (int i = 0; i < 2_100; i++) {
            csv.append("017").append(i).append(",00Q").append(i).append(",2026-01-05T09:00:00.000+0000,created,,,false\n");
            csv.append("017x").append(i).append(",00Q").append(i)
                    .append(",2026-01-06T09:00:00.000+0000,Status,Open - Not Contacted,Marketing Qualified,false\n");
        }
        Files.writeString(project.resolve("data").resolve("LeadHistory.csv"), csv);
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.fromSfdx(project), SimulatorOptions.defaults())) {
            SalesforceQueries queries = new SalesforceQueries(http(simulator, new ApiBudget(1)), "62.0", sleeps::add);
            Path spool = work.resolve("leads.csv");

            // when
            long written = queries.queryToCsv("LeadHistory", List.of("LeadId", "Field", "OldValue", "NewValue", "CreatedDate"),
                    "Field = 'Status'", spool, ProgressListener.NONE);

            // then
            List<StageEvent> events = new ArrayList<>();
            LeadHistoryCsv.open(spool, "spool").forEach(events::add);
            assertThat(written).isEqualTo(2_100);
            assertThat(queries.count("LeadHistory", "Field = 'Status'")).isEqualTo(2_100);
            assertThat(events).hasSize(4_200).allMatch(event -> event.object().equals("Lead"));
            assertThat(events.subList(0, 2)).extracting(StageEvent::recordId, StageEvent::stage)
                    .containsExactly(tuple("00Q0", "Open - Not Contacted"), tuple("00Q0", "Marketing Qualified"));
            assertThat(count(simulator.requestLog(), "queryMore")).isEqualTo(1);
        }
    }

    @Test
    void restQueryFollowsNextRecordsUrlAcrossTheTwoThousandRecordBoundary() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(3, new OrgSizes(0, 0, 4_001)),
                SimulatorOptions.defaults())) {
            SalesforceQueries queries = new SalesforceQueries(http(simulator, new ApiBudget(1)), "62.0", sleeps::add);
            Path spool = work.resolve("history.csv");

            // when
            long written = queries.queryToCsv("OpportunityHistory", HISTORY_FIELDS, spool, ProgressListener.NONE);

            // then
            assertThat(written).isEqualTo(4_001);
            assertThat(rows(spool)).hasSize(4_001).doesNotContainNull();
            assertThat(count(simulator.requestLog(), "query")).isEqualTo(1);
            assertThat(count(simulator.requestLog(), "queryMore")).isEqualTo(2);
        }
    }

    @Test
    void exactlyTwoThousandRecordsTakeOnePage() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(3, new OrgSizes(0, 0, 2_000)),
                SimulatorOptions.defaults())) {
            SalesforceQueries queries = new SalesforceQueries(http(simulator, new ApiBudget(1)), "62.0", sleeps::add);

            // when
            long written = queries.queryToCsv("OpportunityHistory", HISTORY_FIELDS, work.resolve("h.csv"), ProgressListener.NONE);

            // then
            assertThat(written).isEqualTo(2_000);
            assertThat(count(simulator.requestLog(), "queryMore")).isZero();
        }
    }

    @Test
    void bulkQueryPollsUntilCompleteAndStreamsEveryResultPageIntoOneCsv() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(5, new OrgSizes(0, 0, 250_001)),
                SimulatorOptions.defaults())) {
            SalesforceQueries queries = new SalesforceQueries(http(simulator, new ApiBudget(1)), "62.0", sleeps::add);
            Path spool = work.resolve("bulk.csv");

            // when
            long written = queries.bulkQueryToCsv("OpportunityHistory", HISTORY_FIELDS, spool, ProgressListener.NONE);

            // then
            assertThat(written).isEqualTo(250_001);
            long[] counted = {0};
            OpportunityHistoryCsv.open(spool, "spool").forEach(e -> counted[0]++);
            assertThat(counted[0]).isEqualTo(250_001);
            assertThat(count(simulator.requestLog(), "bulkQueryCreate")).isEqualTo(1);
            assertThat(count(simulator.requestLog(), "bulkQueryStatus")).isEqualTo(3);
            assertThat(count(simulator.requestLog(), "bulkQueryResults")).isEqualTo(3);
            assertThat(sleeps).hasSize(2);
        }
    }

    @Test
    void restAndBulkDeliverTheSameRows() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(9, new OrgSizes(0, 0, 3_000)),
                SimulatorOptions.defaults().withBulkPageSize(1_000))) {
            SalesforceQueries queries = new SalesforceQueries(http(simulator, new ApiBudget(1)), "62.0", sleeps::add);

            // when
            queries.queryToCsv("OpportunityHistory", HISTORY_FIELDS, work.resolve("rest.csv"), ProgressListener.NONE);
            queries.bulkQueryToCsv("OpportunityHistory", HISTORY_FIELDS, work.resolve("bulk.csv"), ProgressListener.NONE);

            // then
            assertThat(rows(work.resolve("bulk.csv"))).containsExactlyInAnyOrderElementsOf(rows(work.resolve("rest.csv")));
        }
    }

    @Test
    void serverErrorsAndResetsAreRetriedWithBackoff() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(3, new OrgSizes(0, 0, 2_500)),
                SimulatorOptions.defaults())) {
            simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.REST, SimulatedFault.Kind.SERVER_ERROR).after(1));
            simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.REST, SimulatedFault.Kind.CONNECTION_RESET).after(2));
            SalesforceQueries queries = new SalesforceQueries(http(simulator, new ApiBudget(1)), "62.0", sleeps::add);

            // when
            long written = queries.queryToCsv("OpportunityHistory", HISTORY_FIELDS, work.resolve("h.csv"), ProgressListener.NONE);

            // then
            assertThat(written).isEqualTo(2_500);
            assertThat(rows(work.resolve("h.csv"))).hasSize(2_500);
            assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        }
    }

    @Test
    void aTimedOutRequestIsRetried() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(3, new OrgSizes(0, 0, 10)),
                SimulatorOptions.defaults())) {
            simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.REST, SimulatedFault.Kind.LATENCY).value(2_000));
            SalesforceSession session = SalesforceSession.onInstance(simulator.instanceUrl(), "any-token", "62.0", "62.0");
            SalesforceHttp http = new SalesforceHttp(new ApiBudget(1), SalesforceHttp.fixed(() -> session), SecretRedactor.generic(),
                    sleeps::add, new RetryPolicy(3, Duration.ofMillis(100), 2, Duration.ofSeconds(1), Duration.ofSeconds(5)),
                    Duration.ofMillis(300));

            // when
            long count = new SalesforceQueries(http, "62.0", sleeps::add).count("OpportunityHistory");

            // then
            assertThat(count).isEqualTo(10);
            assertThat(sleeps).containsExactly(Duration.ofMillis(100));
        }
    }

    @Test
    void persistentServerErrorsGiveUpAsSourceUnavailable() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(3, new OrgSizes(0, 0, 10)),
                SimulatorOptions.defaults())) {
            simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.REST, SimulatedFault.Kind.SERVER_ERROR).times(10));
            SalesforceQueries queries = new SalesforceQueries(http(simulator, new ApiBudget(1)), "62.0", sleeps::add);

            // then
            assertThatThrownBy(() -> queries.count("OpportunityHistory"))
                    .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_UNAVAILABLE));
            assertThat(simulator.requestLog()).hasSize(3);
        }
    }

    @Test
    void theRecordTypeOfAnObjectWithoutRecordTypesIsNoField() {
        // given: a generated org has sales processes but no record types
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(3, new OrgSizes(0, 0, 10)),
                SimulatorOptions.defaults())) {
            SalesforceQueries queries = new SalesforceQueries(http(simulator, new ApiBudget(1)), "62.0", sleeps::add);

            // then
            assertThatThrownBy(() -> queries.records("Opportunity", List.of("RecordType.DeveloperName")))
                    .isInstanceOf(L2oException.class).hasMessageContaining("INVALID_FIELD")
                    .hasMessageContaining("No such column 'RecordType.DeveloperName' on entity 'Opportunity'");
        }
    }

    @Test
    void requestLimitExceededIsNotRetriedAndStopsTheFetch() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(3, new OrgSizes(0, 0, 10)),
                SimulatorOptions.defaults())) {
            simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.REST, SimulatedFault.Kind.LIMIT_EXCEEDED));
            SalesforceQueries queries = new SalesforceQueries(http(simulator, new ApiBudget(1)), "62.0", sleeps::add);

            // then
            assertThatThrownBy(() -> queries.count("OpportunityHistory"))
                    .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.API_LIMIT_REACHED));
            assertThat(simulator.requestLog()).hasSize(1);
        }
    }

    @Test
    void theBudgetStopsBeforeSpendingMoreThanItsShareOfTheRemainingRequests() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(3, new OrgSizes(0, 0, 20_000)),
                SimulatorOptions.defaults().withApiUsage(950, 1_000))) {
            ApiBudget budget = new ApiBudget(0.1);
            SalesforceQueries queries = new SalesforceQueries(http(simulator, budget), "62.0", sleeps::add);
            long[] daily = queries.dailyApiRequests();
            budget.start(daily[0], daily[1]);

            // then
            assertThat(budget.allowed()).isEqualTo(4);
            assertThatThrownBy(() -> queries.queryToCsv("OpportunityHistory", HISTORY_FIELDS, work.resolve("h.csv"), ProgressListener.NONE))
                    .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.API_LIMIT_REACHED));
            assertThat(simulator.apiRequestsUsed()).isEqualTo(950 + 1 + 3);
        }
    }

    @Test
    void theBulkJobRequestKeepsQuotesBackslashesAndControlCharactersOfTheQueryAsJsonEscapes() throws IOException {
        // given
        SalesforceHttp unused = new SalesforceHttp(new ApiBudget(1), SalesforceHttp.fixed(() -> {
            throw new AssertionError("no request is made");
        }), SecretRedactor.generic(), sleeps::add, new RetryPolicy(3, Duration.ofMillis(100), 2, Duration.ofSeconds(1), Duration.ofSeconds(5)));
        SalesforceQueries queries = new SalesforceQueries(unused, "62.0", sleeps::add);
        String soql = "SELECT Id FROM Lead WHERE Name = 'a \\\"b\\\\c\tline\nend\u0001'";

        // when
        String body = queries.bulkJobRequest(soql);

        // then
        JsonNode job = new ObjectMapper().readTree(body);
        assertThat(job.path("query").textValue()).isEqualTo(soql);
        assertThat(job.path("operation").textValue()).isEqualTo("query");
        assertThat(job.path("contentType").textValue()).isEqualTo("CSV");
        assertThat(job.path("columnDelimiter").textValue()).isEqualTo("COMMA");
        assertThat(job.path("lineEnding").textValue()).isEqualTo("LF");
        assertThat(body).doesNotContain("\t", "\n", "\u0001").contains("\\t", "\\n", "\\u0001");
    }
}
