package dev.l2o.schedule;

import dev.l2o.store.RunOutcome;
import dev.l2o.store.RunRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code /metrics} page in the Prometheus text exposition format (version 0.0.4). Last-run metrics come
 * from the run history, so every node of a cluster reports the same values; {@code l2o_audit_running} is
 * this process's own. Equal inputs give byte-identical output.
 */
final class PrometheusMetrics {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusMetrics() {}

    /**
     * @param audits the configured audit names
     * @param latest the newest finished run of each audit that has one
     * @param running the audits running in this process
     */
    static String render(List<String> audits, List<RunRecord> latest, Set<String> running) {
        Map<String, RunRecord> byAudit = new TreeMap<>();
        latest.forEach(run -> byAudit.put(run.auditName(), run));
        List<String> names = audits.stream().sorted().toList();
        StringBuilder out = new StringBuilder();
        gauge(out, "l2o_audit_running", "Whether the audit is running in this process now (1) or not (0).");
        names.forEach(name -> sample(out, "l2o_audit_running", labels("audit", name), running.contains(name) ? 1 : 0));
        lastRun(out, names, byAudit, "l2o_audit_last_run_timestamp_seconds",
                "When the audit's last finished run ended, in seconds since the epoch.",
                run -> run.finishedAt().map(at -> at.toEpochMilli() / 1000.0).orElse(Double.NaN));
        lastRun(out, names, byAudit, "l2o_audit_last_run_duration_seconds", "How long the audit's last finished run took.",
                run -> run.duration().map(duration -> duration.toMillis() / 1000.0).orElse(Double.NaN));
        gauge(out, "l2o_audit_last_run_outcome", "The outcome of the audit's last finished run (1 for the outcome it had).");
        for (String name : names) {
            RunRecord run = byAudit.get(name);
            if (run != null) {
                for (RunOutcome outcome : RunOutcome.values()) {
                    sample(out, "l2o_audit_last_run_outcome", labels("audit", name, "outcome", outcome.id()),
                            run.outcome().filter(outcome::equals).isPresent() ? 1 : 0);
                }
            }
        }
        gauge(out, "l2o_audit_last_run_findings", "Findings of the audit's last finished run by severity.");
        for (String name : names) {
            RunRecord run = byAudit.get(name);
            if (run != null) {
                sample(out, "l2o_audit_last_run_findings", labels("audit", name, "severity", "error"), run.errors());
                sample(out, "l2o_audit_last_run_findings", labels("audit", name, "severity", "warning"), run.warnings());
                sample(out, "l2o_audit_last_run_findings", labels("audit", name, "severity", "info"), run.infos());
            }
        }
        lastRun(out, names, byAudit, "l2o_audit_last_run_maturity", "The overall maturity score (0-4) of the audit's last finished run.",
                run -> run.maturityOverall().isPresent() ? run.maturityOverall().getAsDouble() : Double.NaN);
        return out.toString();
    }

    private static void lastRun(StringBuilder out, List<String> names, Map<String, RunRecord> byAudit, String metric, String help,
            Function<RunRecord, Double> value) {
        gauge(out, metric, help);
        for (String name : names) {
            RunRecord run = byAudit.get(name);
            if (run != null && !value.apply(run).isNaN()) {
                sample(out, metric, labels("audit", name), value.apply(run));
            }
        }
    }

    private static void gauge(StringBuilder out, String metric, String help) {
        out.append("# HELP ").append(metric).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(metric).append(" gauge\n");
    }

    private static void sample(StringBuilder out, String metric, String labels, double value) {
        out.append(metric).append('{').append(labels).append("} ").append(format(value)).append('\n');
    }

    private static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String labels(String... namesAndValues) {
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                labels.append(',');
            }
            labels.append(namesAndValues[i]).append("=\"").append(escape(namesAndValues[i + 1])).append('"');
        }
        return labels.toString();
    }

    /** Label values escape backslash, double quote and line feed. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
