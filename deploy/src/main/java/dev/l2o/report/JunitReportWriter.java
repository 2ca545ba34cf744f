package dev.l2o.report;

import dev.l2o.audit.AuditReport;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.Finding;
import dev.l2o.rules.SuppressedFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: JUnit XML for CI test views. One test suite per maturity dimension; in it one test case
 * per rule per subject ({@code classname} the rule, {@code name} the subject), failed when a finding at or above
 * {@code --fail-on} exists for it, passed with the finding as output when it is below, skipped when the baseline
 * or a suppression accepts it. A rule without findings is one passed case, so the view shows what was checked.
 * An incomplete audit adds a suite {@code source} with an error: it never passes.
 */
public final class JunitReportWriter implements ReportWriter {
    /** The JDK's own writer, whatever else is on the class path, so that equal reports stay byte-identical. */
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

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
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            render(report, context, xml);
            xml.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write junit.xml: " + e.getMessage(), e);
        }
    }

    private record Case(String rule, String subject, List<Finding> findings, String skipped) {}

    private record Totals(int tests, int failures, int errors, int skipped) {}

    private static Map<Dimension, List<Case>> suites(AuditReport report) {
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
        return suites;
    }

    private static void render(AuditReport report, ReportContext context, XMLStreamWriter xml) throws XMLStreamException {
        Map<Dimension, List<Case>> suites = suites(report);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        Totals totals = totals(suites, report, context);
        xml.writeStartElement("testsuites");
        attribute(xml, "name", "l2o audit · " + report.blueprintName());
        counts(xml, totals);
        xml.writeAttribute("time", "0");
        for (Map.Entry<Dimension, List<Case>> suite : suites.entrySet()) {
            List<Case> cases = suite.getValue();
            if (cases.isEmpty()) {
                continue;
            }
            int failures = (int) cases.stream().filter(c -> fails(c, context)).count();
            int skipped = (int) cases.stream().filter(c -> c.skipped() != null).count();
            startSuite(xml, suite.getKey().key(), new Totals(cases.size(), failures, 0, skipped), report);
            for (Case c : cases) {
                testCase(xml, c, context);
            }
            endElement(xml, 1);
        }
        if (!report.complete()) {
            startSuite(xml, "source", new Totals(1, 0, 1, 0), report);
            indent(xml, 2);
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "l2o.source");
            attribute(xml, "name", report.source().type() + ":" + report.source().location() + " was read fully");
            xml.writeAttribute("time", "0");
            indent(xml, 3);
            xml.writeStartElement("error");
            xml.writeAttribute("type", "incomplete");
            xml.writeAttribute("message", "the source could not be read fully, so the audit cannot pass");
            text(xml, String.join("\n", report.incompleteReasons()));
            xml.writeEndElement();
            endElement(xml, 2);
            endElement(xml, 1);
        }
        endElement(xml, 0);
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private static Totals totals(Map<Dimension, List<Case>> suites, AuditReport report, ReportContext context) {
        List<Case> cases = suites.values().stream().flatMap(List::stream).toList();
        int incomplete = report.complete() ? 0 : 1;
        return new Totals(cases.size() + incomplete, (int) cases.stream().filter(c -> fails(c, context)).count(), incomplete,
                (int) cases.stream().filter(c -> c.skipped() != null).count());
    }

    private static void startSuite(XMLStreamWriter xml, String name, Totals totals, AuditReport report) throws XMLStreamException {
        indent(xml, 1);
        xml.writeStartElement("testsuite");
        attribute(xml, "name", name);
        counts(xml, totals);
        xml.writeAttribute("time", "0");
        xml.writeAttribute("timestamp", timestamp(report));
    }

    private static void counts(XMLStreamWriter xml, Totals totals) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(totals.tests()));
        xml.writeAttribute("failures", Integer.toString(totals.failures()));
        xml.writeAttribute("errors", Integer.toString(totals.errors()));
        xml.writeAttribute("skipped", Integer.toString(totals.skipped()));
    }

    /** Closes the element, its end tag on its own line at {@code depth}. */
    private static void endElement(XMLStreamWriter xml, int depth) throws XMLStreamException {
        indent(xml, depth);
        xml.writeEndElement();
    }

    private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static boolean fails(Case c, ReportContext context) {
        return c.skipped() == null && c.findings().stream().anyMatch(context::fails);
    }

    private static void testCase(XMLStreamWriter xml, Case c, ReportContext context) throws XMLStreamException {
        indent(xml, 2);
        if (c.findings().isEmpty()) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        attribute(xml, "classname", c.rule());
        attribute(xml, "name", c.subject());
        xml.writeAttribute("time", "0");
        if (c.findings().isEmpty()) {
            return;
        }
        String details = details(c.findings());
        indent(xml, 3);
        if (c.skipped() != null) {
            xml.writeEmptyElement("skipped");
            attribute(xml, "message", c.skipped());
            indent(xml, 3);
            xml.writeStartElement("system-out");
        } else if (fails(c, context)) {
            Finding worst = c.findings().get(0);
            xml.writeStartElement("failure");
            xml.writeAttribute("type", worst.severity().id());
            attribute(xml, "message", worst.message());
        } else {
            xml.writeStartElement("system-out");
        }
        text(xml, details);
        xml.writeEndElement();
        endElement(xml, 2);
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

    /**
     * An attribute value as XML 1.0 allows it. A line break in an attribute reads back as a space (attribute-value
     * normalisation), so it is written as one and each element stays on its line.
     */
    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, xmlCharacters(value).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' '));
    }

    private static void text(XMLStreamWriter xml, String value) throws XMLStreamException {
        xml.writeCharacters(xmlCharacters(value));
    }

    /** The writer escapes markup but passes on characters XML 1.0 forbids (control characters); they become U+FFFD. */
    static String xmlCharacters(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            out.appendCodePoint(allowed ? c : '\uFFFD');
        });
        return out.toString();
    }
}
