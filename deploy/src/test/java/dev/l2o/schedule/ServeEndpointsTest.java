package dev.l2o.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.notify.WebhookReceiver;
import dev.l2o.rules.Severity;
import dev.l2o.store.FindingSummary;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeEndpointsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final FindingSummary MISSING = FakeExecutor.finding("L2O-STAGE-MISSING", Severity.ERROR, "stage proposal");
    private static final FindingSummary STALE = FakeExecutor.finding("L2O-STALE-DEAL", Severity.WARNING, "stage negotiate");

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(AuditServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort().orElseThrow() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesHealthAndPrometheusMetricsOnLoopback() throws Exception {
        // given
        FakeExecutor executor = FakeExecutor.working(Duration.ofMillis(20));
        ScheduleConfig config = ScheduleFixture.embedded(folder, "* * * * * ?", "http: { port: 0 }", "");

        try (AuditServer server = AuditServer.start(config, executor, Clock.systemUTC(), ScheduleFixture.options(Map.of()))) {
            Eventually.await(PATIENCE, "a run finished", () -> server.store().latestFinishedRuns().size() == 1);

            // when
            HttpResponse<String> health = get(server, "/health");
            HttpResponse<String> metrics = get(server, "/metrics");
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort().orElseThrow()
                    + "/health")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

            // then
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"up\"").contains("\"store\":\"ok\"");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
            assertThat(metrics.body())
                    .contains("# TYPE l2o_audit_last_run_findings gauge")
                    .contains("l2o_audit_last_run_findings{audit=\"nightly\",severity=\"error\"} 1.0\n")
                    .contains("l2o_audit_last_run_findings{audit=\"nightly\",severity=\"warning\"} 0.0\n")
                    .contains("l2o_audit_last_run_outcome{audit=\"nightly\",outcome=\"drift\"} 1.0\n")
                    .contains("l2o_audit_last_run_outcome{audit=\"nightly\",outcome=\"passed\"} 0.0\n")
                    .containsPattern("l2o_audit_last_run_timestamp_seconds\\{audit=\"nightly\"} \\d+")
                    .containsPattern("l2o_audit_last_run_duration_seconds\\{audit=\"nightly\"} [0-9.]+");
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void notifiesWhenTheFindingsChangeAndNotForRepeatedResults() throws Exception {
        // given: two runs with one finding, then every run with two
        FakeExecutor executor = new FakeExecutor(Duration.ofMillis(20),
                run -> run <= 2 ? List.of(MISSING) : List.of(MISSING, STALE), Optional.empty());
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            ScheduleConfig config = ScheduleFixture.embedded(folder, "* * * * * ?", "", """
                    notify:
                      - slackWebhookEnv: SLACK_URL
                      - webhookEnv: HOOK_URL
                    """);
            Map<String, String> environment = Map.of("SLACK_URL", receiver.url("/slack/secret"), "HOOK_URL", receiver.url("/hook"));

            // when
            try (AuditServer server = AuditServer.start(config, executor, Clock.systemUTC(), ScheduleFixture.options(environment))) {
                Eventually.await(PATIENCE, "five runs recorded", () -> server.store().runs(Optional.of("nightly"), 100).stream()
                        .filter(run -> run.outcome().isPresent()).count() >= 5);
            }

            // then
            List<WebhookReceiver.Received> slack = receiver.received().stream().filter(received -> received.path().equals("/slack/secret")).toList();
            List<WebhookReceiver.Received> hook = receiver.received().stream().filter(received -> received.path().equals("/hook")).toList();
            assertThat(slack).hasSize(2);
            assertThat(hook).hasSize(2);
            assertThat(hook.get(0).body()).contains("\"previousOutcome\":null").contains("L2O-STAGE-MISSING");
            assertThat(hook.get(1).body()).contains("\"newFindings\":[{\"ruleId\":\"L2O-STALE-DEAL\"");
        }
    }

    @Test
    void historyShowsRunsAndTrendsWhileTheServerHoldsTheStore() throws Exception {
        // given
        FakeExecutor executor = FakeExecutor.working(Duration.ofMillis(20));
        ScheduleConfig config = ScheduleFixture.embedded(folder, "* * * * * ?", "", "");
        try (AuditServer server = AuditServer.start(config, executor, Clock.systemUTC(), ScheduleFixture.options(Map.of()))) {
            Eventually.await(PATIENCE, "three runs recorded", () -> server.store().runs(Optional.of("nightly"), 100).stream()
                    .filter(run -> run.outcome().isPresent()).count() >= 3);

            // when
            HistoryReport report;
            try (HistoryQuery history = HistoryQuery.open(config, Map.of())) {
                report = history.report(Optional.of("nightly"), 20, 3);
            }

            // then
            assertThat(report.tables()).extracting(HistoryReport.Table::title).startsWith("Runs of nightly",
                    "Findings of nightly over the last 3 runs", "Median days in stage of nightly over the last 3 runs",
                    "Findings by severity of nightly over the last 3 audited runs");
            HistoryReport.Table stages = report.tables().get(2);
            assertThat(stages.rows()).extracting(row -> row.get(0)).containsExactly("qualify", "propose");
            assertThat(stages.rows().get(1).subList(1, 4)).containsOnly("5.5");
            assertThat(report.tables().get(1).rows()).extracting(row -> row.get(0)).containsExactly("L2O-STAGE-MISSING", "total");
            assertThat(report.text()).contains("Runs of nightly\n").contains(" drift ");
        }
    }
}
