package dev.l2o.notify;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2o.rules.Severity;
import dev.l2o.store.FindingSummary;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class NotifierTest {
    private static final String SLACK_PATH = "/services/T000/B000/secret-token";
    private static final FindingSummary MISSING = new FindingSummary("L2O-STAGE-MISSING", Severity.ERROR, "stage proposal", "no CRM stage");
    private static final FindingSummary STALE = new FindingSummary("L2O-STALE-DEAL", Severity.WARNING, "stage negotiate", "12 stale deals");

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final Notifier notifier = new Notifier(Map.of("SLACK_URL", receiver.url(SLACK_PATH), "HOOK_URL", receiver.url("/hook")));

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private static RunRecord run(long id, RunOutcome outcome, List<FindingSummary> findings) {
        Instant fire = Instant.parse("2026-01-20T02:00:00Z").plusSeconds(86_400 * id);
        int errors = (int) findings.stream().filter(finding -> finding.severity() == Severity.ERROR).count();
        int warnings = (int) findings.stream().filter(finding -> finding.severity() == Severity.WARNING).count();
        return new RunRecord(id, "northwind-prod", fire, Optional.of(outcome), "node-a", 1, fire, Optional.of(fire.plusSeconds(42)),
                errors, warnings, 0, OptionalDouble.of(2.5), Optional.empty(), Optional.of("/data/reports/northwind-prod/x"));
    }

    private static RunChange change(RunRecord current, List<FindingSummary> now, Optional<RunRecord> previous, List<FindingSummary> before) {
        return new RunChange(current, now, previous, before, current.reportDirectory());
    }

    @Test
    void announcesTheFirstRunOfAnAudit() {
        // given
        RunChange first = change(run(1, RunOutcome.DRIFT, List.of(MISSING)), List.of(MISSING), Optional.empty(), List.of());

        // when
        int delivered = notifier.notifyIfChanged(first, List.of(new NotificationTarget.SlackWebhook("SLACK_URL")));

        // then
        assertThat(delivered).isEqualTo(1);
        assertThat(receiver.received()).singleElement().satisfies(received -> {
            assertThat(received.path()).isEqualTo(SLACK_PATH);
            assertThat(received.contentType()).startsWith("application/json");
            assertThat(received.body()).contains("northwind-prod").contains("DRIFT").contains("L2O-STAGE-MISSING");
        });
    }

    @Test
    void staysQuietWhenTheOutcomeAndTheFindingsAreTheSame() {
        // given
        RunRecord previous = run(1, RunOutcome.DRIFT, List.of(MISSING));
        FindingSummary sameWithOtherMessage = new FindingSummary(MISSING.ruleId(), MISSING.severity(), MISSING.subject(), "other words");
        RunChange same = change(run(2, RunOutcome.DRIFT, List.of(MISSING)), List.of(sameWithOtherMessage), Optional.of(previous), List.of(MISSING));

        // when
        int delivered = notifier.notifyIfChanged(same, List.of(new NotificationTarget.SlackWebhook("SLACK_URL")));

        // then
        assertThat(delivered).isZero();
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void announcesNewAndResolvedFindingsToAJsonWebhook() throws Exception {
        // given
        RunRecord previous = run(1, RunOutcome.DRIFT, List.of(MISSING));
        RunChange changed = change(run(2, RunOutcome.DRIFT, List.of(STALE)), List.of(STALE), Optional.of(previous), List.of(MISSING));

        // when
        notifier.notifyIfChanged(changed, List.of(new NotificationTarget.JsonWebhook("HOOK_URL")));

        // then
        JsonNode body = new ObjectMapper().readTree(receiver.received().get(0).body());
        assertThat(body.get("audit").asText()).isEqualTo("northwind-prod");
        assertThat(body.get("outcome").asText()).isEqualTo("drift");
        assertThat(body.get("previousOutcome").asText()).isEqualTo("drift");
        assertThat(body.get("newFindings").get(0).get("ruleId").asText()).isEqualTo("L2O-STALE-DEAL");
        assertThat(body.get("resolvedFindings").get(0).get("ruleId").asText()).isEqualTo("L2O-STAGE-MISSING");
        assertThat(body.get("findings").get("warning").asInt()).isEqualTo(1);
    }

    @Test
    void announcesAChangeOfOutcomeAlone() {
        // given
        RunRecord previous = run(1, RunOutcome.DRIFT, List.of());
        RunChange changed = change(run(2, RunOutcome.INCOMPLETE, List.of()), List.of(), Optional.of(previous), List.of());

        // when
        int delivered = notifier.notifyIfChanged(changed, List.of(new NotificationTarget.SlackWebhook("SLACK_URL")));

        // then
        assertThat(delivered).isEqualTo(1);
        assertThat(receiver.received().get(0).body()).contains("INCOMPLETE (was DRIFT)");
    }

    @Test
    void aFailingWebhookIsLoggedWithoutItsUrlAndDoesNotThrow() {
        // given
        receiver.answer(500);
        Logger logger = (Logger) LoggerFactory.getLogger(Notifier.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        Notifier unreachable = new Notifier(Map.of("SLACK_URL", receiver.url(SLACK_PATH), "GONE_URL", "http://127.0.0.1:9/hooks/secret-token"));
        RunChange first = change(run(1, RunOutcome.FAILED, List.of()), List.of(), Optional.empty(), List.of());

        // when
        int delivered;
        try {
            delivered = unreachable.notifyIfChanged(first, List.of(new NotificationTarget.SlackWebhook("SLACK_URL"),
                    new NotificationTarget.JsonWebhook("GONE_URL"), new NotificationTarget.JsonWebhook("UNSET_URL")));
        } finally {
            logger.detachAppender(logs);
        }

        // then
        assertThat(delivered).isZero();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("SLACK_URL").contains("HTTP 500"))
                .anySatisfy(line -> assertThat(line).contains("GONE_URL").contains("failed"))
                .anySatisfy(line -> assertThat(line).contains("UNSET_URL is not set"))
                .allSatisfy(line -> assertThat(line).doesNotContain("secret-token").doesNotContain("127.0.0.1"));
    }
}
