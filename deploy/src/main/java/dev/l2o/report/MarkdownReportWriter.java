package dev.l2o.report;

import dev.l2o.audit.AuditReport;
import dev.l2o.audit.Coverage;
import dev.l2o.audit.Lifecycles;
import dev.l2o.audit.FiveAnswers;
import dev.l2o.maturity.DimensionScore;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code report.md}: a report that fits a pull-request comment. A verdict line, the five questions answered, a summary table (maturity and
 * findings per dimension), the headline metrics when the history was measured, the findings worst first, and what is accepted (baseline, suppressions, expired
 * suppressions). Always under GitHub's comment limit of 65,536 characters: a longer report is cut between table
 * rows with a note saying so.
 */
public final class MarkdownReportWriter implements ReportWriter {
    private final int limit;

    public MarkdownReportWriter() {
        this(Markdown.GITHUB_COMMENT_LIMIT);
    }

    /** A writer with a smaller size limit (tests). */
    MarkdownReportWriter(int limit) {
        this.limit = limit;
    }

    @Override
    public String format() {
        return "md";
    }

    @Override
    public String defaultFileName() {
        return "report.md";
    }

    @Override
    public void write(AuditReport report, ReportContext context, OutputStream out) throws IOException {
        out.write(render(report, context).getBytes(StandardCharsets.UTF_8));
    }

    String render(AuditReport report, ReportContext context) {
        Markdown.Bounded doc = new Markdown.Bounded(limit);
        doc.add(headline(report, context));
        doc.add(answers(report));
        doc.add(summary(report));
        coverage(report.coverage(), doc);
        lifecycles(report, doc);
        if (report.metrics().measured()) {
            doc.add("Metrics: " + Markdown.cell(MetricsSummary.line(report.metrics())) + "\n\n");
        }
        if (report.findings().isEmpty()) {
            doc.add("### Findings\n\nNo findings: the CRM enforces the blueprint.\n\n");
        } else {
            doc.add("### Findings\n\n");
            doc.table(Markdown.FINDINGS_HEADER, report.findings().stream()
                    .map(f -> Markdown.findingRow(f, FindingLocations.where(report, f))).toList());
            doc.add("\n");
        }
        accepted(report, doc);
        doc.add("<sub>l2o " + report.toolVersion() + " · blueprint " + Markdown.code(report.blueprintFile())
                + " · as of " + report.asOf() + "</sub>\n");
        return doc.finish("The full list is in `report.json` and `report.html`.");
    }

    /** The five questions, each answered in one paragraph; nothing for a report without answers. */
    static String answers(AuditReport report) {
        if (report.answers().answers().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("### The five questions\n\n");
        for (FiveAnswers.Answer answer : report.answers().answers()) {
            text.append("**").append(Markdown.cell(answer.question())).append("** ").append(Markdown.cell(answer.answer())).append("\n\n");
        }
        return text.toString();
    }

    static String headline(AuditReport report, ReportContext context) {
        StringBuilder text = new StringBuilder();
        text.append("## l2o audit · ").append(Markdown.cell(report.blueprintName())).append("\n\n");
        text.append(context.fails(report) ? "❌ **Fails**" : "✅ **Passes**")
                .append(" at `--fail-on ").append(context.failOnName()).append("`: ")
                .append(Markdown.count(report.count(Severity.ERROR), "error")).append(" · ")
                .append(Markdown.count(report.count(Severity.WARNING), "warning")).append(" · ")
                .append(report.count(Severity.INFO)).append(" info")
                .append(" · maturity **").append(Markdown.score(report.maturity().overall())).append(" / 4**")
                .append(report.maturity().revenueMachine() ? " (a Revenue Machine)" : "").append("\n\n");
        text.append("Source ").append(Markdown.code(report.source().type() + ":" + report.source().location()))
                .append(" (").append(report.crm()).append(")")
                .append(SourceFetch.of(report.source()).map(fetch -> ", " + Markdown.cell(fetch.sentence())).orElse(""))
                .append("\n\n");
        text.append(Markdown.cell(ChangeTexts.summary(report.attribution()))).append("\n\n");
        if (!report.complete()) {
            text.append("> [!CAUTION]\n> **Incomplete audit**: the source could not be read fully, so it cannot pass.\n");
            report.incompleteReasons().forEach(reason -> text.append("> - ").append(Markdown.cell(reason)).append('\n'));
            text.append('\n');
        }
        return text.toString();
    }

    private static String summary(AuditReport report) {
        StringBuilder text = new StringBuilder("| Dimension | Maturity | Errors | Warnings | Info |\n|---|---:|---:|---:|---:|\n");
        for (DimensionScore score : report.maturity().dimensions()) {
            Dimension dimension = score.dimension();
            text.append("| ").append(dimension.key()).append(" | ").append(Markdown.score(score.score())).append(" / 4 | ")
                    .append(count(report.findings(), dimension, Severity.ERROR)).append(" | ")
                    .append(count(report.findings(), dimension, Severity.WARNING)).append(" | ")
                    .append(count(report.findings(), dimension, Severity.INFO)).append(" |\n");
        }
        text.append("| **overall** | **").append(Markdown.score(report.maturity().overall())).append(" / 4** | **")
                .append(report.count(Severity.ERROR)).append("** | **").append(report.count(Severity.WARNING)).append("** | **")
                .append(report.count(Severity.INFO)).append("** |\n\n");
        return text.toString();
    }

    private static void lifecycles(AuditReport report, Markdown.Bounded doc) {
        if (!LifecycleText.shown(report.lifecycles())) {
            return;
        }
        StringBuilder text = new StringBuilder("### The whole bowtie\n\n").append(LifecycleText.DEFINITION)
                .append("\n\n| Lifecycle | Stages | Rate | Time in stage |\n|---|---|---|---|\n");
        for (Lifecycles.Entry entry : report.lifecycles().entries()) {
            text.append("| ").append(Markdown.cell(LifecycleText.title(entry))).append(" | ")
                    .append(Markdown.cell(LifecycleText.stages(entry))).append(" | ")
                    .append(Markdown.cell(LifecycleText.rate(entry))).append(" | ")
                    .append(Markdown.cell(LifecycleText.timeInStage(entry))).append(" |\n");
        }
        doc.add(text.append('\n').toString());
    }

    private static void coverage(Coverage coverage, Markdown.Bounded doc) {
        if (coverage.overall().isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("### Blueprint coverage: ")
                .append(CoverageText.percent(coverage.overall().getAsDouble())).append(" live\n\n")
                .append(CoverageText.DEFINITION).append("\n\n| Section | Coverage | Live | Partly live | Absent |\n|---|---:|---:|---:|---:|\n");
        for (Coverage.SectionShare section : coverage.sections()) {
            text.append("| ").append(section.section().key()).append(" | ").append(CoverageText.percent(section.share()))
                    .append(" | ").append(section.live()).append(" | ").append(section.partial()).append(" | ")
                    .append(section.absent()).append(" |\n");
        }
        text.append('\n');
        for (Coverage.Element gap : CoverageText.gaps(coverage)) {
            text.append("- ").append(CoverageText.status(gap.status())).append(": ").append(Markdown.cell(CoverageText.gap(gap)))
                    .append('\n');
        }
        doc.add(text.append(coverage.gaps().isEmpty() ? "" : "\n").toString());
    }

    private static long count(List<Finding> findings, Dimension dimension, Severity severity) {
        return findings.stream().filter(f -> f.dimension() == dimension && f.severity() == severity).count();
    }

    private static void accepted(AuditReport report, Markdown.Bounded doc) {
        if (report.baselined().isEmpty() && report.suppressed().isEmpty() && report.notices().isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("### Accepted findings\n\n");
        if (!report.baselined().isEmpty()) {
            text.append("- ").append(Markdown.count(report.baselined().size(), "finding"))
                    .append(" in the baseline: reported in `report.json`, they do not fail the run.\n");
        }
        if (!report.suppressed().isEmpty()) {
            text.append("- ").append(report.suppressed().size()).append(" suppressed by the blueprint:\n");
            report.suppressed().forEach(s -> text.append("  - ").append(Markdown.code(s.finding().ruleId())).append(' ')
                    .append(Markdown.code(s.finding().subject())).append(": ").append(Markdown.cell(s.suppression().reason()))
                    .append(s.suppression().until() == null ? "" : " (until " + s.suppression().until() + ")").append('\n'));
        }
        report.notices().forEach(notice -> text.append("- ⚠️ ").append(Markdown.cell(notice)).append('\n'));
        doc.add(text.append('\n').toString());
    }
}
