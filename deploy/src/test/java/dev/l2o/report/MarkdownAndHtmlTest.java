package dev.l2o.report;

import dev.l2o.audit.AuditReport;
import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.model.ResourceRef;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Severity;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class MarkdownAndHtmlTest {
    @Test
    void aLongReportIsCutBetweenRowsUnderTheCommentLimitWithANote() {
        // given
        AuditReport report = withFindings(Northwind.report(), 2_000);

        // when
        String markdown = new MarkdownReportWriter().render(report, ReportContext.DEFAULT);

        // then
        assertThat(markdown.length()).isLessThanOrEqualTo(Markdown.GITHUB_COMMENT_LIMIT);
        assertThat(markdown).contains("**Truncated**: this comment stops here to stay under GitHub's limit of 65,536 characters")
                .containsPattern("; \\d+ more rows not shown\\.");
        String beforeNote = markdown.substring(0, markdown.indexOf("> [!WARNING]"));
        assertThat(beforeNote.strip()).endsWith("|");
    }

    @Test
    void aShortReportHasNoTruncationNote() {
        // given
        AuditReport report = Northwind.report();

        // when
        String markdown = new MarkdownReportWriter().render(report, ReportContext.DEFAULT);

        // then
        assertThat(markdown).doesNotContain("Truncated").contains("| **overall** | **1.7 / 4** | **3** | **23** | **0** |");
    }

    @Test
    void markupInFindingsIsEscapedInMarkdownAndHtml() {
        // given
        Finding hostile = finding("<script>alert(1)</script> | `tick` **bold**");
        AuditReport report = withExtra(Northwind.report(), hostile);

        // when
        String markdown = new MarkdownReportWriter().render(report, ReportContext.DEFAULT);
        String html = Northwind.render(new HtmlReportWriter(), report, ReportContext.DEFAULT);

        // then
        assertThat(markdown).contains("\\<script\\>alert(1)\\</script\\> \\| \\`tick\\` \\*\\*bold\\*\\*");
        assertThat(html).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void theHtmlReportLoadsNothingFromTheNetwork() {
        // given
        AuditReport report = Northwind.report();

        // when
        String html = Northwind.render(new HtmlReportWriter(), report, ReportContext.DEFAULT);

        // then
        assertThat(html).doesNotContainPattern("(?i)<(script|img|link|iframe)[^>]+(src|href)=")
                .doesNotContainPattern("(?i)url\\(\\s*['\"]?(https?:)?//")
                .doesNotContain("@import");
    }

    @Test
    void theVerdictFollowsTheFailOnThreshold() {
        // given
        AuditReport report = Northwind.report();

        // when
        String atError = new MarkdownReportWriter().render(report, ReportContext.DEFAULT);
        String never = new MarkdownReportWriter().render(report, new ReportContext(null));

        // then
        assertThat(atError).contains("❌ **Fails** at `--fail-on error`");
        assertThat(never).contains("✅ **Passes** at `--fail-on never`");
    }

    @Test
    void junitFailsOnlyTheCasesAtOrAboveTheThreshold() {
        // given
        AuditReport report = Northwind.report();

        // when
        String atError = Northwind.render(new JunitReportWriter(), report, ReportContext.DEFAULT);
        String atWarning = Northwind.render(new JunitReportWriter(), report, new ReportContext(Severity.WARNING));

        // then
        assertThat(atError).contains("<testsuites name=\"l2o audit · northwind-new-business\" tests=\"38\" failures=\"3\"");
        assertThat(atWarning).contains("failures=\"26\"");
    }

    @Test
    void junitEscapesMarkupAndQuotesAndReplacesCharactersXmlForbids() throws Exception {
        // given
        String message = "Field <X__c> & \"Y\" is\u0001 wrong\nnext line";
        AuditReport report = withExtra(Northwind.report(), new Finding("L2O-FIELD-MISSING", Severity.ERROR, Dimension.STRATEGY,
                DriftKind.MISSING, "salesforce:Opportunity.\"Odd\" & <name>", null, message, "X__c", null, 1, List.of(), null));

        // when
        String xml = Northwind.render(new JunitReportWriter(), report, ReportContext.DEFAULT);

        // then
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        NodeList cases = document.getElementsByTagName("testcase");
        Element odd = null;
        for (int i = 0; i < cases.getLength(); i++) {
            Element candidate = (Element) cases.item(i);
            if (candidate.getAttribute("name").startsWith("salesforce:Opportunity.\"Odd\"")) {
                odd = candidate;
            }
        }
        assertThat(odd).isNotNull();
        assertThat(odd.getAttribute("name")).isEqualTo("salesforce:Opportunity.\"Odd\" & <name>");
        Element failure = (Element) odd.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("Field <X__c> & \"Y\" is\uFFFD wrong next line");
        assertThat(failure.getTextContent()).contains("Field <X__c> & \"Y\" is\uFFFD wrong\nnext line");
        assertThat(xml).doesNotContain("\u0001").contains("message=\"Field &lt;X__c&gt; &amp; &quot;Y&quot; is\uFFFD wrong next line\"");
    }

    @Test
    void junitOfAnIncompleteAuditEndsWithAnErroredSourceSuite() {
        // given
        AuditReport r = Northwind.report();
        AuditReport report = new AuditReport(r.schemaVersion(), r.toolVersion(), r.blueprintName(), r.blueprintFile(), r.source(),
                r.crm(), r.asOf(), false, List.of("flows: 403 <forbidden>", "history & records: timed out"), r.findings(),
                r.baselined(), r.suppressed(), r.notices(), r.metrics(), r.maturity(), r.facts(), r.rules());

        // when
        String xml = Northwind.normalise(Northwind.render(new JunitReportWriter(), report, ReportContext.DEFAULT), report);

        // then
        assertThat(xml).contains("<testsuites name=\"l2o audit · northwind-new-business\" tests=\"39\" failures=\"3\" errors=\"1\"")
                .endsWith("""
                          <testsuite name="source" tests="1" failures="0" errors="1" skipped="0" time="0" timestamp="2026-11-01T00:00:00">
                            <testcase classname="l2o.source" name="sfdx:/EXAMPLE was read fully" time="0">
                              <error type="incomplete" message="the source could not be read fully, so the audit cannot pass">flows: 403 &lt;forbidden&gt;
                        history &amp; records: timed out</error>
                            </testcase>
                          </testsuite>
                        </testsuites>
                        """);
    }

    private static Finding finding(String message) {
        return new Finding("L2O-FIELD-TYPE", Severity.WARNING, Dimension.STRATEGY, DriftKind.MISMATCH, "salesforce:Opportunity.X__c",
                ResourceRef.of("salesforce", "Opportunity.X__c"), message, "Text", "Number", 1, List.of(), null);
    }

    private static AuditReport withFindings(AuditReport report, int count) {
        List<Finding> findings = new ArrayList<>(report.findings());
        for (int i = 0; i < count; i++) {
            findings.add(new Finding("L2O-FIELD-MISSING", Severity.ERROR, Dimension.STRATEGY, DriftKind.MISSING,
                    "salesforce:Opportunity.Field_" + i + "__c", null, "Field Opportunity.Field_" + i + "__c does not exist in the CRM.",
                    "Field_" + i + "__c", null, 1, List.of(), null));
        }
        return copy(report, findings);
    }

    private static AuditReport withExtra(AuditReport report, Finding extra) {
        List<Finding> findings = new ArrayList<>(report.findings());
        findings.add(extra);
        return copy(report, findings);
    }

    private static AuditReport copy(AuditReport r, List<Finding> findings) {
        return new AuditReport(r.schemaVersion(), r.toolVersion(), r.blueprintName(), r.blueprintFile(), r.source(), r.crm(), r.asOf(),
                r.complete(), r.incompleteReasons(), findings, r.baselined(), r.suppressed(), r.notices(), r.metrics(), r.maturity(),
                r.facts(), r.rules());
    }
}
