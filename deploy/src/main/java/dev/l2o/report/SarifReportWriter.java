package dev.l2o.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.audit.AuditReport;
import dev.l2o.blueprint.SourcePosition;
import dev.l2o.rules.Finding;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import dev.l2o.rules.SuppressedFinding;
import dev.l2o.rules.builtin.RuleCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code report.sarif}: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps). One run; the rules the
 * audit ran with their descriptions and help; one result per finding, located in the SFDX file and line the
 * finding is about, else at the blueprint line that declares its subject, else at the top of the blueprint (code
 * scanning drops results without a location). Suppressed findings are results with a suppression, baselined
 * ones have {@code baselineState: unchanged}. File paths are relative to the working directory when the source
 * was named by a relative path (as in CI, where it is the repository), so that annotations land on the
 * pull request's files.
 */
public final class SarifReportWriter implements ReportWriter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public String defaultFileName() {
        return "report.sarif";
    }

    @Override
    public void write(AuditReport report, ReportContext context, OutputStream out) throws IOException {
        JSON.writeValue(out, tree(report));
        out.write('\n');
    }

    static ObjectNode tree(AuditReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        List<RuleDescriptor> rules = rules(report);
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "l2o");
        driver.put("version", report.toolVersion());
        driver.put("fullName", "l2o Lead-to-Order architecture audit " + report.toolVersion());
        ArrayNode ruleNodes = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (RuleDescriptor rule : rules) {
            ruleIndex.put(rule.id(), ruleIndex.size());
            rule(ruleNodes.addObject(), rule);
        }
        run.putObject("automationDetails").put("id", "l2o/" + report.blueprintName() + "/");
        invocation(run.putArray("invocations").addObject(), report);
        ArrayNode results = run.putArray("results");
        for (Finding finding : report.findings()) {
            result(results.addObject(), report, finding, ruleIndex);
        }
        for (Finding finding : report.baselined()) {
            result(results.addObject(), report, finding, ruleIndex).put("baselineState", "unchanged");
        }
        for (SuppressedFinding suppressed : report.suppressed()) {
            ObjectNode suppression = result(results.addObject(), report, suppressed.finding(), ruleIndex)
                    .putArray("suppressions").addObject();
            suppression.put("kind", "external");
            suppression.put("status", "accepted");
            suppression.put("justification", suppressed.suppression().reason()
                    + (suppressed.suppression().until() == null ? "" : " (until " + suppressed.suppression().until() + ")"));
        }
        ObjectNode properties = run.putObject("properties");
        properties.put("blueprint", report.blueprintName());
        properties.put("source", report.source().type() + ":" + report.source().location());
        properties.put("asOf", report.asOf().toString());
        properties.put("complete", report.complete());
        properties.put("maturity", Math.round(report.maturity().overall() * 100) / 100.0);
        return root;
    }

    /** The rules the audit ran, and a descriptor for any other rule id a finding carries (older reports). */
    private static List<RuleDescriptor> rules(AuditReport report) {
        Map<String, RuleDescriptor> byId = new LinkedHashMap<>();
        report.rules().forEach(rule -> byId.put(rule.id(), rule));
        List<Finding> all = new ArrayList<>(report.findings());
        all.addAll(report.baselined());
        report.suppressed().forEach(s -> all.add(s.finding()));
        for (Finding finding : all) {
            byId.computeIfAbsent(finding.ruleId(), id -> RuleCatalog.find(id).orElseGet(() -> new RuleDescriptor(id, id,
                    "A custom rule of the blueprint.", finding.dimension(), finding.severity())));
        }
        return byId.values().stream().sorted(Comparator.comparing(RuleDescriptor::id)).toList();
    }

    private static void rule(ObjectNode node, RuleDescriptor rule) {
        node.put("id", rule.id());
        node.put("name", pascalCase(rule.title()));
        node.putObject("shortDescription").put("text", rule.title());
        node.putObject("fullDescription").put("text", rule.description());
        String accept = "To accept a finding of this rule, add it to the blueprint's suppress list with a reason "
                + "(suppress: [{ruleId: " + rule.id() + ", subject: SUBJECT, reason: WHY, until: DATE}]), or accept "
                + "all current findings with l2o baseline --report report.json --out FILE and audit with --baseline FILE.";
        ObjectNode help = node.putObject("help");
        help.put("text", rule.description() + "\n\n" + accept);
        help.put("markdown", "**" + rule.title() + "** (`" + rule.id() + "`, dimension *" + rule.dimension().key() + "*)\n\n"
                + rule.description() + "\n\nTo accept a finding of this rule, add it to the blueprint with a reason:\n\n"
                + "```yaml\nsuppress:\n  - ruleId: " + rule.id() + "\n    subject: \"SUBJECT\"\n    reason: \"why it is accepted\"\n"
                + "    until: 2030-01-01\n```\n\nor accept all current findings with `l2o baseline --report report.json --out FILE` "
                + "and audit with `--baseline FILE`.");
        node.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
        ObjectNode properties = node.putObject("properties");
        properties.putArray("tags").add("l2o").add(rule.dimension().key());
        properties.put("dimension", rule.dimension().key());
    }

    private static void invocation(ObjectNode node, AuditReport report) {
        node.put("executionSuccessful", report.complete());
        ArrayNode notifications = node.putArray("toolExecutionNotifications");
        for (String reason : report.incompleteReasons()) {
            notifications.addObject().put("level", "error").putObject("message").put("text", "Incomplete audit: " + reason);
        }
        for (String notice : report.notices()) {
            notifications.addObject().put("level", "warning").putObject("message").put("text", notice);
        }
    }

    private static ObjectNode result(ObjectNode node, AuditReport report, Finding finding, Map<String, Integer> ruleIndex) {
        node.put("ruleId", finding.ruleId());
        node.put("ruleIndex", ruleIndex.get(finding.ruleId()));
        node.put("level", level(finding.severity()));
        String text = finding.message();
        if (finding.expected() != null || finding.actual() != null) {
            text += " Expected: " + orNone(finding.expected()) + ". Actual: " + orNone(finding.actual()) + ".";
        }
        node.putObject("message").put("text", text);
        ArrayNode locations = node.putArray("locations");
        ObjectNode location = locations.addObject();
        Optional<SourcePosition> anchor = report.blueprintPosition(finding);
        boolean inSource = finding.location() != null && finding.location().file() != null;
        if (inSource) {
            physical(location, sourceUri(report, finding.location().file()), Math.max(1, finding.location().line()), 0);
        } else {
            SourcePosition at = anchor.orElse(new SourcePosition(1, 1));
            physical(location, fileUri(report.blueprintFile()), at.line(), anchor.isPresent() ? at.column() : 0);
        }
        location.putArray("logicalLocations").addObject().put("fullyQualifiedName", finding.subject()).put("kind", "resource");
        if (inSource && anchor.isPresent()) {
            ObjectNode related = node.putArray("relatedLocations").addObject();
            related.put("id", 1);
            physical(related, fileUri(report.blueprintFile()), anchor.get().line(), anchor.get().column());
            related.putObject("message").put("text", "declared in the blueprint here");
        }
        node.putObject("partialFingerprints").put("l2oFinding/v1", fingerprint(finding));
        ObjectNode properties = node.putObject("properties");
        properties.put("subject", finding.subject());
        properties.put("dimension", finding.dimension().key());
        properties.put("kind", finding.kind().name().toLowerCase(Locale.ROOT));
        properties.put("count", finding.count());
        if (finding.expected() != null) {
            properties.put("expected", finding.expected());
        }
        if (finding.actual() != null) {
            properties.put("actual", finding.actual());
        }
        if (!finding.evidence().isEmpty()) {
            ArrayNode evidence = properties.putArray("evidence");
            finding.evidence().forEach(evidence::add);
        }
        return node;
    }

    private static void physical(ObjectNode location, String uri, int line, int column) {
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri);
        ObjectNode region = physical.putObject("region").put("startLine", line);
        if (column > 0) {
            region.put("startColumn", column);
        }
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** A file of an SFDX source: under the source folder, so that it is relative to the repository in CI. */
    private static String sourceUri(AuditReport report, String file) {
        if ("sfdx".equals(report.source().type()) && !report.source().location().isBlank()) {
            return fileUri(Path.of(report.source().location()).resolve(file).normalize().toString());
        }
        return fileUri(file);
    }

    /** A relative path as a relative URI reference; an absolute one as a {@code file:} URI. */
    static String fileUri(String file) {
        Path path = Path.of(file);
        if (path.isAbsolute()) {
            return path.normalize().toUri().toString();
        }
        String relative = path.normalize().toString().replace('\\', '/');
        try {
            return new URI(null, null, relative.isEmpty() ? "." : relative, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a file path: " + file, e);
        }
    }

    /** Stable across runs and line moves: the rule and subject that baselines and suppressions match on. */
    private static String fingerprint(Finding finding) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((finding.ruleId() + "\n" + finding.subject()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String pascalCase(String title) {
        StringBuilder out = new StringBuilder();
        for (String word : title.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    private static String orNone(String text) {
        return text == null ? "none" : text;
    }
}
