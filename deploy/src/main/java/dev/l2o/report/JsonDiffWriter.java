package dev.l2o.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.model.SourceInfo;
import dev.l2o.rules.Finding;
import dev.l2o.snapshot.Change;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The diff for machines; findings have the fields of {@code report.json}'s findings. */
public final class JsonDiffWriter implements DiffWriter {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public String format() {
        return "json";
    }

    @Override
    public String defaultFileName() {
        return "diff.json";
    }

    @Override
    public void write(DiffReport report, ReportContext context, OutputStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 1);
        root.putObject("tool").put("name", "l2o").put("version", report.toolVersion());
        source(root.putObject("before"), report.before(), report.beforeAsOf());
        source(root.putObject("after"), report.after(), report.afterAsOf());
        root.put("complete", report.complete());
        ArrayNode reasons = root.putArray("incompleteReasons");
        report.incompleteReasons().forEach(reasons::add);
        root.put("failOn", context.failOnName());
        root.put("fails", context.fails(report));
        ArrayNode changes = root.putArray("changes");
        for (Change change : report.changes().changes()) {
            ObjectNode node = changes.addObject();
            node.put("kind", change.kind().name().toLowerCase(Locale.ROOT));
            node.put("category", change.category());
            node.put("subject", change.subject().address());
            node.put("file", change.subject().file());
            if (change.subject().line() > 0) {
                node.put("line", change.subject().line());
            }
            node.put("before", change.before());
            node.put("after", change.after());
            node.put("description", change.description());
            report.setupChange(change).ifPresent(setup -> node.put("changedBy", setup.changedBy())
                    .put("changedAt", setup.at().toString()).put("change", setup.display()));
        }
        if (report.audited()) {
            root.putObject("blueprint").put("name", report.blueprintName()).put("file", report.afterAudit().blueprintFile());
            findings(root.putArray("introduced"), report.introduced());
            findings(root.putArray("resolved"), report.resolved());
            root.put("unchanged", report.unchanged());
        } else {
            root.putNull("blueprint");
        }
        JSON.writeValue(out, root);
        out.write('\n');
    }

    private static void source(ObjectNode node, SourceInfo source, Instant asOf) {
        node.put("type", source.type()).put("location", source.location()).put("asOf", asOf.toString());
    }

    private static void findings(ArrayNode array, List<Finding> findings) {
        findings.forEach(f -> JsonReportWriter.finding(array.addObject(), f));
    }
}
