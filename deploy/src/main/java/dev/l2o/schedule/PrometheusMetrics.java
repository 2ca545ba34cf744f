package dev.l2o.schedule;

import dev.l2o.store.CoverageShares;
import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code /metrics} page in the Prometheus text exposition format (version 0.0.4), written by the Prometheus
 * Java client's own writer from metric snapshots. Last-run metrics come from the run history, so every node of a
 * cluster reports the same values; {@code l2o_audit_running} is this process's own. The writer orders metrics by
 * name and samples by labels, so equal inputs give byte-identical output.
 */
final class PrometheusMetrics {
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.create();

    private PrometheusMetrics() {}

    /**
     * @param audits the configured audit names
     * @param latest the newest finished run of each audit that has one
     * @param running the audits running in this process
     */
    static String render(List<String> audits, List<RunRecord> latest, Set<String> running) {
        return render(audits, latest, Map.of(), running);
    }

    /**
     * @param audits the configured audit names
     * @param latest the newest finished run of each audit that has one
     * @param coverage the blueprint coverage of those runs that computed one, by audit name
     * @param running the audits running in this process
     */
    static String render(List<String> audits, List<RunRecord> latest, Map<String, CoverageShares> coverage, Set<String> running) {
        Map<String, RunRecord> byAudit = new TreeMap<>();
        latest.forEach(run -> byAudit.put(run.auditName(), run));
        GaugeSnapshot.Builder runningGauge = gauge("l2o_audit_running", "Whether the audit is running in this process now (1) or not (0).");
        audits.forEach(name -> runningGauge.dataPoint(point(running.contains(name) ? 1 : 0, "audit", name)));
        GaugeSnapshot.Builder outcome = gauge("l2o_audit_last_run_outcome",
                "The outcome of the audit's last finished run (1 for the outcome it had).");
        GaugeSnapshot.Builder findings = gauge("l2o_audit_last_run_findings", "Findings of the audit's last finished run by severity.");
        byAudit.forEach((name, run) -> {
            for (RunOutcome candidate : RunOutcome.values()) {
                outcome.dataPoint(point(run.outcome().filter(candidate::equals).isPresent() ? 1 : 0,
                        "audit", name, "outcome", candidate.id()));
            }
            findings.dataPoint(point(run.errors(), "audit", name, "severity", "error"));
            findings.dataPoint(point(run.warnings(), "audit", name, "severity", "warning"));
            findings.dataPoint(point(run.infos(), "audit", name, "severity", "info"));
        });
        MetricSnapshots snapshots = MetricSnapshots.of(
                runningGauge.build(),
                lastRun(byAudit, "l2o_audit_last_run_timestamp_seconds",
                        "When the audit's last finished run ended, in seconds since the epoch.",
                        run -> run.finishedAt().map(at -> at.toEpochMilli() / 1000.0).orElse(Double.NaN)),
                lastRun(byAudit, "l2o_audit_last_run_duration_seconds", "How long the audit's last finished run took.",
                        run -> run.duration().map(duration -> duration.toMillis() / 1000.0).orElse(Double.NaN)),
                outcome.build(),
                findings.build(),
                lastRun(byAudit, "l2o_audit_last_run_maturity", "The overall maturity score (0-4) of the audit's last finished run.",
                        run -> run.maturityOverall().isPresent() ? run.maturityOverall().getAsDouble() : Double.NaN),
                coverageOverall(byAudit, coverage),
                coverageSections(byAudit, coverage));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            WRITER.write(out, snapshots);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array does not fail", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The overall blueprint coverage of each audit's last finished run that has one. */
    private static GaugeSnapshot coverageOverall(Map<String, RunRecord> byAudit, Map<String, CoverageShares> coverage) {
        GaugeSnapshot.Builder gauge = gauge("l2o_audit_last_run_coverage",
                "The share (0-1) of the blueprint's designed elements live in the CRM at the audit's last finished run "
                        + "(partly live elements count half).");
        byAudit.keySet().stream().filter(coverage::containsKey)
                .forEach(name -> gauge.dataPoint(point(coverage.get(name).overall(), "audit", name)));
        return gauge.build();
    }

    /** The blueprint coverage per section of each audit's last finished run that has one. */
    private static GaugeSnapshot coverageSections(Map<String, RunRecord> byAudit, Map<String, CoverageShares> coverage) {
        GaugeSnapshot.Builder gauge = gauge("l2o_audit_last_run_coverage_section",
                "The share (0-1) of one blueprint section's elements live in the CRM at the audit's last finished run.");
        byAudit.keySet().stream().filter(coverage::containsKey).forEach(name -> coverage.get(name).sections()
                .forEach((section, share) -> gauge.dataPoint(point(share, "audit", name, "section", section))));
        return gauge.build();
    }

    /** A gauge with one sample per audit that has a last run with the value (NaN: the run has none). */
    private static GaugeSnapshot lastRun(Map<String, RunRecord> byAudit, String metric, String help, Function<RunRecord, Double> value) {
        GaugeSnapshot.Builder gauge = gauge(metric, help);
        byAudit.forEach((name, run) -> {
            double sample = value.apply(run);
            if (!Double.isNaN(sample)) {
                gauge.dataPoint(point(sample, "audit", name));
            }
        });
        return gauge.build();
    }

    private static GaugeSnapshot.Builder gauge(String metric, String help) {
        return GaugeSnapshot.builder().name(metric).help(help);
    }

    private static GaugeDataPointSnapshot point(double value, String... labelNamesAndValues) {
        return GaugeDataPointSnapshot.builder().labels(Labels.of(labelNamesAndValues)).value(value).build();
    }
}
