package dev.l2o.schedule;

import static java.util.Objects.requireNonNull;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.store.FindingSummary;
import dev.l2o.store.MaturityScores;
import dev.l2o.store.RunHistoryStore;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import dev.l2o.store.StageMedian;
import dev.l2o.store.StoreDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code l2o history}: past runs and trends from the run history of a schedule file's store. Returns
 * {@link HistoryReport}s and prints nothing.
 */
public final class HistoryQuery implements AutoCloseable {
    /** Runs shown by default. */
    public static final int DEFAULT_RUNS = 20;
    /** Runs a trend covers by default. */
    public static final int DEFAULT_TREND_RUNS = 10;

    private final RunHistoryStore store;
    private final List<String> configuredAudits;
    private final Optional<StoreDatabase> database;

    private HistoryQuery(RunHistoryStore store, List<String> configuredAudits, Optional<StoreDatabase> database) {
        this.store = requireNonNull(store, "store is null");
        this.configuredAudits = List.copyOf(configuredAudits);
        this.database = database;
    }

    /**
     * Opens the store of a schedule file for reading (the embedded store can be read while {@code l2o serve}
     * holds it). Close the query to release it.
     *
     * @param environment where the store's credentials are read
     */
    public static HistoryQuery open(ScheduleConfig config, Map<String, String> environment) {
        StoreDatabase database = StoreDatabase.open(config.store(), config.dataDir(), environment, 2);
        return new HistoryQuery(new RunHistoryStore(database.dataSource()),
                config.audits().stream().map(ScheduledAudit::name).toList(), Optional.of(database));
    }

    /** A query over an open store (the caller keeps ownership of it). */
    public static HistoryQuery over(RunHistoryStore store, List<String> configuredAudits) {
        return new HistoryQuery(store, configuredAudits, Optional.empty());
    }

    /**
     * What {@code l2o history} prints: with an audit, its recent runs and its trends over the last
     * {@code trendRuns} runs; without, the recent runs of every audit.
     *
     * @throws L2oException BAD_ARGUMENT when the audit is neither in the schedule file nor in the store
     */
    public HistoryReport report(Optional<String> auditName, int runs, int trendRuns) {
        if (auditName.isEmpty()) {
            return new HistoryReport(List.of(runsTable(Optional.empty(), runs)));
        }
        String name = auditName.get();
        checkKnown(name);
        List<RunRecord> trend = reversed(store.runs(auditName, trendRuns).stream()
                .filter(run -> run.outcome().isPresent())
                .toList());
        List<HistoryReport.Table> tables = new ArrayList<>(List.of(runsTable(auditName, runs), findingsTrend(name, trend),
                stageTrend(name, trend)));
        tables.addAll(TrendTables.of(trend(name, trendRuns)));
        return new HistoryReport(tables);
    }

    /**
     * The trends of {@code auditName}, or of every audit (configured or in the store, sorted), over each one's last
     * {@code trendRuns} runs: what {@code l2o history --format json|html} writes.
     *
     * @throws L2oException BAD_ARGUMENT when the audit is neither in the schedule file nor in the store
     */
    public List<AuditTrend> trends(Optional<String> auditName, int trendRuns) {
        if (auditName.isPresent()) {
            checkKnown(auditName.get());
            return List.of(trend(auditName.get(), trendRuns));
        }
        Set<String> names = new TreeSet<>(configuredAudits);
        names.addAll(store.auditNames());
        return names.stream().map(name -> trend(name, trendRuns)).toList();
    }

    /** {@code l2o history --format json}: {@link #trends} as JSON for dashboards (README, Run history). */
    public String trendsJson(Optional<String> auditName, int trendRuns) {
        return TrendJson.of(trends(auditName, trendRuns));
    }

    /** {@code l2o history --format html}: {@link #trends} as a self-contained page of SVG charts. */
    public String trendsHtml(Optional<String> auditName, int trendRuns) {
        return TrendPage.html("l2o history" + auditName.map(name -> " · " + name).orElse(""), trends(auditName, trendRuns));
    }

    /**
     * The trend of one audit over its last {@code trendRuns} runs that audited the CRM (they have a maturity
     * score; failed and interrupted runs do not), oldest first.
     */
    AuditTrend trend(String auditName, int trendRuns) {
        List<AuditTrend.Recorded> recorded = new ArrayList<>();
        for (RunRecord run : reversed(store.runs(Optional.of(auditName), trendRuns))) {
            Optional<MaturityScores> maturity = run.outcome().isPresent() ? store.maturity(run.runId()) : Optional.empty();
            if (maturity.isPresent()) {
                recorded.add(new AuditTrend.Recorded(run.fireTime(), run.outcome().get(), store.findings(run.runId()),
                        maturity.get(), store.coverage(run.runId()), store.stageMedians(run.runId())));
            }
        }
        return AuditTrend.of(auditName, recorded);
    }

    private void checkKnown(String name) {
        if (!configuredAudits.contains(name) && !store.auditNames().contains(name)) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "--audit " + name + ": no such audit; audits: "
                    + String.join(", ", new TreeSet<>(configuredAudits)));
        }
    }

    /** Recent runs, newest first. */
    HistoryReport.Table runsTable(Optional<String> auditName, int limit) {
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord run : store.runs(auditName, limit)) {
            List<String> row = new ArrayList<>();
            if (auditName.isEmpty()) {
                row.add(run.auditName());
            }
            row.add(time(run.fireTime()));
            row.add(run.outcome().map(RunOutcome::id).orElse("running"));
            row.add(run.duration().map(HistoryQuery::duration).orElse("-"));
            row.add(Integer.toString(run.errors()));
            row.add(Integer.toString(run.warnings()));
            row.add(Integer.toString(run.infos()));
            row.add(run.maturityOverall().isPresent() ? number(run.maturityOverall().getAsDouble()) : "-");
            row.add(run.attempt() > 1 ? run.nodeId() + " (attempt " + run.attempt() + ")" : run.nodeId());
            row.add(run.detail().orElse(""));
            rows.add(row);
        }
        List<String> columns = new ArrayList<>();
        if (auditName.isEmpty()) {
            columns.add("audit");
        }
        columns.addAll(List.of("fire time", "outcome", "duration", "errors", "warnings", "info", "maturity", "node", "detail"));
        return new HistoryReport.Table(auditName.map(name -> "Runs of " + name).orElse("Runs"), columns, rows, "no runs yet");
    }

    /** Findings per rule across runs, oldest run left; the last row is the total. */
    HistoryReport.Table findingsTrend(String auditName, List<RunRecord> runs) {
        Map<String, Map<Long, Integer>> byRule = new TreeMap<>();
        for (RunRecord run : runs) {
            for (FindingSummary finding : store.findings(run.runId())) {
                byRule.computeIfAbsent(finding.ruleId(), rule -> new TreeMap<>()).merge(run.runId(), 1, Integer::sum);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        byRule.forEach((rule, counts) -> {
            List<String> row = new ArrayList<>();
            row.add(rule);
            runs.forEach(run -> row.add(Integer.toString(counts.getOrDefault(run.runId(), 0))));
            rows.add(row);
        });
        if (!runs.isEmpty()) {
            List<String> total = new ArrayList<>();
            total.add("total");
            runs.forEach(run -> total.add(Integer.toString(run.findingCount())));
            rows.add(total);
        }
        return new HistoryReport.Table("Findings of " + auditName + " over the last " + runs.size() + " runs",
                columns("rule", runs), rows, "no finished runs yet");
    }

    /** Median days per stage across runs, oldest run left, stages in the newest run's (blueprint) order first. */
    HistoryReport.Table stageTrend(String auditName, List<RunRecord> runs) {
        Map<Long, Map<String, Double>> medians = new LinkedHashMap<>();
        Set<String> stages = new LinkedHashSet<>();
        for (RunRecord run : reversed(runs)) {
            Map<String, Double> byStage = new LinkedHashMap<>();
            for (StageMedian median : store.stageMedians(run.runId())) {
                byStage.put(median.stage(), median.medianDays());
                stages.add(median.stage());
            }
            medians.put(run.runId(), byStage);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String stage : stages) {
            List<String> row = new ArrayList<>();
            row.add(stage);
            runs.forEach(run -> {
                Double days = medians.get(run.runId()).get(stage);
                row.add(days == null ? "-" : number(days));
            });
            rows.add(row);
        }
        return new HistoryReport.Table("Median days in stage of " + auditName + " over the last " + runs.size() + " runs",
                columns("stage", runs), rows, "no stage medians recorded yet");
    }

    /** The runs in the opposite order (the store lists newest first; trends read oldest first). */
    private static List<RunRecord> reversed(List<RunRecord> runs) {
        List<RunRecord> reversed = new ArrayList<>(runs);
        Collections.reverse(reversed);
        return reversed;
    }

    private static List<String> columns(String first, List<RunRecord> runs) {
        List<String> columns = new ArrayList<>();
        columns.add(first);
        runs.forEach(run -> columns.add(ReportFolders.stamp(run.fireTime())));
        return columns;
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0)
                : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    @Override
    public void close() {
        database.ifPresent(StoreDatabase::close);
    }
}
