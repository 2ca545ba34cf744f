package dev.l2o.report;

import dev.l2o.audit.SnapshotFacts;
import dev.l2o.audit.AuditReport;
import dev.l2o.audit.Coverage;
import dev.l2o.audit.FiveAnswers;
import dev.l2o.maturity.DimensionScore;
import dev.l2o.metrics.Conversion;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.metrics.StageStat;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the HTML template shows, computed here so that the template only places text: every figure formatted,
 * every chart coordinate worked out. Values are plain text; the template engine escapes them.
 */
final class HtmlView {
    private HtmlView() {}

    record Page(
            String title,
            String blueprintName,
            String blueprintFile,
            String source,
            String crm,
            String asOf,
            String toolVersion,
            boolean fails,
            String failOn,
            boolean incomplete,
            List<String> incompleteReasons,
            List<String> notices,
            boolean hasNotices,
            Score score,
            Radar radar,
            List<DimensionRow> dimensions,
            List<Tile> tiles,
            List<FindingRow> findings,
            int findingCount,
            List<Filter> severityFilters,
            List<Filter> dimensionFilters,
            StageChart stageChart,
            Funnel funnel,
            List<ConversionRow> conversions,
            List<Tile> facts,
            List<AcceptedRow> accepted,
            boolean hasAccepted,
            CoverageView coverage,
            List<FiveAnswers.Answer> answers,
            boolean hasAnswers,
            String attribution,
            boolean hasLifecycles,
            String lifecyclesDefinition,
            List<LifecycleRow> lifecycles) {}

    /** One designed pipeline of the bowtie section. */
    record LifecycleRow(String title, String stages, String rate, String timeInStage) {}

    record Score(String value, String verdict, boolean revenueMachine, String ring, String ringRest, String colour) {}

    record Radar(String polygon, List<Axis> axes, List<String> rings) {}

    record Axis(String x, String y, String labelX, String labelY, String anchor, String label, String value) {}

    record DimensionRow(String key, String score, String width, String colour, String evidence, List<String> moreEvidence,
            boolean hasMore, int errors, int warnings) {}

    record Tile(String label, String value, String note, String tone) {}

    record FindingRow(String severity, String severityLabel, String dimension, String ruleId, String subject,
            String message, String expected, String actual, boolean hasComparison, String where, String count,
            boolean multiple, String change, boolean hasChange) {}

    record Filter(String value, String label, long count) {}

    record StageChart(boolean measured, String height, String axisY, List<StageBar> bars, List<Tick> ticks, String note) {}

    record StageBar(String label, String y, String centerY, String textY, String tickTop, String tickBottom, String maxTop,
            String maxBottom, String medianWidth, String medianEndX, String p90X, String meanX, boolean hasP90, boolean hasMax,
            String maxX, String colour, String figures, String open) {}

    record Tick(String x, String label) {}

    record Funnel(boolean present, String height, List<FunnelStep> steps) {}

    record FunnelStep(String label, String entered, String x, String width, String y, String textY, String stepRate) {}

    record ConversionRow(String label, boolean measured, String rate, String width, String colour, boolean hasTarget,
            String targetX, String target, boolean hasAverage, String averageX, String average, boolean hasTop, String topX,
            String top, String note, boolean below) {}

    record AcceptedRow(String how, String ruleId, String subject, String reason) {}

    /** Blueprint coverage: a stacked bar per section (live, partly live, absent over 300 units) and the gaps. */
    record CoverageView(boolean present, String overall, String definition, List<CoverageBar> sections, List<CoverageGap> gaps,
            boolean hasGaps) {}

    record CoverageBar(String section, String share, String counts, String liveWidth, String partialX, String partialWidth,
            String absentX, String absentWidth) {}

    record CoverageGap(String status, String tone, String section, String element, String because) {}

    static Page of(AuditReport report, ReportContext context) {
        List<Finding> findings = report.findings();
        return new Page(
                "l2o audit · " + report.blueprintName(),
                report.blueprintName(),
                report.blueprintFile(),
                report.source().type() + ":" + report.source().location(),
                report.crm(),
                report.asOf().toString(),
                report.toolVersion(),
                context.fails(report),
                context.failOnName(),
                !report.complete(),
                report.incompleteReasons(),
                report.notices(),
                !report.notices().isEmpty(),
                score(report),
                radar(report),
                dimensions(report),
                tiles(report),
                findings.stream().map(f -> finding(f, FindingLocations.where(report, f))).toList(),
                findings.size(),
                Arrays.stream(Severity.values()).map(s -> new Filter(s.id(), s.id(), report.count(s))).toList(),
                Arrays.stream(Dimension.values())
                        .map(d -> new Filter(d.key(), d.key(), findings.stream().filter(f -> f.dimension() == d).count()))
                        .filter(f -> f.count() > 0).toList(),
                stageChart(report.metrics()),
                funnel(report.metrics()),
                conversions(report.metrics()),
                facts(report),
                accepted(report),
                !report.baselined().isEmpty() || !report.suppressed().isEmpty(),
                coverage(report.coverage()),
                report.answers().answers(),
                !report.answers().answers().isEmpty(),
                ChangeTexts.summary(report.attribution()),
                LifecycleText.shown(report.lifecycles()),
                LifecycleText.DEFINITION,
                report.lifecycles().entries().stream()
                        .map(e -> new LifecycleRow(LifecycleText.title(e), LifecycleText.stages(e), LifecycleText.rate(e),
                                LifecycleText.timeInStage(e)))
                        .toList());
    }

    private static CoverageView coverage(Coverage coverage) {
        List<CoverageBar> bars = new ArrayList<>();
        for (Coverage.SectionShare section : coverage.sections()) {
            double unit = 300.0 / section.total();
            bars.add(new CoverageBar(section.section().key(), CoverageText.percent(section.share()), CoverageText.counts(section),
                    num(section.live() * unit), num(section.live() * unit), num(section.partial() * unit),
                    num((section.live() + section.partial()) * unit), num(section.absent() * unit)));
        }
        List<CoverageGap> gaps = CoverageText.gaps(coverage).stream()
                .map(gap -> new CoverageGap(CoverageText.status(gap.status()), gap.status() == Coverage.Status.ABSENT ? "error" : "warning",
                        gap.section().key(), gap.name(), String.join(", ", gap.because())))
                .toList();
        return new CoverageView(coverage.overall().isPresent(),
                coverage.overall().isPresent() ? CoverageText.percent(coverage.overall().getAsDouble()) : "–",
                CoverageText.DEFINITION, bars, gaps, !gaps.isEmpty());
    }

    private static Score score(AuditReport report) {
        double overall = report.maturity().overall();
        double circumference = 2 * Math.PI * 52;
        double filled = circumference * overall / 4;
        return new Score(one(overall), report.maturity().revenueMachine() ? "A Revenue Machine" : "A Revenue Machine scores 3.0",
                report.maturity().revenueMachine(), num(filled), num(circumference - filled), scoreColour(overall));
    }

    private static Radar radar(AuditReport report) {
        List<DimensionScore> scores = report.maturity().dimensions();
        double cx = 190;
        double cy = 145;
        double radius = 84;
        StringBuilder polygon = new StringBuilder();
        List<Axis> axes = new ArrayList<>();
        int n = scores.size();
        for (int i = 0; i < n; i++) {
            double angle = Math.toRadians(-90 + 360.0 * i / n);
            double r = radius * scores.get(i).score() / 4;
            polygon.append(num(cx + r * Math.cos(angle))).append(',').append(num(cy + r * Math.sin(angle))).append(' ');
            double lx = cx + (radius + 16) * Math.cos(angle);
            double ly = cy + (radius + 16) * Math.sin(angle) + 4;
            String anchor = Math.abs(Math.cos(angle)) < 0.2 ? "middle" : Math.cos(angle) > 0 ? "start" : "end";
            axes.add(new Axis(num(cx + radius * Math.cos(angle)), num(cy + radius * Math.sin(angle)), num(lx),
                    num(ly + (Math.sin(angle) > 0.5 ? 6 : Math.sin(angle) < -0.5 ? -16 : -6)), anchor,
                    scores.get(i).dimension().key(), one(scores.get(i).score())));
        }
        List<String> rings = new ArrayList<>();
        for (int level = 1; level <= 4; level++) {
            StringBuilder ring = new StringBuilder();
            for (int i = 0; i < n; i++) {
                double angle = Math.toRadians(-90 + 360.0 * i / n);
                double r = radius * level / 4;
                ring.append(num(cx + r * Math.cos(angle))).append(',').append(num(cy + r * Math.sin(angle))).append(' ');
            }
            rings.add(ring.toString().trim());
        }
        return new Radar(polygon.toString().trim(), axes, rings);
    }

    private static List<DimensionRow> dimensions(AuditReport report) {
        List<DimensionRow> rows = new ArrayList<>();
        for (DimensionScore score : report.maturity().dimensions()) {
            List<String> evidence = score.evidence();
            int errors = (int) report.findings().stream().filter(f -> f.dimension() == score.dimension() && f.severity() == Severity.ERROR).count();
            int warnings = (int) report.findings().stream().filter(f -> f.dimension() == score.dimension() && f.severity() == Severity.WARNING).count();
            rows.add(new DimensionRow(score.dimension().key(), one(score.score()), num(score.score() / 4 * 100),
                    scoreColour(score.score()), evidence.isEmpty() ? "" : evidence.get(evidence.size() - 1),
                    evidence.size() > 1 ? evidence.subList(0, evidence.size() - 1) : List.of(), evidence.size() > 1, errors, warnings));
        }
        return rows;
    }

    private static List<Tile> tiles(AuditReport report) {
        StageMetrics metrics = report.metrics();
        List<Tile> tiles = new ArrayList<>();
        tiles.add(new Tile("Errors", Long.toString(report.count(Severity.ERROR)), report.count(Severity.INFO) + " info findings",
                report.count(Severity.ERROR) > 0 ? "bad" : "good"));
        tiles.add(new Tile("Warnings", Long.toString(report.count(Severity.WARNING)),
                report.baselined().size() + report.suppressed().size() + " accepted", report.count(Severity.WARNING) > 0 ? "warn" : "good"));
        tiles.add(new Tile("Win rate", percent(metrics.winRate()), metrics.wonRecords() + " won of " + metrics.closedRecords() + " closed", "neutral"));
        tiles.add(new Tile("Sales cycle", metrics.salesCycleMedianDays() == null ? "–" : one(metrics.salesCycleMedianDays()) + " d", "median, first row to closed", "neutral"));
        tiles.add(new Tile("Deal velocity", metrics.dealVelocityPerDay() == null ? "–" : MetricsSummary.velocityFigure(metrics),
                metrics.dealVelocityGap().orElse("per day"), "neutral"));
        tiles.add(new Tile("Open deals", Long.toString(metrics.openRecords()), metrics.openRecordsStaleOrPastDue() + " stale or past due",
                metrics.openRecordsStaleOrPastDue() > 0 ? "warn" : "neutral"));
        return tiles;
    }

    private static FindingRow finding(Finding f, String where) {
        return new FindingRow(f.severity().id(), f.severity().id(), f.dimension().key(), f.ruleId(), f.subject(), f.message(),
                f.expected() == null ? "none" : f.expected(), f.actual() == null ? "none" : f.actual(),
                f.expected() != null || f.actual() != null, where, Long.toString(f.count()), f.count() > 1,
                f.change() == null ? "" : ChangeTexts.of(f.change()), f.change() != null);
    }

    private static StageChart stageChart(StageMetrics metrics) {
        List<StageStat> shown = metrics.stages().stream().filter(s -> !s.closed() && s.medianDays() != null).toList();
        if (!metrics.measured() || shown.isEmpty()) {
            return new StageChart(false, "0", "0", List.of(), List.of(),
                    metrics.historyAvailable() ? "No completed stays to measure yet." : "Not measured: the source has no stage history.");
        }
        double top = 0;
        for (StageStat s : shown) {
            top = Math.max(top, Math.max(value(s.p90Days()), s.maxDaysInStage() == null ? 0 : s.maxDaysInStage()));
        }
        double step = top <= 20 ? 5 : top <= 50 ? 10 : top <= 120 ? 20 : 50;
        double scaleMax = Math.ceil(top / step) * step;
        double left = 200;
        double width = 560;
        List<StageBar> bars = new ArrayList<>();
        double y = 14;
        for (StageStat s : shown) {
            boolean slow = s.maxDaysInStage() != null && s.medianDays() > s.maxDaysInStage();
            boolean p90Slow = s.maxDaysInStage() != null && value(s.p90Days()) > s.maxDaysInStage();
            String colour = slow ? "var(--bad)" : p90Slow ? "var(--warn)" : "var(--accent)";
            String label = s.mapped() ? s.label() : s.label() + " *";
            String figures = "median " + one(s.medianDays()) + " · p90 " + one(s.p90Days()) + " · mean " + one(s.meanDays());
            double medianWidth = width * s.medianDays() / scaleMax;
            bars.add(new StageBar(label, num(y), num(y + 10), num(y + 14), num(y + 4), num(y + 16), num(y - 4), num(y + 24),
                    num(medianWidth), num(left + medianWidth),
                    num(left + width * value(s.p90Days()) / scaleMax), num(left + width * value(s.meanDays()) / scaleMax),
                    s.p90Days() != null && s.p90Days() > s.medianDays(), s.maxDaysInStage() != null,
                    s.maxDaysInStage() == null ? "0" : num(left + width * s.maxDaysInStage() / scaleMax), colour, figures,
                    (s.maxDaysInStage() == null ? "" : "max " + s.maxDaysInStage() + " · ") + s.openStays() + " open"
                            + (s.openOverBenchmark() > 0 ? ", " + s.openOverBenchmark() + " over max" : "")));
            y += 44;
        }
        List<Tick> ticks = new ArrayList<>();
        for (double t = 0; t <= scaleMax + 1e-9; t += step) {
            ticks.add(new Tick(num(left + width * t / scaleMax), String.format(Locale.ROOT, "%.0f", t)));
        }
        return new StageChart(true, num(y + 26), num(y), bars, ticks, "");
    }

    private static Funnel funnel(StageMetrics metrics) {
        List<StageStat> steps = metrics.stages().stream().filter(s -> s.mapped() && (!s.closed() || s.won()) && s.entered() > 0).toList();
        if (!metrics.measured() || steps.isEmpty()) {
            return new Funnel(false, "0", List.of());
        }
        long first = steps.get(0).entered();
        double width = 340;
        List<FunnelStep> result = new ArrayList<>();
        double y = 0;
        for (int i = 0; i < steps.size(); i++) {
            StageStat s = steps.get(i);
            double w = Math.max(24, width * s.entered() / first);
            String rate = i == 0 ? "" : percent(steps.get(i - 1).entered() == 0 ? null : (double) s.entered() / steps.get(i - 1).entered());
            result.add(new FunnelStep(s.label(), Long.toString(s.entered()), num((width - w) / 2), num(w), num(y), num(y + 20), rate));
            y += 34;
        }
        return new Funnel(true, num(y), result);
    }

    private static List<ConversionRow> conversions(StageMetrics metrics) {
        List<ConversionRow> rows = new ArrayList<>();
        double width = 300;
        for (Conversion c : metrics.conversions()) {
            if (c.target() == null && c.benchmarkAverage() == null) {
                continue;
            }
            boolean measured = c.measured() && c.rate() != null;
            String colour = c.belowTarget() ? "var(--warn)" : "var(--accent)";
            rows.add(new ConversionRow(c.from() + " → " + c.to(), measured, measured ? percent(c.rate()) : "not measured",
                    num(measured ? width * c.rate() : 0), colour,
                    c.target() != null, num(width * value(c.target())), percent(c.target()),
                    c.benchmarkAverage() != null, num(width * value(c.benchmarkAverage())), percent(c.benchmarkAverage()),
                    c.benchmarkTopPerformer() != null, num(width * value(c.benchmarkTopPerformer())), percent(c.benchmarkTopPerformer()),
                    measured ? c.converted() + " of " + c.reached() : c.note() == null ? "" : c.note(), c.belowTarget()));
        }
        return rows;
    }

    private static List<Tile> facts(AuditReport report) {
        SnapshotFacts f = report.facts();
        return List.of(
                new Tile("Pipelines", Integer.toString(f.pipelines()), "incl. lead lifecycles", "neutral"),
                new Tile("Stages", Integer.toString(f.stages()), "over all pipelines", "neutral"),
                new Tile("Fields", Integer.toString(f.fields()), "definitions read", "neutral"),
                new Tile("Automations", Integer.toString(f.automations()), f.activeAutomations() + " active", "neutral"),
                new Tile("Assignment rules", Integer.toString(f.assignmentRules()), f.assignees() + " users and queues", "neutral"),
                new Tile("History rows", String.format(Locale.ROOT, "%,d", f.historyRows()),
                        f.historySource() == null ? "no stage history" : f.historySource(), "neutral"));
    }

    private static List<AcceptedRow> accepted(AuditReport report) {
        List<AcceptedRow> rows = new ArrayList<>();
        report.baselined().forEach(f -> rows.add(new AcceptedRow("baseline", f.ruleId(), f.subject(), "accepted by the baseline file")));
        report.suppressed().forEach(s -> rows.add(new AcceptedRow("suppressed", s.finding().ruleId(), s.finding().subject(),
                s.suppression().reason() + (s.suppression().until() == null ? "" : " (until " + s.suppression().until() + ")"))));
        return rows;
    }

    private static String scoreColour(double score) {
        return score >= 3 ? "var(--good)" : score >= 2 ? "var(--accent)" : score >= 1 ? "var(--warn)" : "var(--bad)";
    }

    private static double value(Double d) {
        return d == null ? 0 : d;
    }

    private static String one(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.0f%%", value * 100);
    }

    /** SVG coordinates: one decimal, never locale-dependent. */
    private static String num(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
