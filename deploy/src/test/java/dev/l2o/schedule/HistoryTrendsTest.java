package dev.l2o.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2o.rules.Severity;
import dev.l2o.store.CompletedRun;
import dev.l2o.store.CoverageShares;
import dev.l2o.store.FindingSummary;
import dev.l2o.store.MaturityScores;
import dev.l2o.store.RunHistoryStore;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import dev.l2o.store.StageMedian;
import dev.l2o.store.StoreDatabase;
import dev.l2o.store.StoreSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTrendsTest {
    private static final Instant NIGHT = Instant.parse("2026-01-20T02:00:00Z");
    private static final FindingSummary STAGE = finding("L2O-STAGE-MISSING", Severity.ERROR, "stage proposal");
    private static final FindingSummary FIELD = finding("L2O-FIELD-MISSING", Severity.ERROR, "field Pain__c");
    private static final FindingSummary STALE = finding("L2O-STALE-DEAL", Severity.WARNING, "stage negotiate");

    @TempDir
    Path folder;

    private StoreDatabase database;
    private RunHistoryStore store;

    @BeforeEach
    void openStore() {
        database = StoreDatabase.open(StoreSettings.embedded(), folder, Map.of(), 2, StoreDatabase.Access.OWNER);
        store = new RunHistoryStore(database.dataSource());
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    private static FindingSummary finding(String ruleId, Severity severity, String subject) {
        return new FindingSummary(ruleId, severity, subject, ruleId + " on " + subject);
    }

    private static Instant night(int day) {
        return NIGHT.plusSeconds(86_400L * day);
    }

    /** A run that audited the CRM, recorded as the scheduler records it. */
    private void auditedRun(int day, List<FindingSummary> findings, double maturity, double coverage, double proposeDays) {
        RunRecord attempt = store.claim("nightly", night(day), "node-a", night(day)).orElseThrow();
        Map<String, Double> dimensions = new LinkedHashMap<>();
        dimensions.put("strategy", maturity);
        dimensions.put("lifecycle", 3.0);
        Map<String, Double> sections = new LinkedHashMap<>();
        sections.put("stages", coverage);
        store.complete(attempt, new CompletedRun(findings.isEmpty() ? RunOutcome.PASSED : RunOutcome.DRIFT, night(day).plusSeconds(60),
                findings, Optional.of(new MaturityScores((maturity + 3.0) / 2, dimensions)),
                List.of(new StageMedian("qualify", 4.5), new StageMedian("propose", proposeDays)), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.of(new CoverageShares(coverage, sections))));
    }

    private void failedRun(int day) {
        RunRecord attempt = store.claim("nightly", night(day), "node-a", night(day)).orElseThrow();
        store.complete(attempt, new CompletedRun(RunOutcome.FAILED, night(day).plusSeconds(5), List.of(), Optional.empty(), List.of(),
                Optional.empty(), List.of(), Optional.empty(), Optional.of("cannot read the source")));
    }

    private HistoryQuery query() {
        return HistoryQuery.over(store, List.of("nightly", "weekly"));
    }

    @Test
    void findingsAreMarkedAppearedDisappearedOrCameBackAgainstTheRunsBeforeThemAndFailedRunsAreLeftOut() {
        // given
        auditedRun(0, List.of(STAGE, FIELD), 1.0, 0.5, 10.0);
        auditedRun(1, List.of(STAGE), 1.5, 0.75, 9.0);
        failedRun(2);
        auditedRun(3, List.of(STAGE, FIELD, STALE), 2.0, 0.75, 8.0);

        // when
        AuditTrend trend = query().trend("nightly", 10);

        // then
        assertThat(trend.runs()).extracting(AuditTrend.Run::fireTime).containsExactly(night(0), night(1), night(3));
        assertThat(trend.runs().get(0).changes()).isEmpty();
        assertThat(trend.runs().get(1).changes()).extracting(c -> c.mark(), c -> c.finding().key())
                .containsExactly(tuple(AuditTrend.Mark.DISAPPEARED, FIELD.key()));
        assertThat(trend.runs().get(2).changes()).extracting(c -> c.mark(), c -> c.finding().key())
                .containsExactly(tuple(AuditTrend.Mark.CAME_BACK, FIELD.key()), tuple(AuditTrend.Mark.APPEARED, STALE.key()));
    }

    @Test
    void aFindingBeforeTheTrendWindowCountsAsAppearedWhenItReturnsInside() {
        // given
        auditedRun(0, List.of(FIELD), 1.0, 0.5, 10.0);
        auditedRun(1, List.of(), 1.0, 0.5, 10.0);
        auditedRun(2, List.of(FIELD), 1.0, 0.5, 10.0);

        // when
        AuditTrend trend = query().trend("nightly", 2);

        // then
        assertThat(trend.runs()).hasSize(2);
        assertThat(trend.runs().get(1).changes()).extracting(c -> c.mark())
                .containsExactly(AuditTrend.Mark.APPEARED);
    }

    @Test
    void historyJsonListsEveryAuditWithItsRunsOldestFirst() throws Exception {
        // given
        auditedRun(0, List.of(STAGE, FIELD), 1.0, 0.5, 10.0);
        auditedRun(1, List.of(STAGE, STALE), 1.5, 0.75, 9.25);

        // when
        JsonNode json = new ObjectMapper().readTree(query().trendsJson(Optional.empty(), 10));

        // then
        assertThat(json.get("audits")).extracting(audit -> audit.get("audit").asText()).containsExactly("nightly", "weekly");
        assertThat(json.at("/audits/1/runs")).isEmpty();
        JsonNode latest = json.at("/audits/0/runs/1");
        assertThat(json.at("/audits/0/runs/0/fireTime").asText()).isEqualTo("2026-01-20T02:00:00Z");
        assertThat(latest.get("outcome").asText()).isEqualTo("drift");
        assertThat(latest.at("/findings/error").asInt()).isEqualTo(1);
        assertThat(latest.at("/findings/warning").asInt()).isEqualTo(1);
        assertThat(latest.at("/findings/info").asInt()).isZero();
        assertThat(latest.at("/maturity/overall").asDouble()).isEqualTo(2.25);
        assertThat(latest.at("/maturity/dimensions/strategy").asDouble()).isEqualTo(1.5);
        assertThat(latest.at("/coverage/overall").asDouble()).isEqualTo(0.75);
        assertThat(latest.at("/coverage/sections/stages").asDouble()).isEqualTo(0.75);
        assertThat(latest.at("/stageMedianDays/propose").asDouble()).isEqualTo(9.25);
        assertThat(latest.get("changes")).extracting(c -> c.get("change").asText() + " " + c.get("ruleId").asText())
                .containsExactly("appeared L2O-STALE-DEAL", "disappeared L2O-FIELD-MISSING");
    }

    @Test
    void historyHtmlDrawsEachTrendAsAnInlineSvgChartWithoutNetworkRequests() {
        // given
        auditedRun(0, List.of(STAGE, FIELD), 1.0, 0.5, 10.0);
        auditedRun(1, List.of(STAGE), 1.5, 0.75, 9.0);

        // when
        String page = query().trendsHtml(Optional.of("nightly"), 10);

        // then
        assertThat(page).contains("Findings by severity", "Maturity per dimension", "Blueprint coverage per section",
                "Median days per stage", "<polyline", "disappeared");
        assertThat(page.split("<svg ", -1)).hasSize(5);
        assertThat(page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://", "https://", "<script");
        assertThat(query().trendsHtml(Optional.of("nightly"), 10)).isEqualTo(page);
    }

    @Test
    void historyTextShowsSeverityMaturityCoverageAndChangesTables() {
        // given
        auditedRun(0, List.of(STAGE, FIELD), 1.0, 0.5, 10.0);
        auditedRun(1, List.of(STAGE), 1.5, 0.75, 9.0);

        // when
        String text = query().report(Optional.of("nightly"), 10, 10).text();

        // then
        assertThat(text).contains("Findings by severity of nightly over the last 2 audited runs",
                "Maturity (0-4) of nightly", "Blueprint coverage of nightly", "  overall  50%               75%",
                "disappeared  error     L2O-FIELD-MISSING  field Pain__c");
    }
}
