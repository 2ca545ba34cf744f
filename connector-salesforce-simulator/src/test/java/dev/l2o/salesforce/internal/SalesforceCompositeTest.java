package dev.l2o.salesforce.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.http.RetryPolicy;
import dev.l2o.http.SecretRedactor;
import dev.l2o.salesforce.simulator.OrgSizes;
import dev.l2o.salesforce.simulator.SalesforceSimulator;
import dev.l2o.salesforce.simulator.SimulatedOrg;
import dev.l2o.salesforce.simulator.SimulatedRequest;
import dev.l2o.salesforce.simulator.SimulatorOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SalesforceCompositeTest {
    private static SalesforceHttp http(SalesforceSimulator simulator) {
        SalesforceSession session = SalesforceSession.onInstance(simulator.instanceUrl(), "any-token", "62.0", "62.0");
        return new SalesforceHttp(new ApiBudget(1), SalesforceHttp.fixed(() -> session), SecretRedactor.generic(), duration -> { },
                new RetryPolicy(3, Duration.ZERO, 1, Duration.ZERO, Duration.ZERO));
    }

    private static SalesforceComposite.Read query(SalesforceQueries queries, String soql) {
        return new SalesforceComposite.Read("the query " + soql, queries.queryUrl(soql));
    }

    @Test
    void sixQueriesTakeTwoCallsAsACallTakesAtMostFiveQueriesAndTheOrgCountsEachCallOnce() {
        // given
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(3, new OrgSizes(10, 3, 500)),
                SimulatorOptions.defaults().withApiUsage(0, 1_000))) {
            SalesforceHttp http = http(simulator);
            SalesforceQueries queries = new SalesforceQueries(http, "62.0", duration -> { });
            List<SalesforceComposite.Read> reads = new ArrayList<>();
            IntStream.range(0, 6).forEach(i -> reads.add(query(queries, "SELECT Id FROM Organization")));
            reads.add(new SalesforceComposite.Read("the deleted opportunities",
                    queries.deletedUrl("Opportunity", Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-02T00:00:00Z"))));

            // when
            List<SalesforceComposite.Answer> answers = new SalesforceComposite(http, "62.0").execute(reads);

            // then
            assertThat(SalesforceComposite.split(reads)).extracting(List::size).containsExactly(5, 2);
            assertThat(answers).hasSize(7);
            assertThat(answers.subList(0, 6)).allSatisfy(answer -> assertThat(SalesforceQueries.organizationId(answer.bodyOrThrow()))
                    .startsWith(simulator.org().organizationId()));
            assertThat(answers.get(6).bodyOrThrow().has("earliestDateAvailable")).isTrue();
            assertThat(simulator.requestLog()).extracting(SimulatedRequest::operation).containsExactly("composite", "composite");
            assertThat(simulator.apiRequestsUsed()).isEqualTo(2);
            assertThat(http.budget().spent()).isEqualTo(2);
        }
    }

    @Test
    void aCallTakesAtMostTwentyFiveReads() {
        // given
        List<SalesforceComposite.Read> reads = new ArrayList<>();
        IntStream.range(0, 26).forEach(i -> reads.add(new SalesforceComposite.Read("getDeleted " + i,
                "/services/data/v62.0/sobjects/Opportunity/deleted/?start=a&end=b")));

        // when
        List<List<SalesforceComposite.Read>> calls = SalesforceComposite.split(reads);

        // then
        assertThat(calls).extracting(List::size).containsExactly(25, 1);
    }

    @Test
    void aFailedReadIsClassifiedAsTheSameAnswerToATopLevelRequestWouldBeAndTheOtherReadsStand() {
        // given: a query of an object the org does not have is answered with 400 INVALID_TYPE
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.generate(3, new OrgSizes(10, 3, 500)),
                SimulatorOptions.defaults())) {
            SalesforceHttp http = http(simulator);
            SalesforceQueries queries = new SalesforceQueries(http, "62.0", duration -> { });
            String soql = "SELECT Id FROM Missing__c";
            L2oException topLevel = null;
            try {
                queries.query("the query " + soql, soql, 1, record -> { });
            } catch (L2oException e) {
                topLevel = e;
            }

            // when
            List<SalesforceComposite.Answer> answers = new SalesforceComposite(http, "62.0")
                    .execute(List.of(query(queries, soql), query(queries, "SELECT Id FROM Organization")));

            // then
            assertThat(topLevel).isNotNull();
            SalesforceComposite.Answer failed = answers.get(0);
            assertThat(failed.failure()).isNotNull();
            assertThat(failed.failure().code()).isEqualTo(topLevel.code()).isEqualTo(ErrorCode.SOURCE_UNAVAILABLE);
            assertThat(failed.failure().getMessage()).isEqualTo(topLevel.getMessage()).contains("HTTP 400", "INVALID_TYPE");
            assertThatThrownBy(failed::bodyOrThrow).isSameAs(failed.failure());
            assertThat(SalesforceQueries.organizationId(answers.get(1).bodyOrThrow())).startsWith(simulator.org().organizationId());
        }
    }
}
