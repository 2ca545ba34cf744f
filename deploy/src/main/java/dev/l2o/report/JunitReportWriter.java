package dev.l2o.report;

import dev.l2o.audit.AuditReport;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.Finding;
import dev.l2o.rules.SuppressedFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code junit.xml}: JUnit XML for CI test views. One test suite per maturity dimension; in it one test case
 * per rule per subject ({@code classname} the rule, {@code name} the subject), failed when a finding at or above
 * {@code --fail-on} exists for it, passed with the finding as output when it is below, skipped when the baseline
 * or a suppression accepts it. A rule without findings is one passed case, so the view shows what was checked.
 * An incomplete audit adds a suite {@code source} with an error: it never passes.
 */
public final class JunitReportWriter implements ReportWriter {
    @Override
    public String format() {
        return "junit";
    }

    @Override
    public String defaultFileName() {
        return "junit.xml";
    }

    @Override
    public void write(AuditReport report, ReportContext context, OutputStream out) throws IOException {
        out.write(render(report, context).getBytes(StandardCharsets.UTF_8));
    }

    private record Case(String rule, String subject, List<Finding> findings, String skipped) {}

    String render(AuditReport report, ReportContext context) {
        Map<Dimension, List<Case>> suites = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            suites.put(dimension, new ArrayList<>());
        }
        Map<String, Map<String, List<Finding>>> counted = group(report.findings());
        Map<String, Map<String, List<Finding>>> baselined = group(report.baselined());
        Map<String, Map<String, List<Finding>>> suppressed = group(report.suppressed().stream().map(SuppressedFinding::finding).toList());
        Map<String, Dimension> dimensions = new TreeMap<>();
        report.rules().forEach(rule -> dimensions.put(rule.id(), rule.dimension()));
        report.findings().forEach(f -> dimensions.putIfAbsent(f.ruleId(), f.dimension()));
        report.baselined().forEach(f -> dimensions.putIfAbsent(f.ruleId(), f.dimension()));
        report.suppressed().forEach(s -> dimensions.putIfAbsent(s.finding().ruleId(), s.finding().dimension()));
        for (Map.Entry<String, Dimension> rule : dimensions.entrySet()) {
            String id = rule.getKey();
            List<Case> cases = suites.get(rule.getValue());
            int before = cases.size();
            counted.getOrDefault(id, Map.of()).forEach((subject, findings) -> cases.add(new Case(id, subject, findings, null)));
            baselined.getOrDefault(id, Map.of()).forEach((subject, findings) ->
                    cases.add(new Case(id, subject, findings, "accepted by the baseline")));
            suppressed.getOrDefault(id, Map.of()).forEach((subject, findings) -> cases.add(new Case(id, subject, findings,
                    "suppressed by the blueprint: " + reason(report, id, subject))));
            if (cases.size() == before) {
                cases.add(new Case(id, "(no findings)", List.of(), null));
            }
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        StringBuilder body = new StringBuilder();
        for (Map.Entry<Dimension, List<Case>> suite : suites.entrySet()) {
            List<Case> cases = suite.getValue();
            if (cases.isEmpty()) {
                continue;
            }
            int suiteFailures = (int) cases.stream().filter(c -> fails(c, context)).count();
            int suiteSkipped = (int) cases.stream().filter(c -> c.skipped() != null).count();
            tests += cases.size();
            failures += suiteFailures;
            skipped += suiteSkipped;
            body.append("  <testsuite name=\"").append(attribute(suite.getKey().key())).append("\" tests=\"").append(cases.size())
                    .append("\" failures=\"").append(suiteFailures).append("\" errors=\"0\" skipped=\"").append(suiteSkipped)
                    .append("\" time=\"0\" timestamp=\"").append(timestamp(report)).append("\">\n");
            for (Case c : cases) {
                testCase(body, c, context);
            }
            body.append("  </testsuite>\n");
        }
        int errors = 0;
        if (!report.complete()) {
            errors = 1;
            tests += 1;
            body.append("  <testsuite name=\"source\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0\" timestamp=\"")
                    .append(timestamp(report)).append("\">\n")
                    .append("    <testcase classname=\"l2o.source\" name=\"").append(attribute(report.source().type() + ":"
                            + report.source().location())).append(" was read fully\" time=\"0\">\n")
                    .append("      <error type=\"incomplete\" message=\"the source could not be read fully, so the audit cannot pass\">")
                    .append(text(String.join("\n", report.incompleteReasons()))).append("</error>\n")
                    .append("    </testcase>\n  </testsuite>\n");
        }
        xml.append("<testsuites name=\"").append(attribute("l2o audit · " + report.blueprintName())).append("\" tests=\"")
                .append(tests).append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
                .append("\" skipped=\"").append(skipped).append("\" time=\"0\">\n");
        xml.append(body).append("</testsuites>\n");
        return xml.toString();
    }

    private static boolean fails(Case c, ReportContext context) {
        return c.skipped() == null && c.findings().stream().anyMatch(context::fails);
    }

    private static void testCase(StringBuilder xml, Case c, ReportContext context) {
        xml.append("    <testcase classname=\"").append(attribute(c.rule())).append("\" name=\"").append(attribute(c.subject()))
                .append("\" time=\"0\"");
        if (c.findings().isEmpty()) {
            xml.append("/>\n");
            return;
        }
        xml.append(">\n");
        String details = details(c.findings());
        if (c.skipped() != null) {
            xml.append("      <skipped message=\"").append(attribute(c.skipped())).append("\"/>\n");
            xml.append("      <system-out>").append(text(details)).append("</system-out>\n");
        } else if (fails(c, context)) {
            Finding worst = c.findings().get(0);
            xml.append("      <failure type=\"").append(attribute(worst.severity().id())).append("\" message=\"")
                    .append(attribute(worst.message())).append("\">").append(text(details)).append("</failure>\n");
        } else {
            xml.append("      <system-out>").append(text(details)).append("</system-out>\n");
        }
        xml.append("    </testcase>\n");
    }

    private static String details(List<Finding> findings) {
        StringBuilder text = new StringBuilder();
        for (Finding f : findings) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(f.severity().id()).append(' ').append(f.ruleId()).append(": ").append(f.message());
            if (f.expected() != null || f.actual() != null) {
                text.append("\n  expected: ").append(f.expected() == null ? "none" : f.expected())
                        .append("\n  actual: ").append(f.actual() == null ? "none" : f.actual());
            }
            if (f.location() != null && f.location().file() != null) {
                text.append("\n  at ").append(f.location().file()).append(f.location().line() > 0 ? ":" + f.location().line() : "");
            }
        }
        return text.toString();
    }

    /** Findings by rule id, then subject (both sorted); findings keep their report order. */
    private static Map<String, Map<String, List<Finding>>> group(List<Finding> findings) {
        Map<String, Map<String, List<Finding>>> byRule = new TreeMap<>();
        for (Finding f : findings) {
            byRule.computeIfAbsent(f.ruleId(), id -> new TreeMap<>()).computeIfAbsent(f.subject(), s -> new ArrayList<>()).add(f);
        }
        return byRule;
    }

    private static String reason(AuditReport report, String ruleId, String subject) {
        return report.suppressed().stream()
                .filter(s -> s.finding().ruleId().equals(ruleId) && s.finding().subject().equals(subject))
                .map(s -> s.suppression().reason()).findFirst().orElse("");
    }

    private static String timestamp(AuditReport report) {
        // JUnit's timestamp is an ISO date-time without zone; the as-of time keeps the file reproducible.
        return report.asOf().toString().replace("Z", "");
    }

    static String attribute(String value) {
        return text(value).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
                    out.appendCodePoint(allowed ? c : '\uFFFD');
                }
            }
        });
        return out.toString();
    }
}
