package dev.l2o.schedule;

import dev.l2o.rules.Severity;
import dev.l2o.store.CoverageShares;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The trend tables of {@code l2o history --audit NAME}: findings by severity, maturity per dimension, coverage per
 * section over the runs that audited the CRM (oldest left), and the findings each run saw appear, come back or
 * disappear.
 */
final class TrendTables {
    private TrendTables() {}

    static List<HistoryReport.Table> of(AuditTrend trend) {
        String over = " of " + trend.audit() + " over the last " + trend.runs().size() + " audited runs";
        List<List<String>> severities = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            severities.add(row(severity.id(), trend, run -> Long.toString(run.findings().stream()
                    .filter(finding -> finding.severity() == severity).count())));
        }
        List<List<String>> maturity = new ArrayList<>();
        maturity.add(row("overall", trend, run -> HistoryQuery.number(run.maturity().overall())));
        for (String dimension : trend.dimensions()) {
            maturity.add(row(dimension, trend, run -> score(run.maturity().dimensions().get(dimension))));
        }
        List<List<String>> coverage = new ArrayList<>();
        if (trend.runs().stream().anyMatch(run -> run.coverage().isPresent())) {
            coverage.add(row("overall", trend, run -> run.coverage().map(c -> TrendPage.percent(c.overall())).orElse("-")));
            for (String section : trend.coverageSections()) {
                coverage.add(row(section, trend, run -> run.coverage().map(CoverageShares::sections)
                        .map(sections -> sections.get(section)).map(TrendPage::percent).orElse("-")));
            }
        }
        List<List<String>> changes = new ArrayList<>();
        for (AuditTrend.Run run : trend.runs()) {
            for (AuditTrend.MarkedFinding change : run.changes()) {
                changes.add(List.of(ReportFolders.stamp(run.fireTime()), change.mark().label(), change.finding().severity().id(),
                        change.finding().ruleId(), change.finding().subject()));
            }
        }
        return List.of(
                new HistoryReport.Table("Findings by severity" + over, columns("severity", trend),
                        trend.runs().isEmpty() ? List.of() : severities, "no audited runs yet"),
                new HistoryReport.Table("Maturity (0-4)" + over, columns("dimension", trend),
                        trend.runs().isEmpty() ? List.of() : maturity, "no audited runs yet"),
                new HistoryReport.Table("Blueprint coverage" + over, columns("section", trend), coverage,
                        "no coverage recorded yet"),
                new HistoryReport.Table("Findings that appeared, came back or disappeared" + over,
                        List.of("run", "change", "severity", "rule", "subject"), changes, "no changes between the runs"));
    }

    private static List<String> row(String first, AuditTrend trend, Function<AuditTrend.Run, String> cell) {
        List<String> row = new ArrayList<>();
        row.add(first);
        trend.runs().forEach(run -> row.add(cell.apply(run)));
        return row;
    }

    private static List<String> columns(String first, AuditTrend trend) {
        List<String> columns = new ArrayList<>();
        columns.add(first);
        trend.runs().forEach(run -> columns.add(ReportFolders.stamp(run.fireTime())));
        return columns;
    }

    private static String score(Double value) {
        return value == null ? "-" : HistoryQuery.number(value);
    }
}
