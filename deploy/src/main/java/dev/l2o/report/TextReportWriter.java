package dev.l2o.report;

import dev.l2o.audit.AuditReport;
import dev.l2o.audit.Coverage;
import dev.l2o.audit.FiveAnswers;
import dev.l2o.audit.Lifecycles;
import dev.l2o.maturity.DimensionScore;
import dev.l2o.metrics.Conversion;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.metrics.StageStat;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A terminal summary: headline, maturity, findings grouped by dimension (worst dimension first), time in
 * stage, conversion. Colour (ANSI) only when writing to a terminal.
 */
public final class TextReportWriter implements ReportWriter {
    private static final String RESET = "\u001b[0m";
    private final boolean colour;

    public TextReportWriter(boolean colour) {
        this.colour = colour;
    }

    @Override
    public String format() {
        return "text";
    }

    @Override
    public String defaultFileName() {
        return "report.txt";
    }

    @Override
    public void write(AuditReport report, ReportContext context, OutputStream stream) throws IOException {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        headline(report, context, out);
        answers(report, out);
        maturity(report, out);
        coverage(report.coverage(), out);
        lifecycles(report, out);
        findings(report, out);
        stages("Time in stage", "win rate", report.metrics(), out);
        conversions(report.metrics(), out);
        otherLifecycles(report.lifecycles(), out);
        out.flush();
    }

    /** The time-in-stage and conversion tables alone, then each other lifecycle's time in stage ({@code l2o metrics}). */
    public static void writeMetrics(StageMetrics metrics, Lifecycles lifecycles, PrintWriter out, boolean colour) {
        TextReportWriter writer = new TextReportWriter(colour);
        writer.stages("Time in stage", "win rate", metrics, out);
        writer.conversions(metrics, out);
        writer.otherLifecycles(lifecycles, out);
        out.flush();
    }

    /** The time-in-stage table of each lifecycle other than opportunityLifecycle. */
    private void otherLifecycles(Lifecycles lifecycles, PrintWriter out) {
        for (Lifecycles.Entry entry : lifecycles.entries()) {
            if (!entry.primary()) {
                stages("Time in stage · " + LifecycleText.title(entry), entry.rateName(), entry.metrics(), out);
            }
        }
    }

    private void headline(AuditReport report, ReportContext context, PrintWriter out) {
        out.println(bold("l2o audit · " + report.blueprintName()) + "  (" + report.blueprintFile() + ")");
        out.println("source " + report.source().type() + ":" + report.source().location() + " · " + report.crm()
                + " · as of " + report.asOf());
        SourceFetch.of(report.source()).ifPresent(fetch -> out.println(fetch.sentence()));
        if (!report.complete()) {
            out.println(paint("31;1", "INCOMPLETE") + ": the source could not be read fully, so this audit cannot pass:");
            report.incompleteReasons().forEach(reason -> out.println("  - " + reason));
        }
        out.println(String.format(Locale.ROOT, "%s · %s · %s%s%s",
                paint("31", plural(report.count(Severity.ERROR), "error")),
                paint("33", plural(report.count(Severity.WARNING), "warning")),
                plural(report.count(Severity.INFO), "info finding"),
                report.baselined().isEmpty() ? "" : " · " + report.baselined().size() + " in baseline",
                report.suppressed().isEmpty() ? "" : " · " + report.suppressed().size() + " suppressed"));
        report.notices().forEach(notice -> out.println("note: " + notice));
        out.println(ChangeTexts.summary(report.attribution()));
        out.println(context.fails(report) ? paint("31;1", "FAILS") + " at --fail-on " + context.failOnName()
                : paint("32;1", "PASSES") + " at --fail-on " + context.failOnName());
        out.println();
    }

    /** The five questions, each answered in one paragraph (one line; the terminal wraps it). */
    private void answers(AuditReport report, PrintWriter out) {
        if (report.answers().answers().isEmpty()) {
            return;
        }
        out.println(bold("The five questions"));
        for (FiveAnswers.Answer answer : report.answers().answers()) {
            out.println("  " + bold(answer.question()) + " " + answer.answer());
        }
        out.println();
    }

    private void maturity(AuditReport report, PrintWriter out) {
        out.println(bold(String.format(Locale.ROOT, "Maturity %.1f / 4", report.maturity().overall()))
                + (report.maturity().revenueMachine() ? "  — a Revenue Machine (3.0 and above)" : "  (a Revenue Machine scores 3.0)"));
        for (DimensionScore score : report.maturity().dimensions()) {
            int filled = (int) Math.round(score.score() * 4);
            String bar = "█".repeat(filled) + "░".repeat(16 - filled);
            out.println(String.format(Locale.ROOT, "  %-14s %s %.1f  %s", score.dimension().key(), bar, score.score(),
                    score.evidence().isEmpty() ? "" : score.evidence().get(0)));
        }
        out.println();
    }

    private void coverage(Coverage coverage, PrintWriter out) {
        if (coverage.overall().isEmpty()) {
            return;
        }
        out.println(bold("Blueprint coverage " + CoverageText.percent(coverage.overall().getAsDouble())) + "  of the designed"
                + " elements are live in the CRM");
        for (Coverage.SectionShare section : coverage.sections()) {
            out.println(String.format(Locale.ROOT, "  %-14s %5s  %s", section.section().key(), CoverageText.percent(section.share()),
                    CoverageText.counts(section)));
        }
        CoverageText.gaps(coverage).forEach(gap -> out.println("  " + CoverageText.status(gap.status()) + ": " + CoverageText.gap(gap)));
        out.println();
    }

    private void lifecycles(AuditReport report, PrintWriter out) {
        if (!LifecycleText.shown(report.lifecycles())) {
            return;
        }
        out.println(bold("The whole bowtie") + "  " + LifecycleText.DEFINITION);
        LifecycleText.lines(report.lifecycles()).forEach(line -> out.println("  " + line));
        out.println();
    }

    private void findings(AuditReport report, PrintWriter out) {
        if (report.findings().isEmpty()) {
            out.println(paint("32", "No findings: the CRM enforces the blueprint."));
            out.println();
            return;
        }
        List<Dimension> order = Arrays.stream(Dimension.values())
                .filter(d -> report.findings().stream().anyMatch(f -> f.dimension() == d))
                .sorted(Comparator.comparing((Dimension d) -> worst(report, d)).thenComparing(d -> -count(report, d)))
                .toList();
        for (Dimension dimension : order) {
            out.println(bold(dimension.key().toUpperCase(Locale.ROOT)));
            for (Finding finding : report.findings()) {
                if (finding.dimension() != dimension) {
                    continue;
                }
                out.println("  " + severity(finding.severity()) + " " + finding.ruleId() + "  " + finding.subject());
                String detail = finding.message();
                if (finding.expected() != null || finding.actual() != null) {
                    detail += " (expected " + nullable(finding.expected()) + ", actual " + nullable(finding.actual()) + ")";
                }
                out.println("          " + detail);
                if (finding.location() != null && finding.location().file() != null) {
                    out.println("          at " + finding.location().file()
                            + (finding.location().line() > 0 ? ":" + finding.location().line() : ""));
                }
                if (finding.change() != null) {
                    out.println("          " + ChangeTexts.of(finding.change()));
                }
            }
            out.println();
        }
    }

    private static Severity worst(AuditReport report, Dimension dimension) {
        return report.findings().stream().filter(f -> f.dimension() == dimension).map(Finding::severity)
                .min(Comparator.naturalOrder()).orElse(Severity.INFO);
    }

    private static long count(AuditReport report, Dimension dimension) {
        return report.findings().stream().filter(f -> f.dimension() == dimension).count();
    }

    private void stages(String title, String rateName, StageMetrics metrics, PrintWriter out) {
        if (!metrics.measured()) {
            out.println(title + ": not measured (" + (metrics.historyAvailable() ? "no records in the stage history" : "no stage history") + ").");
            out.println();
            return;
        }
        out.println(bold(title + " (days, completed stays)") + "  " + metrics.records() + " records, "
                + metrics.rows() + " history rows");
        out.println(String.format(Locale.ROOT, "  %-28s %8s %6s %8s %8s %8s %6s", "stage", "entered", "open", "median",
                "p90", "mean", "max"));
        for (StageStat stat : metrics.stages()) {
            String name = stat.mapped() ? stat.stage() : stat.label() + " *";
            String row = String.format(Locale.ROOT, "  %-28s %8d %6d %8s %8s %8s %6s", truncate(name, 28), stat.entered(),
                    stat.openStays(), days(stat.medianDays()), days(stat.p90Days()), days(stat.meanDays()),
                    stat.maxDaysInStage() == null ? "" : stat.maxDaysInStage().toString());
            boolean slow = stat.maxDaysInStage() != null && stat.medianDays() != null && stat.medianDays() > stat.maxDaysInStage();
            out.println(slow ? paint("33", row) : row);
        }
        if (metrics.stages().stream().anyMatch(stat -> !stat.mapped())) {
            out.println("  * not in the blueprint: " + String.join(", ", metrics.stages().stream()
                    .filter(stat -> !stat.mapped()).map(TextReportWriter::crmName).toList()));
        }
        out.println("  " + MetricsSummary.line(rateName, metrics));
        out.println();
    }

    private void conversions(StageMetrics metrics, PrintWriter out) {
        List<Conversion> targeted = metrics.conversions().stream()
                .filter(c -> c.target() != null || c.benchmarkAverage() != null).toList();
        if (targeted.isEmpty()) {
            return;
        }
        out.println(bold("Conversion") + "  measured vs target (benchmark average / top performers)");
        for (Conversion c : targeted) {
            String measured = c.measured() ? percent(c.rate()) : "not measured";
            String row = String.format(Locale.ROOT, "  %-28s %12s  target %s  (benchmark %s / %s)", c.from() + " → " + c.to(),
                    measured, percent(c.target()), percent(c.benchmarkAverage()), percent(c.benchmarkTopPerformer()));
            out.println(c.belowTarget() ? paint("33", row) : row);
        }
        out.println();
    }

    private String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> paint("31;1", "ERROR  ");
            case WARNING -> paint("33", "WARNING");
            case INFO -> paint("36", "INFO   ");
        };
    }

    private String bold(String text) {
        return paint("1", text);
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + RESET : text;
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String nullable(String text) {
        return text == null ? "none" : text;
    }

    /** A CRM stage outside the blueprint as people know it: its label, with its id when that differs. */
    private static String crmName(StageStat stat) {
        return stat.label().equals(stat.stage()) ? stat.label() : stat.label() + " (" + stat.stage() + ")";
    }

    static String days(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String percent(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.0f%%", value * 100);
    }

    private static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
