package dev.l2o.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.rules.Severity;
import dev.l2o.store.CoverageShares;
import dev.l2o.store.FindingSummary;
import dev.l2o.store.StageMedian;
import java.util.List;

/**
 * {@code l2o history --format json}: the trends of the audits for dashboards. The shape (README, Run history) is
 * written out field by field here, so renaming a Java component never changes it; equal trends give equal bytes.
 */
final class TrendJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrendJson() {}

    /** The trends as indented JSON text ending with a line break. */
    static String of(List<AuditTrend> trends) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode audits = root.putArray("audits");
        for (AuditTrend trend : trends) {
            ObjectNode audit = audits.addObject().put("audit", trend.audit());
            ArrayNode runs = audit.putArray("runs");
            trend.runs().forEach(run -> run(runs.addObject(), run));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static void run(ObjectNode node, AuditTrend.Run run) {
        node.put("fireTime", run.fireTime().toString());
        node.put("outcome", run.outcome().id());
        ObjectNode findings = node.putObject("findings");
        for (Severity severity : Severity.values()) {
            findings.put(severity.id(), run.findings().stream().filter(f -> f.severity() == severity).count());
        }
        ObjectNode maturity = node.putObject("maturity").put("overall", run.maturity().overall());
        ObjectNode dimensions = maturity.putObject("dimensions");
        run.maturity().dimensions().forEach(dimensions::put);
        if (run.coverage().isPresent()) {
            CoverageShares coverage = run.coverage().get();
            ObjectNode shares = node.putObject("coverage").put("overall", coverage.overall());
            ObjectNode sections = shares.putObject("sections");
            coverage.sections().forEach(sections::put);
        } else {
            node.putNull("coverage");
        }
        ObjectNode medians = node.putObject("stageMedianDays");
        for (StageMedian median : run.stageMedians()) {
            medians.put(median.stage(), median.medianDays());
        }
        ArrayNode changes = node.putArray("changes");
        for (AuditTrend.MarkedFinding change : run.changes()) {
            FindingSummary finding = change.finding();
            changes.addObject()
                    .put("change", change.mark().id())
                    .put("ruleId", finding.ruleId())
                    .put("severity", finding.severity().id())
                    .put("subject", finding.subject())
                    .put("message", finding.message());
        }
    }
}
