package dev.l2o.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.audit.AuditReport;
import dev.l2o.audit.Coverage;
import dev.l2o.audit.Lifecycles;
import dev.l2o.audit.SnapshotFacts;
import dev.l2o.maturity.DimensionScore;
import dev.l2o.metrics.Conversion;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.metrics.StageStat;
import dev.l2o.metrics.StageTransition;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Severity;
import dev.l2o.rules.SuppressedFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.json}: the report for machines, with the field names of CONTRACT.md section 5. The mapping is
 * written out here field by field, so renaming a Java component can never change the public shape.
 */
public final class JsonReportWriter implements ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public String format() {
        return "json";
    }

    @Override
    public String defaultFileName() {
        return "report.json";
    }

    @Override
    public void write(AuditReport report, ReportContext context, OutputStream out) throws IOException {
        JSON.writeValue(out, tree(report));
        out.write('\n');
    }

    /** The report as a JSON tree (also used by writers that embed the JSON). */
    public static ObjectNode tree(AuditReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", report.schemaVersion());
        root.putObject("tool").put("name", "l2o").put("version", report.toolVersion());
        root.putObject("blueprint").put("name", report.blueprintName()).put("file", report.blueprintFile());
        ObjectNode source = root.putObject("source");
        source.put("type", report.source().type()).put("location", report.source().location()).put("crm", report.crm());
        ObjectNode attributes = source.putObject("attributes");
        report.source().attributes().forEach(attributes::put);
        SourceFetch.of(report.source()).ifPresent(fetch -> source.putObject("incremental")
                .put("mode", fetch.mode()).put("reason", fetch.reason()).put("since", fetch.since()));
        root.put("asOf", report.asOf().toString());
        root.put("complete", report.complete());
        strings(root.putArray("incompleteReasons"), report.incompleteReasons());
        ArrayNode answers = root.putArray("answers");
        report.answers().answers().forEach(a -> answers.addObject().put("key", a.key()).put("question", a.question())
                .put("answer", a.answer()));
        ObjectNode summary = root.putObject("summary");
        for (Severity severity : Severity.values()) {
            summary.put(severity.id(), report.count(severity));
        }
        summary.put("baselined", report.baselined().size());
        summary.put("suppressed", report.suppressed().size());
        ArrayNode findings = root.putArray("findings");
        report.findings().forEach(f -> finding(findings.addObject(), f));
        ArrayNode baselined = root.putArray("baselined");
        report.baselined().forEach(f -> finding(baselined.addObject(), f));
        ArrayNode suppressed = root.putArray("suppressed");
        for (SuppressedFinding s : report.suppressed()) {
            ObjectNode node = suppressed.addObject();
            finding(node, s.finding());
            node.put("reason", s.suppression().reason());
            node.put("until", s.suppression().until() == null ? null : s.suppression().until().toString());
        }
        strings(root.putArray("notices"), report.notices());
        root.putObject("attribution")
                .put("source", report.attribution().source())
                .put("available", report.attribution().available())
                .put("reason", report.attribution().reason())
                .put("changes", report.attribution().changes());
        metrics(root.putObject("metrics"), report.metrics());
        ObjectNode maturity = root.putObject("maturity");
        maturity.put("overall", round(report.maturity().overall()));
        maturity.put("revenueMachine", report.maturity().revenueMachine());
        ArrayNode dimensions = maturity.putArray("dimensions");
        for (DimensionScore score : report.maturity().dimensions()) {
            ObjectNode node = dimensions.addObject();
            node.put("key", score.dimension().key());
            node.put("score", round(score.score()));
            strings(node.putArray("evidence"), score.evidence());
        }
        coverage(root.putObject("coverage"), report.coverage());
        lifecycles(root.putArray("lifecycles"), report.lifecycles());
        SnapshotFacts facts = report.facts();
        root.putObject("snapshot")
                .put("pipelines", facts.pipelines())
                .put("stages", facts.stages())
                .put("fields", facts.fields())
                .put("automations", facts.automations())
                .put("activeAutomations", facts.activeAutomations())
                .put("assignmentRules", facts.assignmentRules())
                .put("assignees", facts.assignees())
                .put("records", facts.records())
                .put("historyRows", facts.historyRows())
                .put("historySource", facts.historySource());
        return root;
    }

    private static void coverage(ObjectNode node, Coverage coverage) {
        if (coverage.overall().isPresent()) {
            node.put("overall", coverage.overall().getAsDouble());
        } else {
            node.putNull("overall");
        }
        ArrayNode sections = node.putArray("sections");
        for (Coverage.SectionShare section : coverage.sections()) {
            sections.addObject()
                    .put("section", section.section().key())
                    .put("share", section.share())
                    .put("live", section.live())
                    .put("partial", section.partial())
                    .put("absent", section.absent())
                    .put("total", section.total());
        }
        ArrayNode elements = node.putArray("elements");
        for (Coverage.Element element : coverage.elements()) {
            ObjectNode item = elements.addObject()
                    .put("section", element.section().key())
                    .put("element", element.name())
                    .put("status", element.status().id());
            strings(item.putArray("because"), element.because());
        }
    }

    private static void lifecycles(ArrayNode node, Lifecycles lifecycles) {
        for (Lifecycles.Entry entry : lifecycles.entries()) {
            ObjectNode item = node.addObject()
                    .put("name", entry.name())
                    .put("motion", entry.motion().blueprintName())
                    .put("pipeline", entry.pipeline());
            strings(item.putArray("stagesFound"), entry.stagesFound());
            strings(item.putArray("stagesMissing"), entry.stagesMissing());
            item.put("won", entry.won())
                    .put("closed", entry.closed())
                    .put("rate", round(entry.rate()))
                    .put("rateUnavailable", entry.rateUnavailable());
            metrics(item.putObject("metrics"), entry.metrics());
        }
    }

    /**
     * The metrics part of the report alone, as indented JSON text ({@code l2o metrics --format json}), with
     * {@code lifecycles} as in the report when the blueprint designs more than {@code opportunityLifecycle}.
     */
    public static String metricsJson(StageMetrics metrics, Lifecycles lifecycles) {
        ObjectNode node = JSON.createObjectNode();
        metrics(node, metrics);
        if (lifecycles.entries().size() > 1) {
            lifecycles(node.putArray("lifecycles"), lifecycles);
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void finding(ObjectNode node, Finding finding) {
        node.put("ruleId", finding.ruleId());
        node.put("severity", finding.severity().id());
        node.put("dimension", finding.dimension().key());
        node.put("kind", finding.kind().name().toLowerCase(Locale.ROOT));
        node.put("subject", finding.subject());
        node.put("message", finding.message());
        node.put("expected", finding.expected());
        node.put("actual", finding.actual());
        node.put("count", finding.count());
        strings(node.putArray("evidence"), finding.evidence());
        if (finding.location() != null) {
            ObjectNode location = node.putObject("location");
            location.put("address", finding.location().address());
            location.put("file", finding.location().file());
            if (finding.location().line() > 0) {
                location.put("line", finding.location().line());
            }
        }
        if (finding.change() != null) {
            node.put("changedBy", finding.change().changedBy());
            node.put("changedAt", finding.change().at().toString());
            node.put("change", finding.change().display());
        }
    }

    private static void metrics(ObjectNode node, StageMetrics metrics) {
        node.put("historyAvailable", metrics.historyAvailable());
        node.put("historySource", metrics.historySource());
        node.put("asOf", metrics.asOf().toString());
        node.put("rows", metrics.rows());
        node.put("records", metrics.records());
        node.put("openRecords", metrics.openRecords());
        node.put("closedRecords", metrics.closedRecords());
        node.put("wonRecords", metrics.wonRecords());
        ArrayNode stages = node.putArray("stages");
        for (StageStat stat : metrics.stages()) {
            stages.addObject()
                    .put("stage", stat.stage())
                    .put("label", stat.label())
                    .put("crmStage", stat.crmStage())
                    .put("mapped", stat.mapped())
                    .put("entered", stat.entered())
                    .put("completedStays", stat.completedStays())
                    .put("openStays", stat.openStays())
                    .put("meanDays", round(stat.meanDays()))
                    .put("medianDays", round(stat.medianDays()))
                    .put("p90Days", round(stat.p90Days()))
                    .put("maxDaysInStage", stat.maxDaysInStage())
                    .put("openOverBenchmark", stat.openOverBenchmark());
        }
        ArrayNode conversions = node.putArray("conversions");
        for (Conversion conversion : metrics.conversions()) {
            conversions.addObject()
                    .put("from", conversion.from())
                    .put("to", conversion.to())
                    .put("measured", conversion.measured())
                    .put("reached", conversion.reached())
                    .put("converted", conversion.converted())
                    .put("rate", round(conversion.rate()))
                    .put("target", conversion.target())
                    .put("benchmarkAverage", conversion.benchmarkAverage())
                    .put("benchmarkTopPerformer", conversion.benchmarkTopPerformer())
                    .put("note", conversion.note());
        }
        node.put("winRate", round(metrics.winRate()));
        node.put("salesCycleMedianDays", round(metrics.salesCycleMedianDays()));
        node.put("meanWonAmount", round(metrics.meanWonAmount()));
        node.put("dealVelocityPerDay", round(metrics.dealVelocityPerDay()));
        transitions(node.putArray("skips"), metrics.skips());
        transitions(node.putArray("regressions"), metrics.regressions());
    }

    private static void transitions(ArrayNode array, List<StageTransition> transitions) {
        for (StageTransition t : transitions) {
            strings(array.addObject().put("from", t.from()).put("to", t.to()).put("records", t.records())
                    .putArray("examples"), t.examples());
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** Six significant decimals: stable output without binary noise such as 0.30000000000000004. */
    private static Double round(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        return new BigDecimal(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().doubleValue();
    }
}
