package dev.l2o.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.store.FindingSummary;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import java.util.List;
import java.util.Locale;

/** The bodies sent to webhooks: a Slack message and a generic JSON document. Equal changes give equal bodies. */
final class NotificationMessages {
    /** Findings listed per direction in a Slack message; the rest are counted. */
    static final int LISTED_FINDINGS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationMessages() {}

    /** A Slack incoming-webhook body: {@code {"text": …}} in Slack's mrkdwn. */
    static String slack(RunChange change) {
        RunRecord run = change.current();
        StringBuilder text = new StringBuilder();
        text.append("*l2o audit ").append(escapeSlack(run.auditName())).append("*: ").append(outcomeText(change));
        text.append("\n").append(run.errors()).append(" errors, ").append(run.warnings()).append(" warnings, ")
                .append(run.infos()).append(" info");
        if (run.maturityOverall().isPresent()) {
            text.append(" · maturity ").append(String.format(Locale.ROOT, "%.1f", run.maturityOverall().getAsDouble()));
        }
        run.detail().ifPresent(detail -> text.append("\n").append(escapeSlack(detail)));
        appendFindings(text, "New", change.newFindings());
        appendFindings(text, "Resolved", change.resolvedFindings());
        change.reportLocation().ifPresent(location -> text.append("\nReports: `").append(escapeSlack(location)).append('`'));
        ObjectNode body = JSON.createObjectNode();
        body.put("text", text.toString());
        return body.toString();
    }

    private static void appendFindings(StringBuilder text, String title, List<FindingSummary> findings) {
        if (findings.isEmpty()) {
            return;
        }
        text.append("\n").append(title).append(" findings (").append(findings.size()).append("):");
        findings.stream().limit(LISTED_FINDINGS).forEach(finding -> text.append("\n• ").append(finding.severity().id())
                .append(" `").append(escapeSlack(finding.ruleId())).append("` ").append(escapeSlack(finding.subject()))
                .append(": ").append(escapeSlack(finding.message())));
        if (findings.size() > LISTED_FINDINGS) {
            text.append("\n• … and ").append(findings.size() - LISTED_FINDINGS).append(" more");
        }
    }

    private static String outcomeText(RunChange change) {
        RunOutcome outcome = change.current().outcome().orElseThrow();
        String now = outcome.name();
        return change.previous().flatMap(RunRecord::outcome)
                .filter(before -> before != outcome)
                .map(before -> now + " (was " + before.name() + ")")
                .orElse(now);
    }

    /** Slack mrkdwn needs only {@code &}, {@code <} and {@code >} escaped. */
    private static String escapeSlack(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The generic webhook body: the run, the previous outcome, and the new and resolved findings in full. */
    static String json(RunChange change) {
        RunRecord run = change.current();
        ObjectNode body = JSON.createObjectNode();
        body.put("kind", "l2o.auditRun");
        body.put("audit", run.auditName());
        body.put("runId", run.runId());
        body.put("fireTime", run.fireTime().toString());
        body.put("outcome", run.outcome().orElseThrow().id());
        body.put("previousOutcome", change.previous().flatMap(RunRecord::outcome).map(RunOutcome::id).orElse(null));
        run.finishedAt().ifPresent(at -> body.put("finishedAt", at.toString()));
        run.duration().ifPresent(duration -> body.put("durationSeconds", duration.toMillis() / 1000.0));
        ObjectNode counts = body.putObject("findings");
        counts.put("error", run.errors());
        counts.put("warning", run.warnings());
        counts.put("info", run.infos());
        if (run.maturityOverall().isPresent()) {
            body.put("maturityOverall", run.maturityOverall().getAsDouble());
        }
        run.detail().ifPresent(detail -> body.put("detail", detail));
        change.reportLocation().ifPresent(location -> body.put("reports", location));
        addFindings(body.putArray("newFindings"), change.newFindings());
        addFindings(body.putArray("resolvedFindings"), change.resolvedFindings());
        return body.toString();
    }

    private static void addFindings(ArrayNode array, List<FindingSummary> findings) {
        for (FindingSummary finding : findings) {
            ObjectNode node = array.addObject();
            node.put("ruleId", finding.ruleId());
            node.put("severity", finding.severity().id());
            node.put("subject", finding.subject());
            node.put("message", finding.message());
        }
    }
}
